// The behaviour every JobQueue implementation must have, run against each one through a backend
// factory. A PostgreSQL queue joins by adding its backend to INSTANTIATE_TEST_SUITE_P below.
#include "store/job_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/pg_job_queue.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct JobQueueBackend {
  std::string name;
  // Opens the queue kept under `dir`, creating it on first use; opening the same dir again
  // gives a second queue on the same data (as another process would).
  std::function<Result<std::unique_ptr<JobQueue>>(const std::filesystem::path& dir)> open;
  // Why the backend cannot run here (its server is not installed), or std::nullopt.
  std::function<std::optional<std::string>()> skip_reason = [] { return std::nullopt; };
};

// Names the backend in test output (gtest would otherwise dump its bytes).
void PrintTo(const JobQueueBackend& backend, std::ostream* out) { *out << backend.name; }

JobQueueBackend SqliteBackend() {
  return {"Sqlite", [](const std::filesystem::path& dir) {
            return OpenSqliteJobQueue(dir / "store.sqlite");
          }};
}

JobQueueBackend PgBackend() {
  return {"Postgres",
          [](const std::filesystem::path& dir) {
            return OpenPgJobQueue(coolpapers::testing::PgTestDatabaseUrl(dir));
          },
          coolpapers::testing::PgTestSkipReason};
}

constexpr JobTime kT0{milliseconds(1'700'000'000'000)};
constexpr milliseconds kLease{60'000};

class JobQueueTest : public ::testing::TestWithParam<JobQueueBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    queue_ = Open();
  }

  std::unique_ptr<JobQueue> Open() {
    auto queue = GetParam().open(dir_.path());
    if (!queue) ADD_FAILURE() << queue.error().message << " / " << queue.error().detail;
    return queue ? std::move(*queue) : nullptr;
  }

  Job Enqueue(const std::string& key, JobPriority priority = JobPriority::kHistory,
              JobKind kind = JobKind::kArxiv, JobTime now = kT0,
              EnqueueMode mode = EnqueueMode::kKeepFinished, std::string payload = {}) {
    auto job = queue_->Enqueue({kind, key, priority, std::move(payload)}, now, mode);
    if (!job) ADD_FAILURE() << job.error().message << " / " << job.error().detail;
    return job.value_or(Job{});
  }

  std::optional<Job> Claim(const std::string& worker, JobTime now = kT0,
                           JobKind kind = JobKind::kArxiv) {
    auto job = queue_->Claim(kind, worker, now, kLease);
    if (!job) ADD_FAILURE() << job.error().message << " / " << job.error().detail;
    return job.value_or(std::nullopt);
  }

  // Claims until the queue has nothing for `kind` at `now`; returns the keys in claim order.
  std::vector<std::string> ClaimAllKeys(JobTime now = kT0, JobKind kind = JobKind::kArxiv) {
    std::vector<std::string> keys;
    while (auto job = Claim("w", now, kind)) keys.push_back(job->key);
    return keys;
  }

  Job Get(int64_t id) {
    auto job = queue_->Get(id);
    if (!job || !*job) {
      ADD_FAILURE() << "job " << id << " not found";
      return Job{};
    }
    return **job;
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<JobQueue> queue_;
};

TEST(JobNames, SpellEachEnumeratorAndParseItBack) {
  for (JobKind kind : {JobKind::kArxiv, JobKind::kPdf, JobKind::kLlm}) {
    EXPECT_EQ(ParseJobKind(JobKindName(kind)), kind);
  }
  for (JobState state : {JobState::kQueued, JobState::kRunning, JobState::kDone,
                         JobState::kFailed}) {
    EXPECT_EQ(ParseJobState(JobStateName(state)), state);
  }
  EXPECT_EQ(JobKindName(JobKind::kPdf), "pdf");
  EXPECT_EQ(JobStateName(JobState::kFailed), "failed");
  EXPECT_EQ(JobPriorityName(JobPriority::kAdmin), "admin");
  EXPECT_EQ(JobPriorityName(JobPriority::kToday), "today");
  EXPECT_EQ(JobPriorityName(JobPriority::kHistory), "history");
  EXPECT_EQ(ParseJobKind("PDF"), std::nullopt);
  EXPECT_EQ(ParseJobState(""), std::nullopt);
}

