#include "jobs/worker_pool.h"

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/mutex.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::jobs {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

using store::Job;
using store::JobKind;
using store::JobPriority;
using store::JobState;

constexpr milliseconds kPatience{10'000};  // how long a test waits for what should happen

store::JobTime WallNow() {
  return std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
}

// Polls `condition` until it holds or `timeout` passes; returns whether it held.
bool Eventually(const std::function<bool()>& condition, milliseconds timeout = kPatience) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(5));
  }
  return true;
}

// Fast settings, so retries and polls take milliseconds.
WorkerPoolOptions FastOptions() {
  WorkerPoolOptions options;
  options.kind = JobKind::kArxiv;
  options.workers = 1;
  options.job_timeout = milliseconds(5'000);
  options.lease = milliseconds(3'000);
  options.initial_backoff = milliseconds(20);
  options.max_backoff = milliseconds(200);
  options.idle_poll = milliseconds(10);
  options.name_prefix = "test";
  return options;
}

// What a handler saw, shared with it by value so a thread abandoned past the test's end stays
// safe.
struct Seen {
  Mutex mutex;
  // The job as each attempt received it, in start order.
  std::vector<Job> attempts GUARDED_BY(mutex);

  void Add(const Job& job) {
    MutexLock lock(&mutex);
    attempts.push_back(job);
  }
  std::vector<Job> Attempts() {
    MutexLock lock(&mutex);
    return attempts;
  }
};

class WorkerPoolTest : public ::testing::Test {
 protected:
  void SetUp() override { queue_ = OpenQueue(); }

  std::unique_ptr<store::JobQueue> OpenQueue() {
    auto queue = store::OpenSqliteJobQueue(dir_.path() / "store.sqlite");
    if (!queue) ADD_FAILURE() << queue.error().message << " / " << queue.error().detail;
    return queue ? std::move(*queue) : nullptr;
  }

  int64_t Enqueue(const std::string& key, JobPriority priority = JobPriority::kHistory) {
    auto job = queue_->Enqueue({JobKind::kArxiv, key, priority, ""}, WallNow());
    if (!job) ADD_FAILURE() << job.error().message;
    return job ? job->id : 0;
  }

  Job Get(int64_t id) {
    auto job = queue_->Get(id);
    if (!job || !*job) ADD_FAILURE() << "job " << id << " not found";
    return job && *job ? **job : Job{};
  }

  bool Finished(int64_t id) {
    JobState state = Get(id).state;
    return state == JobState::kDone || state == JobState::kFailed;
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::JobQueue> queue_;
  std::shared_ptr<Seen> seen_ = std::make_shared<Seen>();
};

TEST_F(WorkerPoolTest, RunsJobsAndRecordsTheirResults) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(Enqueue("paper:" + std::to_string(i)));
  WorkerPoolOptions options = FastOptions();
  options.workers = 3;
  WorkerPool pool(*queue_, [](const Job& job, const JobContext&) {
    return JobOutcome::Done("read " + job.key);
  }, options);
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return pool.Status().jobs_done == 6; }));
  for (int i = 0; i < 6; ++i) {
    Job job = Get(ids[i]);
    EXPECT_EQ(job.state, JobState::kDone);
    EXPECT_EQ(job.result, "read paper:" + std::to_string(i));
    EXPECT_EQ(job.attempts, 1);
    // Named by host, pid and a random tag, so names are unique across nodes and restarts.
    EXPECT_THAT(job.worker, MatchesRegex("test-arxiv-[1-3]@[^:]+:" + std::to_string(::getpid()) +
                                         "\\.[0-9a-f]{4}"));
  }
  WorkerPoolStatus status = pool.Status();
  EXPECT_EQ(status.kind, JobKind::kArxiv);
  EXPECT_EQ(status.workers, 3);
  EXPECT_EQ(status.jobs_retried, 0);
  EXPECT_EQ(status.jobs_failed, 0);
  EXPECT_EQ(status.workers_replaced, 0);
}

