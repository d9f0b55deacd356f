#include "jobs/worker_pool.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <list>
#include <optional>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "core/backoff.h"
#include "core/mutex.h"
#include "core/thread_priority.h"

namespace coolpapers::jobs {
namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

// "0.25s", "600s".
std::string FormatSeconds(milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%gs", static_cast<double>(duration.count()) / 1000.0);
  return text;
}

// Who this process is among every process sharing the queue: "<host>:<pid>.<random>". Several
// nodes share one PostgreSQL queue, and a lease holder's name must be unique among them: pids
// repeat across machines (every container's server may be pid 1) and across restarts, and a
// worker that only shares a dead or hung worker's name would renew and complete its job.
const std::string& ProcessIdentity() {
  static const std::string identity = [] {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') {
      std::snprintf(host, sizeof host, "host");
    }
    char nonce[8];
    std::snprintf(nonce, sizeof nonce, "%04x",
                  static_cast<unsigned>(std::random_device{}() & 0xffffu));
    return std::string(host) + ":" + std::to_string(::getpid()) + "." + nonce;
  }();
  return identity;
}

// One worker thread and what the supervisor needs to know about it.
struct Worker {
  std::string name;  // "<prefix>-<kind>-<n>@<host>:<pid>.<random>", the lease holder in the queue
  std::thread thread;
  // The rest is guarded by Shared::mutex.
  bool busy = false;       // running the handler on `job`
  bool abandoned = false;  // hung: the supervisor settled its job and replaced it
  bool finished = false;   // its thread has left the loop and can be joined
  store::Job job;
  Steady::time_point started{};
  Steady::time_point next_renewal{};
  std::stop_source stop;  // a fresh one per attempt
};

// How a job attempt ended, for Settle.
struct Ending {
  enum class Kind { kOutcome, kCrashed, kHung, kInterrupted } kind = Kind::kOutcome;
  JobOutcome outcome;  // kOutcome; kInterrupted keeps the handler's text
  std::string error;   // kCrashed: the exception's message
};

}  // namespace

// Everything the threads touch. Owned jointly by the pool and every thread, so a hung thread
// abandoned past the pool's destruction still finds its state alive; it never touches the
// queue again, which need only outlive the pool.
struct WorkerPool::Shared : std::enable_shared_from_this<Shared> {
  Shared(store::JobQueue& queue, JobHandler handler, WorkerPoolOptions options)
      : queue(queue),
        handler(std::move(handler)),
        options(std::move(options)),
        name_prefix(this->options.name_prefix + "-" +
                    std::string(store::JobKindName(this->options.kind)) + "-"),
        random(std::random_device{}()) {}

  void SpawnWorker() REQUIRES(mutex);
  void RunWorker(Worker& worker);
  bool NextJob(Worker& worker);
  bool RunJob(Worker& worker);
  void Settle(const store::Job& job, const std::string& worker, const Ending& ending);
  void RetryOrGiveUp(const store::Job& job, const std::string& worker, const std::string& error,
                     std::optional<milliseconds> retry_after);
  void Supervise();
  milliseconds Backoff(int attempts) REQUIRES(mutex);
  void NoteQueueError(const Error& error);

  store::JobQueue& queue;
  const JobHandler handler;
  const WorkerPoolOptions options;
  const std::string name_prefix;  // "<prefix>-<kind>-"

  mutable Mutex mutex;
  std::condition_variable_any changed;  // signals every change below
  bool started GUARDED_BY(mutex) = false;
  bool stopping GUARDED_BY(mutex) = false;
  bool supervisor_stopping GUARDED_BY(mutex) = false;
  uint64_t wake_generation GUARDED_BY(mutex) = 0;
  // A worker is claiming: claims go one at a time so starts can be spaced.
  bool claiming GUARDED_BY(mutex) = false;
  Steady::time_point next_start GUARDED_BY(mutex){};  // the rate limit: no job starts before this
  int next_number GUARDED_BY(mutex) = 1;
  // Live ones; abandoned ones are dropped.
  std::list<std::shared_ptr<Worker>> workers GUARDED_BY(mutex);
  std::thread supervisor;  // started by Start with mutex held, joined by Stop after `stopping`
  std::mt19937_64 random GUARDED_BY(mutex);
  WorkerPoolStatus counters GUARDED_BY(mutex);
};