TEST_P(JobQueueTest, EnqueueAddsAQueuedJob) {
  Job job = queue_->Enqueue({JobKind::kPdf, "paper:2401.06769", JobPriority::kToday, "{}"}, kT0)
                .value();
  EXPECT_GT(job.id, 0);
  EXPECT_EQ(job.kind, JobKind::kPdf);
  EXPECT_EQ(job.key, "paper:2401.06769");
  EXPECT_EQ(job.priority, JobPriority::kToday);
  EXPECT_EQ(job.payload, "{}");
  EXPECT_EQ(job.state, JobState::kQueued);
  EXPECT_EQ(job.attempts, 0);
  EXPECT_EQ(job.last_error, "");
  EXPECT_EQ(job.created, kT0);
  EXPECT_EQ(job.not_before, kT0);
}

TEST_P(JobQueueTest, EnqueueRejectsAnEmptyKey) {
  auto job = queue_->Enqueue({JobKind::kArxiv, "", JobPriority::kHistory, ""}, kT0);
  ASSERT_FALSE(job);
  EXPECT_EQ(job.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(JobQueueTest, EnqueueOfTheSameWorkFindsTheSameJob) {
  Job first = Enqueue("feed:cs.AI", JobPriority::kHistory, JobKind::kArxiv, kT0,
                      EnqueueMode::kKeepFinished, "first");
  Job again = Enqueue("feed:cs.AI", JobPriority::kHistory, JobKind::kArxiv, kT0 + kLease,
                      EnqueueMode::kKeepFinished, "second");
  Job other_kind = Enqueue("feed:cs.AI", JobPriority::kHistory, JobKind::kLlm);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.payload, "first");
  EXPECT_NE(other_kind.id, first.id);
}

TEST_P(JobQueueTest, EnqueueRaisesPriorityButNeverLowersIt) {
  int64_t id = Enqueue("paper:1", JobPriority::kHistory).id;
  EXPECT_EQ(Enqueue("paper:1", JobPriority::kToday).priority, JobPriority::kToday);
  EXPECT_EQ(Enqueue("paper:1", JobPriority::kHistory).priority, JobPriority::kToday);
  ASSERT_TRUE(Claim("w1"));
  Job raised_while_running = Enqueue("paper:1", JobPriority::kAdmin);
  EXPECT_EQ(raised_while_running.priority, JobPriority::kAdmin);
  EXPECT_EQ(raised_while_running.state, JobState::kRunning);
  EXPECT_EQ(Get(id).priority, JobPriority::kAdmin);
}

TEST_P(JobQueueTest, EnqueueKeepsAFinishedJobByDefault) {
  Job job = Enqueue("paper:1");
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Release(job.id, "w1", "PDF missing", std::nullopt, kT0));
  Job again = Enqueue("paper:1", JobPriority::kAdmin);
  EXPECT_EQ(again.state, JobState::kFailed);
  EXPECT_EQ(again.attempts, 1);
  EXPECT_EQ(again.last_error, "PDF missing");
  EXPECT_EQ(again.priority, JobPriority::kHistory);
}

TEST_P(JobQueueTest, EnqueueRestartsAFinishedJobWhenAsked) {
  Job job = Enqueue("paper:1");
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Complete(job.id, "w1", "old answer", kT0));
  JobTime later = kT0 + kLease;
  Job again = Enqueue("paper:1", JobPriority::kAdmin, JobKind::kArxiv, later,
                      EnqueueMode::kRestartFinished, "new");
  EXPECT_EQ(again.id, job.id);
  EXPECT_EQ(again.state, JobState::kQueued);
  EXPECT_EQ(again.attempts, 0);
  EXPECT_EQ(again.result, "");
  EXPECT_EQ(again.payload, "new");
  EXPECT_EQ(again.priority, JobPriority::kAdmin);
  EXPECT_EQ(again.not_before, later);
  EXPECT_EQ(Claim("w2", later)->id, job.id);
}

TEST_P(JobQueueTest, ClaimTakesAdminThenTodayThenHistoryThenTheOldest) {
  Enqueue("history-1", JobPriority::kHistory);
  Enqueue("today-1", JobPriority::kToday);
  Enqueue("history-2", JobPriority::kHistory);
  Enqueue("admin-1", JobPriority::kAdmin);
  Enqueue("today-2", JobPriority::kToday);
  EXPECT_THAT(ClaimAllKeys(),
              ElementsAre("admin-1", "today-1", "today-2", "history-1", "history-2"));
}

TEST_P(JobQueueTest, ClaimTakesOnlyItsKind) {
  Enqueue("pdf", JobPriority::kAdmin, JobKind::kPdf);
  Enqueue("llm", JobPriority::kAdmin, JobKind::kLlm);
  EXPECT_THAT(ClaimAllKeys(kT0, JobKind::kArxiv), IsEmpty());
  EXPECT_THAT(ClaimAllKeys(kT0, JobKind::kLlm), ElementsAre("llm"));
}