TEST_F(WorkerPoolTest, RunsAdminThenTodayThenHistory) {
  Enqueue("history-1", JobPriority::kHistory);
  Enqueue("today-1", JobPriority::kToday);
  Enqueue("admin-1", JobPriority::kAdmin);
  Enqueue("history-2", JobPriority::kHistory);
  Enqueue("today-2", JobPriority::kToday);
  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    return JobOutcome::Done();
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return pool.Status().jobs_done == 5; }));
  std::vector<std::string> keys;
  for (const Job& job : seen_->Attempts()) keys.push_back(job.key);
  EXPECT_THAT(keys, ElementsAre("admin-1", "today-1", "today-2", "history-1", "history-2"));
}

TEST_F(WorkerPoolTest, SpacesJobStartsByTheMinimumInterval) {
  for (int i = 0; i < 6; ++i) Enqueue("paper:" + std::to_string(i));
  WorkerPoolOptions options = FastOptions();
  options.workers = 3;
  options.min_interval = milliseconds(60);
  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    return JobOutcome::Done();
  }, options);
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return pool.Status().jobs_done == 6; }));
  // A job starts when it is claimed, and the claim stamps the job (`updated`): reading the
  // stamps rather than a clock inside the handler keeps thread-scheduling jitter out of the
  // measure. 1 ms is the stamps' resolution.
  std::vector<store::JobTime> starts;
  for (const Job& job : seen_->Attempts()) starts.push_back(job.updated);
  std::ranges::sort(starts);
  ASSERT_EQ(starts.size(), 6u);
  for (size_t i = 1; i < starts.size(); ++i) {
    EXPECT_GE(starts[i] - starts[i - 1], options.min_interval - milliseconds(1)) << "start " << i;
  }
}

TEST_F(WorkerPoolTest, RetriesWithBackoffThenCompletes) {
  int64_t id = Enqueue("paper:1");
  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    if (job.attempts < 3) return JobOutcome::Retry("arXiv answered 503");
    return JobOutcome::Done("fetched");
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kDone);
  EXPECT_EQ(job.result, "fetched");
  EXPECT_EQ(job.attempts, 3);
  EXPECT_EQ(job.last_error, "arXiv answered 503");
  std::vector<Job> attempts = seen_->Attempts();
  ASSERT_EQ(attempts.size(), 3u);
  // Backoff before attempt n+1 is 20 ms * 2^(n-1), at least half of it after jitter.
  EXPECT_GE(attempts[1].updated - attempts[0].updated, milliseconds(10));
  EXPECT_GE(attempts[2].updated - attempts[1].updated, milliseconds(20));
  EXPECT_TRUE(Eventually([&] { return pool.Status().jobs_done == 1; }));
  EXPECT_EQ(pool.Status().jobs_retried, 2);
}

TEST_F(WorkerPoolTest, WaitsTheRetryAfterTheHandlerAsksFor) {
  int64_t id = Enqueue("paper:1");
  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    if (job.attempts == 1) return JobOutcome::Retry("the API lags", milliseconds(300));
    return JobOutcome::Done();
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  std::vector<Job> attempts = seen_->Attempts();
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_GE(attempts[1].updated - attempts[0].updated, milliseconds(300));
}

TEST_F(WorkerPoolTest, GivesUpAfterMaxAttempts) {
  int64_t id = Enqueue("paper:1");
  WorkerPoolOptions options = FastOptions();
  options.max_attempts = 3;
  WorkerPool pool(*queue_, [](const Job&, const JobContext&) {
    return JobOutcome::Retry("arXiv answered 503");
  }, options);
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kFailed);
  EXPECT_EQ(job.attempts, 3);
  EXPECT_EQ(job.last_error, "gave up after 3 attempts: arXiv answered 503");
  EXPECT_TRUE(Eventually([&] { return pool.Status().jobs_failed == 1; }));
  EXPECT_EQ(pool.Status().jobs_retried, 2);
}