void WorkerPool::Shared::SpawnWorker() {
  auto worker = std::make_shared<Worker>();
  worker->name = name_prefix + std::to_string(next_number++) + "@" + ProcessIdentity();
  workers.push_back(worker);
  worker->thread =
      std::thread([self = shared_from_this(), worker] { self->RunWorker(*worker); });
}

void WorkerPool::Shared::RunWorker(Worker& worker) {
  LowerThisThreadsPriority();  // background work: readers' requests go first
  while (NextJob(worker)) {
    if (!RunJob(worker)) return;  // abandoned or crashed: the thread simply ends
  }
  MutexLock lock(&mutex);
  worker.finished = true;
  changed.notify_all();
}

// Waits for this pool's turn to start a job and claims one, leaving the worker busy with it.
// Returns false when the pool stops.
bool WorkerPool::Shared::NextJob(Worker& worker) {
  MutexLock lock(&mutex);
  for (;;) {
    while (!stopping && (claiming || Steady::now() < next_start)) {
      if (claiming) {
        changed.wait(mutex);
      } else {
        changed.wait_until(mutex, next_start);
      }
    }
    if (stopping) return false;
    claiming = true;
    const uint64_t generation = wake_generation;
    lock.Unlock();
    auto claimed = queue.Claim(options.kind, worker.name, WallMilliseconds(*options.clock), options.lease);
    lock.Lock();
    claiming = false;
    changed.notify_all();
    if (!claimed) {
      lock.Unlock();
      NoteQueueError(claimed.error());
      lock.Lock();
    } else if (*claimed) {
      const Steady::time_point now = Steady::now();
      next_start = now + options.min_interval;
      worker.busy = true;
      worker.job = std::move(**claimed);
      worker.started = now;
      worker.next_renewal = now + options.lease / 3;
      worker.stop = std::stop_source();
      // Stop() asked only the workers busy at the time; this claim raced with it.
      if (stopping) worker.stop.request_stop();
      return true;
    }
    changed.wait_until(mutex, Steady::now() + options.idle_poll, [&] {
      mutex.AssertHeld();
      return stopping || wake_generation != generation;
    });
  }
}

// Runs the handler on the worker's job and records how it ended. Returns false when this
// thread must end: the supervisor abandoned it as hung, or the handler crashed (a replacement
// is already running).
bool WorkerPool::Shared::RunJob(Worker& worker) {
  const store::Job& job = worker.job;
  if (job.attempts > options.max_attempts) {
    {
      MutexLock lock(&mutex);
      worker.busy = false;
    }
    // Every earlier attempt died with its process (its lease passed), so the job itself may be
    // what kills the process: give up rather than run it again.
    RetryOrGiveUp(job, worker.name, job.last_error, std::nullopt);
    return true;
  }
  Ending ending;
  try {
    ending.outcome = handler(job, JobContext{worker.stop.get_token()});
  } catch (const std::exception& error) {
    ending.kind = Ending::Kind::kCrashed;
    ending.error = error.what();
  } catch (...) {
    ending.kind = Ending::Kind::kCrashed;
    ending.error = "an exception that is not a std::exception";
  }
  const bool crashed = ending.kind == Ending::Kind::kCrashed;
  {
    MutexLock lock(&mutex);
    if (worker.abandoned) return false;  // the supervisor settled the job; ignore the outcome
    worker.busy = false;
    if (crashed) {
      // The thread that threw may have left its own state broken: a fresh one takes over.
      ++counters.workers_replaced;
      if (!stopping) SpawnWorker();
      worker.finished = true;
      changed.notify_all();
    } else if (stopping && ending.outcome.kind != JobOutcome::Kind::kDone) {
      ending.kind = Ending::Kind::kInterrupted;
    }
  }
  Settle(job, worker.name, ending);
  return !crashed;
}