TEST_P(JobQueueTest, ClaimLeasesTheJobAndCountsTheAttempt) {
  int64_t id = Enqueue("paper:1").id;
  std::optional<Job> claimed = Claim("w1", kT0 + milliseconds(5));
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, id);
  EXPECT_EQ(claimed->state, JobState::kRunning);
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(claimed->worker, "w1");
  EXPECT_EQ(claimed->lease_until, kT0 + milliseconds(5) + kLease);
  Job stored = Get(id);
  EXPECT_EQ(stored.state, JobState::kRunning);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_EQ(stored.worker, "w1");
  EXPECT_EQ(stored.lease_until, claimed->lease_until);
  EXPECT_FALSE(Claim("w2", kT0 + milliseconds(5)));
}

TEST_P(JobQueueTest, ClaimWaitsForNotBefore) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("w1"));
  JobTime retry_at = kT0 + milliseconds(1000);
  ASSERT_TRUE(queue_->Release(id, "w1", "503 from arXiv", retry_at, kT0));
  EXPECT_FALSE(Claim("w2", retry_at - milliseconds(1)));
  std::optional<Job> retried = Claim("w2", retry_at);
  ASSERT_TRUE(retried);
  EXPECT_EQ(retried->attempts, 2);
  EXPECT_EQ(retried->last_error, "503 from arXiv");
}

TEST_P(JobQueueTest, ClaimTakesARunningJobWhoseLeasePassed) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("dead-worker"));
  EXPECT_FALSE(Claim("w2", kT0 + kLease - milliseconds(1)));
  std::optional<Job> reclaimed = Claim("w2", kT0 + kLease);
  ASSERT_TRUE(reclaimed);
  EXPECT_EQ(reclaimed->id, id);
  EXPECT_EQ(reclaimed->attempts, 2);
  EXPECT_EQ(reclaimed->worker, "w2");
  EXPECT_THAT(reclaimed->last_error, HasSubstr("dead-worker"));
}

TEST_P(JobQueueTest, ClaimOfAnExpiredLeaseStillFollowsPriority) {
  Enqueue("history", JobPriority::kHistory);
  ASSERT_TRUE(Claim("dead-worker"));
  Enqueue("admin", JobPriority::kAdmin);
  EXPECT_THAT(ClaimAllKeys(kT0 + kLease), ElementsAre("admin", "history"));
}

TEST_P(JobQueueTest, RenewExtendsTheLease) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Renew(id, "w1", kT0 + 2 * kLease));
  EXPECT_EQ(Get(id).lease_until, kT0 + 2 * kLease);
  EXPECT_FALSE(Claim("w2", kT0 + kLease));
  EXPECT_TRUE(Claim("w2", kT0 + 2 * kLease));
}

TEST_P(JobQueueTest, CompleteStoresTheResult) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Complete(id, "w1", "42 papers", kT0 + milliseconds(7)));
  Job done = Get(id);
  EXPECT_EQ(done.state, JobState::kDone);
  EXPECT_EQ(done.result, "42 papers");
  EXPECT_EQ(done.updated, kT0 + milliseconds(7));
  EXPECT_FALSE(Claim("w2", kT0 + 2 * kLease));
}

TEST_P(JobQueueTest, ReleaseWithoutNotBeforeFailsTheJobForGood) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Release(id, "w1", "no such paper", std::nullopt, kT0));
  Job failed = Get(id);
  EXPECT_EQ(failed.state, JobState::kFailed);
  EXPECT_EQ(failed.last_error, "no such paper");
  EXPECT_FALSE(Claim("w2", kT0 + 2 * kLease));
}

TEST_P(JobQueueTest, AWorkerThatLostTheLeaseChangesNothing) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("slow"));
  ASSERT_TRUE(Claim("fast", kT0 + kLease));
  const Job before = Get(id);

  auto renewed = queue_->Renew(id, "slow", kT0 + 3 * kLease);
  auto completed = queue_->Complete(id, "slow", "late result", kT0 + kLease);
  auto released = queue_->Release(id, "slow", "late error", std::nullopt, kT0 + kLease);
  ASSERT_FALSE(renewed);
  ASSERT_FALSE(completed);
  ASSERT_FALSE(released);
  EXPECT_EQ(renewed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(completed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(released.error().code, ErrorCode::kConflict);

  const Job after = Get(id);
  EXPECT_EQ(after.state, JobState::kRunning);
  EXPECT_EQ(after.worker, "fast");
  EXPECT_EQ(after.lease_until, before.lease_until);
  EXPECT_EQ(after.result, "");
  EXPECT_EQ(after.last_error, before.last_error);
}

TEST_P(JobQueueTest, AFinishedJobCannotBeCompletedAgain) {
  int64_t id = Enqueue("paper:1").id;
  ASSERT_TRUE(Claim("w1"));
  ASSERT_TRUE(queue_->Complete(id, "w1", "first", kT0));
  auto again = queue_->Complete(id, "w1", "second", kT0);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Get(id).result, "first");
  auto unknown = queue_->Complete(id + 1000, "w1", "x", kT0);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kConflict);
}