TEST_F(WorkerPoolTest, FailsAtOnceWhenTheHandlerSaysSo) {
  int64_t id = Enqueue("paper:1");
  WorkerPool pool(*queue_, [](const Job&, const JobContext&) {
    return JobOutcome::Fail("no such paper");
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kFailed);
  EXPECT_EQ(job.attempts, 1);
  EXPECT_EQ(job.last_error, "no such paper");
}

TEST_F(WorkerPoolTest, ReplacesAWorkerWhoseHandlerThrowsAndRetriesItsJob) {
  int64_t id = Enqueue("paper:1");
  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    if (job.attempts == 1) throw std::runtime_error("parser blew up");
    return JobOutcome::Done("fetched");
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kDone);
  EXPECT_EQ(job.attempts, 2);
  EXPECT_EQ(job.last_error, "worker crashed: parser blew up");
  std::vector<Job> attempts = seen_->Attempts();
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_THAT(attempts[0].worker, MatchesRegex("test-arxiv-1@.+"));
  EXPECT_THAT(attempts[1].worker, MatchesRegex("test-arxiv-2@.+"));
  WorkerPoolStatus status = pool.Status();
  EXPECT_EQ(status.workers_replaced, 1);
  EXPECT_EQ(status.workers, 1);
}

TEST_F(WorkerPoolTest, ReplacesAHungWorkerAndIgnoresItsLateOutcome) {
  int64_t id = Enqueue("paper:1");
  auto hung_returned = std::make_shared<std::atomic<bool>>(false);
  WorkerPoolOptions options = FastOptions();
  options.job_timeout = milliseconds(200);
  WorkerPool pool(*queue_, [seen = seen_, hung_returned](const Job& job, const JobContext& context) {
    seen->Add(job);
    if (job.attempts == 1) {
      // Hangs until the pool gives up on it, then a little longer, so its late answer arrives
      // after the retry has been recorded.
      while (!context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds(5));
      std::this_thread::sleep_for(milliseconds(300));
      hung_returned->store(true);
      return JobOutcome::Done("late answer");
    }
    return JobOutcome::Done("answer");
  }, options);
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id) && hung_returned->load(); }));
  std::this_thread::sleep_for(milliseconds(50));  // room for a wrongly recorded late answer
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kDone);
  EXPECT_EQ(job.result, "answer");
  EXPECT_EQ(job.attempts, 2);
  EXPECT_EQ(job.last_error, "worker hung for more than 0.2s");
  std::vector<Job> attempts = seen_->Attempts();
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_NE(attempts[0].worker, attempts[1].worker);
  EXPECT_TRUE(Eventually([&] { return pool.Status().jobs_done == 1; }));
  WorkerPoolStatus status = pool.Status();
  EXPECT_EQ(status.workers_replaced, 1);
  EXPECT_EQ(status.workers, 1);
  EXPECT_EQ(status.jobs_done, 1);
  EXPECT_EQ(status.jobs_retried, 1);
}

TEST_F(WorkerPoolTest, RenewsTheLeaseWhileAJobRuns) {
  int64_t id = Enqueue("paper:1");
  WorkerPoolOptions options = FastOptions();
  options.lease = milliseconds(150);
  auto finish = std::make_shared<std::atomic<bool>>(false);
  WorkerPool pool(*queue_, [seen = seen_, finish](const Job& job, const JobContext&) {
    seen->Add(job);
    while (!finish->load()) std::this_thread::sleep_for(milliseconds(5));
    return JobOutcome::Done("long job");
  }, options);
  pool.Start();
  ASSERT_TRUE(Eventually([&] { return pool.Status().busy == 1; }));

  // Another process looks for work for four lease lengths: the renewed lease keeps it out.
  std::unique_ptr<store::JobQueue> other = OpenQueue();
  const auto until = std::chrono::steady_clock::now() + 4 * options.lease;
  while (std::chrono::steady_clock::now() < until) {
    auto stolen = other->Claim(JobKind::kArxiv, "other", WallNow(), options.lease);
    ASSERT_TRUE(stolen);
    ASSERT_FALSE(*stolen) << "the running job was claimed again";
    std::this_thread::sleep_for(milliseconds(20));
  }
  finish->store(true);
  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  EXPECT_EQ(Get(id).attempts, 1);
  EXPECT_EQ(Get(id).result, "long job");
}