void WorkerPool::Shared::Settle(const store::Job& job, const std::string& worker,
                                const Ending& ending) {
  const store::JobTime now = WallMilliseconds(*options.clock);
  switch (ending.kind) {
    case Ending::Kind::kCrashed:
      return RetryOrGiveUp(job, worker, "worker crashed: " + ending.error, std::nullopt);
    case Ending::Kind::kHung:
      return RetryOrGiveUp(
          job, worker, "worker hung for more than " + FormatSeconds(options.job_timeout),
          std::nullopt);
    case Ending::Kind::kInterrupted: {
      auto released = queue.Release(job.id, worker,
                                    "interrupted: the worker pool stopped (" +
                                        ending.outcome.text + ")",
                                    now, now);
      if (!released) NoteQueueError(released.error());
      return;
    }
    case Ending::Kind::kOutcome:
      break;
  }
  const JobOutcome& outcome = ending.outcome;
  switch (outcome.kind) {
    case JobOutcome::Kind::kDone: {
      auto completed = queue.Complete(job.id, worker, outcome.text, now);
      if (!completed) return NoteQueueError(completed.error());
      MutexLock lock(&mutex);
      ++counters.jobs_done;
      return;
    }
    case JobOutcome::Kind::kRetry:
      return RetryOrGiveUp(job, worker, outcome.text, outcome.retry_after);
    case JobOutcome::Kind::kFail: {
      auto released = queue.Release(job.id, worker, outcome.text, std::nullopt, now);
      if (!released) return NoteQueueError(released.error());
      MutexLock lock(&mutex);
      ++counters.jobs_failed;
      return;
    }
  }
}

void WorkerPool::Shared::RetryOrGiveUp(const store::Job& job, const std::string& worker,
                                       const std::string& error,
                                       std::optional<milliseconds> retry_after) {
  const store::JobTime now = WallMilliseconds(*options.clock);
  const bool give_up = job.attempts >= options.max_attempts;
  std::optional<store::JobTime> not_before;
  if (!give_up) {
    MutexLock lock(&mutex);
    not_before = now + std::max(retry_after.value_or(milliseconds(0)), Backoff(job.attempts));
  }
  auto released = queue.Release(
      job.id, worker,
      give_up ? "gave up after " + std::to_string(job.attempts) + " attempts: " + error : error,
      not_before, now);
  if (!released) return NoteQueueError(released.error());
  MutexLock lock(&mutex);
  ++(give_up ? counters.jobs_failed : counters.jobs_retried);
}

milliseconds WorkerPool::Shared::Backoff(int attempts) {
  // Half randomised, so jobs that failed together do not come back together.
  const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  return JitteredBackoff({options.initial_backoff, options.max_backoff, 0.5}, attempts, unit);
}

void WorkerPool::Shared::NoteQueueError(const Error& error) {
  MutexLock lock(&mutex);
  ++counters.queue_errors;
  counters.last_queue_error = error.message;
}