TEST_P(JobQueueTest, JobsSurviveClosingAndReopening) {
  int64_t queued = Enqueue("queued", JobPriority::kToday).id;
  int64_t running = Enqueue("running", JobPriority::kAdmin).id;
  ASSERT_EQ(Claim("w1")->id, running);
  queue_.reset();

  queue_ = Open();
  ASSERT_TRUE(queue_);
  EXPECT_EQ(Get(queued).state, JobState::kQueued);
  Job still_running = Get(running);
  EXPECT_EQ(still_running.state, JobState::kRunning);
  EXPECT_EQ(still_running.worker, "w1");
  EXPECT_EQ(still_running.attempts, 1);
  EXPECT_THAT(ClaimAllKeys(kT0 + kLease), ElementsAre("running", "queued"));
}

TEST_P(JobQueueTest, FindLooksUpByKindAndKey) {
  int64_t id = Enqueue("paper:1", JobPriority::kHistory, JobKind::kPdf).id;
  auto found = queue_->Find(JobKind::kPdf, "paper:1");
  ASSERT_TRUE(found);
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->id, id);
  EXPECT_FALSE(queue_->Find(JobKind::kLlm, "paper:1").value());
  EXPECT_FALSE(queue_->Get(id + 1).value());
}

TEST_P(JobQueueTest, PositionOfCountsTheJobsClaimedBeforeIt) {
  int64_t running = Enqueue("running", JobPriority::kHistory).id;
  ASSERT_TRUE(Claim("w1"));
  int64_t history = Enqueue("history", JobPriority::kHistory).id;
  int64_t today = Enqueue("today", JobPriority::kToday).id;
  Enqueue("other-kind", JobPriority::kAdmin, JobKind::kLlm);
  int64_t admin = Enqueue("admin", JobPriority::kAdmin).id;

  EXPECT_EQ(queue_->PositionOf(admin).value(), 0);
  EXPECT_EQ(queue_->PositionOf(today).value(), 1);
  EXPECT_EQ(queue_->PositionOf(history).value(), 3);  // the running job was claimed before it
  EXPECT_EQ(queue_->PositionOf(running).value(), 0);
  auto unknown = queue_->PositionOf(admin + 1000);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(JobQueueTest, CountsGivesTheNonZeroCountsPerKindAndState) {
  Enqueue("a");
  Enqueue("b");
  int64_t c = Enqueue("c", JobPriority::kAdmin).id;
  Enqueue("d", JobPriority::kHistory, JobKind::kLlm);
  ASSERT_EQ(Claim("w1")->id, c);
  ASSERT_TRUE(queue_->Complete(c, "w1", "", kT0));
  auto counts = queue_->Counts();
  ASSERT_TRUE(counts);
  std::vector<std::tuple<JobKind, JobState, int64_t>> seen;
  for (const JobCount& count : *counts) seen.emplace_back(count.kind, count.state, count.count);
  EXPECT_THAT(seen, ElementsAre(std::tuple(JobKind::kArxiv, JobState::kQueued, 2),
                                std::tuple(JobKind::kArxiv, JobState::kDone, 1),
                                std::tuple(JobKind::kLlm, JobState::kQueued, 1)));
}

TEST_P(JobQueueTest, ListShowsRunningThenQueuedInClaimOrderThenFinishedNewestFirst) {
  int64_t done_early = Enqueue("done-early", JobPriority::kAdmin).id;
  ASSERT_TRUE(Claim("w"));
  ASSERT_TRUE(queue_->Complete(done_early, "w", "", kT0 + milliseconds(1)));
  int64_t failed_late = Enqueue("failed-late", JobPriority::kAdmin).id;
  ASSERT_TRUE(Claim("w"));
  ASSERT_TRUE(queue_->Release(failed_late, "w", "bad", std::nullopt, kT0 + milliseconds(2)));
  Enqueue("running", JobPriority::kAdmin);
  ASSERT_TRUE(Claim("w"));
  Enqueue("history");
  Enqueue("today", JobPriority::kToday);
  Enqueue("pdf", JobPriority::kAdmin, JobKind::kPdf);

  auto keys = [&](const JobFilter& filter) {
    std::vector<std::string> listed;
    std::vector<Job> jobs = queue_->List(filter).value();
    for (const Job& job : jobs) listed.push_back(job.key);
    return listed;
  };
  EXPECT_THAT(keys({}),
              ElementsAre("running", "pdf", "today", "history", "failed-late", "done-early"));
  EXPECT_THAT(keys({JobKind::kArxiv, JobState::kQueued, 100}),
              ElementsAre("today", "history"));
  EXPECT_THAT(keys({JobKind::kPdf, std::nullopt, 100}), ElementsAre("pdf"));
  EXPECT_THAT(keys({std::nullopt, std::nullopt, 2}), ElementsAre("running", "pdf"));
}

TEST_P(JobQueueTest, ConcurrentClaimsNeverShareAJob) {
  constexpr int kJobs = 200;
  for (int i = 0; i < kJobs; ++i) Enqueue("paper:" + std::to_string(i));
  // Two threads per connection and two connections, as two processes sharing the file would.
  std::unique_ptr<JobQueue> second = Open();
  ASSERT_TRUE(second);
  std::vector<std::vector<int64_t>> claimed(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    JobQueue& queue = t % 2 == 0 ? *queue_ : *second;
    threads.emplace_back([&queue, &ids = claimed[t], t] {
      const std::string worker = "w" + std::to_string(t);
      for (;;) {
        auto job = queue.Claim(JobKind::kArxiv, worker, kT0, kLease);
        if (!job || !*job) return;
        ids.push_back((*job)->id);
        if (!queue.Complete((*job)->id, worker, worker, kT0)) return;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  std::multiset<int64_t> all;
  for (const auto& ids : claimed) all.insert(ids.begin(), ids.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(std::set<int64_t>(all.begin(), all.end()).size(), static_cast<size_t>(kJobs));
  EXPECT_THAT(queue_->List({std::nullopt, JobState::kDone, kJobs + 1}).value(),
              ::testing::SizeIs(kJobs));
}

TEST_P(JobQueueTest, TwoProcessesClaimingAtOnceNeverShareAJob) {
  constexpr int kJobs = 200;
  for (int i = 0; i < kJobs; ++i) Enqueue("paper:" + std::to_string(i));
  // Nothing of the parent's queue may cross the fork (SQLite forbids carrying a connection
  // into a child), so both sides open their own after it.
  queue_.reset();
  auto claim_all = [](JobQueue& queue, const std::string& worker) {
    int claimed = 0;
    for (;;) {
      auto job = queue.Claim(JobKind::kArxiv, worker, kT0, kLease);
      if (!job) return -1;
      if (!*job) return claimed;
      if (!queue.Complete((*job)->id, worker, worker, kT0)) return -1;
      ++claimed;
    }
  };
  int ready[2];  // the child says when its queue is open, so both start claiming together
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    ::alarm(30);  // a stuck child must not outlive the test
    auto queue = GetParam().open(dir_.path());
    const bool told = ::write(ready[1], "r", 1) == 1;
    ::_exit(told && queue && claim_all(**queue, "child") >= 0 ? 0 : 1);
  }
  queue_ = Open();
  char signal = 0;
  const bool child_ready = ::read(ready[0], &signal, 1) == 1;
  ::close(ready[0]);
  ::close(ready[1]);
  ASSERT_TRUE(queue_);
  ASSERT_TRUE(child_ready);
  const int parent_claims = claim_all(*queue_, "parent");
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  EXPECT_GE(parent_claims, 0);

  // Every job done once: a job claimed twice would show a second attempt.
  auto jobs = queue_->List({std::nullopt, std::nullopt, kJobs + 1});
  ASSERT_TRUE(jobs);
  ASSERT_EQ(jobs->size(), static_cast<size_t>(kJobs));
  int by_child = 0;
  for (const Job& job : *jobs) {
    EXPECT_EQ(job.state, JobState::kDone) << job.key;
    EXPECT_EQ(job.attempts, 1) << job.key;
    if (job.result == "child") ++by_child;
  }
  EXPECT_EQ(by_child + parent_claims, kJobs);
}

INSTANTIATE_TEST_SUITE_P(Backends, JobQueueTest, ::testing::Values(SqliteBackend(), PgBackend()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace coolpapers::store
