// For the tests of the services that run on the job queue (FAQ, translations): the store and
// the queue in one SQLite file, and one job run as a worker pool runs it, without the pool's
// threads, so a test decides when each attempt happens.
#ifndef COOLPAPERS_TESTS_SUPPORT_JOB_TEST_SUPPORT_H_
#define COOLPAPERS_TESTS_SUPPORT_JOB_TEST_SUPPORT_H_

#include <filesystem>
#include <memory>

#include "jobs/job_outcome.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "store/store.h"

namespace coolpapers::jobs::testing {

struct StoreAndQueue {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::JobQueue> queue;
};

// Opens both in the SQLite file `path` (created when absent); fails the calling test and leaves
// them null when either cannot be opened.
StoreAndQueue OpenStoreAndQueue(const std::filesystem::path& path);

// Claims the next llm job at `now`, runs `handler` on it and records the outcome in `queue` (a
// retry may be claimed again at once). Fails the calling test when there is no job to claim
// (and returns a kFail outcome).
jobs::JobOutcome RunNextJob(store::JobQueue& queue, const jobs::JobHandler& handler,
                            store::JobTime now);

}  // namespace coolpapers::jobs::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_JOB_TEST_SUPPORT_H_