TEST_F(WorkerPoolTest, GivesUpOnAJobWhoseWorkersKeepDying) {
  // Three processes died running it: each claim's lease passed unrenewed.
  store::JobTime now = WallNow() - milliseconds(3'000);
  auto enqueued = queue_->Enqueue({JobKind::kArxiv, "paper:1", JobPriority::kHistory, ""}, now);
  ASSERT_TRUE(enqueued);
  const int64_t id = enqueued->id;
  for (int i = 1; i <= 3; ++i) {
    auto claimed = queue_->Claim(JobKind::kArxiv, "dead-" + std::to_string(i), now,
                                 milliseconds(10));
    ASSERT_TRUE(claimed && *claimed);
    now += milliseconds(20);
  }
  WorkerPoolOptions options = FastOptions();
  options.max_attempts = 3;
  auto ran = std::make_shared<std::atomic<bool>>(false);
  WorkerPool pool(*queue_, [ran](const Job&, const JobContext&) {
    ran->store(true);
    return JobOutcome::Done();
  }, options);
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(id); }));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kFailed);
  EXPECT_THAT(job.last_error, MatchesRegex("gave up after 4 attempts: the lease of dead-3 .*"));
  EXPECT_FALSE(ran->load());
}

TEST_F(WorkerPoolTest, StopIsPromptAndRequeuesTheInterruptedJob) {
  int64_t id = Enqueue("paper:1");
  WorkerPoolOptions options = FastOptions();
  options.job_timeout = milliseconds(30'000);
  options.idle_poll = milliseconds(30'000);
  WorkerPool pool(*queue_, [](const Job&, const JobContext& context) {
    while (!context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds(5));
    return JobOutcome::Retry("stopped halfway");
  }, options);
  pool.Start();
  ASSERT_TRUE(Eventually([&] { return pool.Status().busy == 1; }));

  const auto before = std::chrono::steady_clock::now();
  pool.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, milliseconds(1'000));
  Job job = Get(id);
  EXPECT_EQ(job.state, JobState::kQueued);
  EXPECT_THAT(job.last_error, HasSubstr("interrupted"));
  EXPECT_LE(job.not_before, WallNow());
  EXPECT_EQ(pool.Status().workers, 0);
}

TEST_F(WorkerPoolTest, WakeStartsQueuedWorkBeforeTheNextPoll) {
  WorkerPoolOptions options = FastOptions();
  options.idle_poll = milliseconds(30'000);
  WorkerPool pool(*queue_, [](const Job&, const JobContext&) { return JobOutcome::Done(); },
                  options);
  pool.Start();
  std::this_thread::sleep_for(milliseconds(50));  // the worker found nothing and went idle
  int64_t id = Enqueue("paper:1");
  pool.Wake();
  EXPECT_TRUE(Eventually([&] { return Finished(id); }, milliseconds(5'000)));
}

TEST_F(WorkerPoolTest, ANewPoolPicksUpWhatAStoppedOrDeadOneLeft) {
  int64_t queued = Enqueue("left-queued");
  int64_t orphan = Enqueue("left-running", JobPriority::kAdmin);
  // A process that died mid-run: its claim stays in the file until the lease passes.
  const store::JobTime died_at = WallNow();
  auto claimed = queue_->Claim(JobKind::kArxiv, "dead-arxiv-1@1", died_at, milliseconds(300));
  ASSERT_TRUE(claimed && *claimed);
  ASSERT_EQ((*claimed)->id, orphan);
  queue_ = OpenQueue();  // the restart

  WorkerPool pool(*queue_, [seen = seen_](const Job& job, const JobContext&) {
    seen->Add(job);
    return JobOutcome::Done("done by the new process");
  }, FastOptions());
  pool.Start();

  ASSERT_TRUE(Eventually([&] { return Finished(queued) && Finished(orphan); }));
  Job reclaimed = Get(orphan);
  EXPECT_EQ(reclaimed.state, JobState::kDone);
  EXPECT_EQ(reclaimed.attempts, 2);
  EXPECT_THAT(reclaimed.last_error, HasSubstr("dead-arxiv-1@1"));
  EXPECT_EQ(Get(queued).state, JobState::kDone);
  std::vector<Job> attempts = seen_->Attempts();
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_EQ(attempts[0].id, queued);  // runs at once; the orphan waits for its lease
  EXPECT_EQ(attempts[1].id, orphan);
  EXPECT_GE(attempts[1].updated, died_at + milliseconds(300));
}

}  // namespace
}  // namespace coolpapers::jobs