// Renews the leases of running jobs and replaces workers whose handler ran past the job
// timeout, for all workers, so a busy worker needs no timer of its own.
void WorkerPool::Shared::Supervise() {
  const milliseconds renew_every = options.lease / 3;
  const milliseconds tick = std::clamp(std::min(renew_every, options.job_timeout / 4),
                                       milliseconds(5), milliseconds(1000));
  struct Renewal {
    std::shared_ptr<Worker> worker;
    int64_t job_id;
  };
  struct Abandoned {
    store::Job job;
    std::string worker;
  };
  MutexLock lock(&mutex);
  while (!supervisor_stopping) {
    changed.wait_for(mutex, tick, [&] {
      mutex.AssertHeld();
      return supervisor_stopping;
    });
    if (supervisor_stopping) break;
    const Steady::time_point now = Steady::now();
    std::vector<Renewal> renewals;
    std::vector<Abandoned> hung;
    std::vector<std::thread> ended;
    for (auto it = workers.begin(); it != workers.end();) {
      Worker& worker = **it;
      if (worker.finished) {
        ended.push_back(std::move(worker.thread));
        it = workers.erase(it);
      } else if (worker.busy && now - worker.started >= options.job_timeout) {
        worker.abandoned = true;
        worker.busy = false;
        worker.stop.request_stop();
        // A thread stuck in a handler cannot be joined or killed; detached, it ends on its own
        // when the handler returns, holding only the shared state.
        worker.thread.detach();
        hung.push_back({worker.job, worker.name});
        ++counters.workers_replaced;
        it = workers.erase(it);
        if (!stopping) SpawnWorker();
        changed.notify_all();
      } else {
        if (worker.busy && now >= worker.next_renewal) {
          renewals.push_back({*it, worker.job.id});
          worker.next_renewal = now + renew_every;
        }
        ++it;
      }
    }
    lock.Unlock();
    for (std::thread& thread : ended) thread.join();
    for (const Renewal& renewal : renewals) {
      auto renewed =
          queue.Renew(renewal.job_id, renewal.worker->name,
                      WallMilliseconds(*options.clock) + options.lease);
      if (renewed) continue;
      if (renewed.error().code != ErrorCode::kConflict) {
        NoteQueueError(renewed.error());
        continue;
      }
      // Someone else holds the job now (our lease passed while the store was unreachable):
      // this attempt's outcome will be refused, so tell the handler to give up early.
      MutexLock worker_lock(&mutex);
      if (renewal.worker->busy && renewal.worker->job.id == renewal.job_id) {
        renewal.worker->stop.request_stop();
      }
    }
    for (const Abandoned& abandoned : hung) {
      Settle(abandoned.job, abandoned.worker, Ending{Ending::Kind::kHung, {}, {}});
    }
    lock.Lock();
  }
}

WorkerPool::WorkerPool(store::JobQueue& queue, JobHandler handler, WorkerPoolOptions options)
    : shared_(std::make_shared<Shared>(queue, std::move(handler), std::move(options))) {}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Start() {
  MutexLock lock(&shared_->mutex);
  if (shared_->started) return;
  shared_->started = true;
  for (int i = 0; i < std::max(1, shared_->options.workers); ++i) shared_->SpawnWorker();
  shared_->supervisor = std::thread([shared = shared_] { shared->Supervise(); });
}

void WorkerPool::Stop() {
  Shared& shared = *shared_;
  std::vector<std::thread> threads;
  {
    MutexLock lock(&shared.mutex);
    if (!shared.started || shared.stopping) return;
    shared.stopping = true;
    for (const auto& worker : shared.workers) {
      if (worker->busy) worker->stop.request_stop();
    }
    shared.changed.notify_all();
    // The supervisor keeps running meanwhile, so a handler that ignores the stop request is
    // abandoned after the job timeout like any hung one.
    shared.changed.wait(shared.mutex, [&] {
      shared.mutex.AssertHeld();
      return std::ranges::all_of(shared.workers, [](const auto& worker) { return worker->finished; });
    });
    shared.supervisor_stopping = true;
    shared.changed.notify_all();
    for (const auto& worker : shared.workers) threads.push_back(std::move(worker->thread));
    shared.workers.clear();
  }
  shared.supervisor.join();
  for (std::thread& thread : threads) thread.join();
}

void WorkerPool::Wake() {
  MutexLock lock(&shared_->mutex);
  ++shared_->wake_generation;
  shared_->changed.notify_all();
}

WorkerPoolStatus WorkerPool::Status() const {
  MutexLock lock(&shared_->mutex);
  WorkerPoolStatus status = shared_->counters;
  status.kind = shared_->options.kind;
  status.workers = 0;
  status.busy = 0;
  for (const auto& worker : shared_->workers) {
    if (worker->finished) continue;
    ++status.workers;
    if (worker->busy) ++status.busy;
  }
  return status;
}

}  // namespace coolpapers::jobs
