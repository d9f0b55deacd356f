#include "tests/support/job_test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"

namespace coolpapers::jobs::testing {

StoreAndQueue OpenStoreAndQueue(const std::filesystem::path& path) {
  StoreAndQueue opened;
  auto store = store::OpenSqliteStore(path);
  EXPECT_TRUE(store) << store.error().message;
  auto queue = store::OpenSqliteJobQueue(path);
  EXPECT_TRUE(queue) << queue.error().message;
  if (store && queue) opened = {std::move(*store), std::move(*queue)};
  return opened;
}

jobs::JobOutcome RunNextJob(store::JobQueue& queue, const jobs::JobHandler& handler,
                            store::JobTime now) {
  auto claimed = queue.Claim(store::JobKind::kLlm, "w1", now, std::chrono::seconds(60));
  EXPECT_TRUE(claimed && *claimed) << "no job to run";
  if (!claimed || !*claimed) return jobs::JobOutcome::Fail("no job");
  const store::Job& job = **claimed;
  jobs::JobOutcome outcome = handler(job, {});
  switch (outcome.kind) {
    case jobs::JobOutcome::Kind::kDone:
      EXPECT_TRUE(queue.Complete(job.id, "w1", outcome.text, now));
      break;
    case jobs::JobOutcome::Kind::kRetry:
      EXPECT_TRUE(queue.Release(job.id, "w1", outcome.text, now, now));
      break;
    case jobs::JobOutcome::Kind::kFail:
      EXPECT_TRUE(queue.Release(job.id, "w1", outcome.text, std::nullopt, now));
      break;
  }
  return outcome;
}

}  // namespace coolpapers::jobs::testing
