// A supervised pool of worker threads for one kind of job: each worker claims the next job
// from the persistent queue, runs the handler, and records the outcome. The pool keeps its own
// rate limit (a minimum interval between job starts), renews the leases of running jobs, and
// replaces a worker whose handler throws or hangs past the job timeout: the job goes back to the
// queue with backoff and its attempt and error recorded.
#ifndef COOLPAPERS_JOBS_WORKER_POOL_H_
#define COOLPAPERS_JOBS_WORKER_POOL_H_

#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>

#include "core/clock.h"
#include "jobs/job_outcome.h"
#include "store/job_queue.h"

namespace coolpapers::jobs {

struct JobContext {
  // Set when the pool stops or gives up on this attempt (job timeout): a long handler should
  // check it between steps and return early (its outcome is then ignored).
  std::stop_token stop;
};

// Runs one job attempt. May throw: the pool treats an exception as a crashed worker. Called
// from the pool's threads, several at once when the pool has several workers. A hung attempt's
// thread is abandoned and may outlive the pool, so the handler must not capture anything that
// dies with the pool's owner unless it returns promptly once context.stop is set.
using JobHandler = std::function<JobOutcome(const store::Job& job, const JobContext& context)>;

struct WorkerPoolOptions {
  store::JobKind kind = store::JobKind::kArxiv;
  int workers = 1;
  // At least this long between the starts of two jobs of this pool (0: no limit).
  std::chrono::milliseconds min_interval{0};
  // A job running longer than this is abandoned: its worker is replaced and the job retried.
  std::chrono::milliseconds job_timeout{std::chrono::minutes(10)};
  // Leases are this long and renewed every lease/3 while the handler runs.
  std::chrono::milliseconds lease{std::chrono::seconds(60)};
  // Attempts in all before a retried job fails for good.
  int max_attempts = 8;
  // Backoff before attempt n+1: initial * 2^(n-1), capped, with jitter (half randomised).
  std::chrono::milliseconds initial_backoff{std::chrono::seconds(5)};
  std::chrono::milliseconds max_backoff{std::chrono::minutes(30)};
  // How often an idle worker looks for work when nobody calls Wake().
  std::chrono::milliseconds idle_poll{std::chrono::milliseconds(500)};
  std::string name_prefix = "worker";  // "<prefix>-<kind>-<n>@<host>:<pid>.<random>"
  // The job times (claims, leases, backoff) come from this clock; the pool's threads wait in
  // real time. Not owned; must outlive the pool.
  Clock* clock = &RealClock();
};

struct WorkerPoolStatus {
  store::JobKind kind = store::JobKind::kArxiv;
  int workers = 0;           // live workers
  int busy = 0;              // running a job now
  int64_t jobs_done = 0;     // since start
  int64_t jobs_retried = 0;
  int64_t jobs_failed = 0;
  int64_t workers_replaced = 0;  // crashed or hung
  // Queue calls that failed (the store busy past its timeout, a disk error): the job concerned
  // stays leased and is claimed again once its lease passes.
  int64_t queue_errors = 0;
  std::string last_queue_error;  // the latest one's message (safe to show); "" when none
};

class WorkerPool {
 public:
  // `queue` must outlive the pool. Does not start: call Start().
  WorkerPool(store::JobQueue& queue, JobHandler handler, WorkerPoolOptions options);
  ~WorkerPool();  // Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Start();
  // Asks workers to stop, waits for those running a handler to return (up to the job timeout;
  // a hung one is abandoned and its job released for a retry, as while running). A job whose
  // handler returns kRetry or kFail after the stop request goes back to the queue at once, as
  // the stop may be what made it fail. Idempotent; the pool cannot be started again.
  void Stop();
  // A job of this kind was just queued: an idle worker looks now rather than at its next poll.
  void Wake();

  WorkerPoolStatus Status() const;

 private:
  struct Shared;
  std::shared_ptr<Shared> shared_;  // shared with the threads, so an abandoned one stays safe
};

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_WORKER_POOL_H_
