// The persistent job queue: every piece of outside work (arXiv metadata, PDF downloads, LLM
// calls) is a row here, so work survives restarts and crashes. Three priorities as on
// papers.cool: an admin token's requests, then today's papers, then history. A claimed job
// carries a lease; a worker that dies or hangs stops renewing it and the job is claimed again.
// JobQueue is an interface so that the SQLite queue (sqlite_job_queue.h) and a PostgreSQL one
// pass the same tests.
#ifndef COOLPAPERS_STORE_JOB_QUEUE_H_
#define COOLPAPERS_STORE_JOB_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::store {

// Wall-clock instants of the queue, in milliseconds (stored as integers: ms since the epoch).
using JobTime = std::chrono::sys_time<std::chrono::milliseconds>;

// Each kind of work has its own worker pool and rate limit, so one cannot starve another.
enum class JobKind : int { kArxiv = 0, kPdf = 1, kLlm = 2 };
std::string_view JobKindName(JobKind kind);  // "arxiv", "pdf", "llm"
std::optional<JobKind> ParseJobKind(std::string_view name);

// Smaller runs first.
enum class JobPriority : int { kAdmin = 0, kToday = 1, kHistory = 2 };
std::string_view JobPriorityName(JobPriority priority);  // "admin", "today", "history"

enum class JobState : int { kQueued = 0, kRunning = 1, kDone = 2, kFailed = 3 };
std::string_view JobStateName(JobState state);  // "queued", "running", "done", "failed"
std::optional<JobState> ParseJobState(std::string_view name);

// What to do. (kind, key) names the work and is unique: asking twice for the same work gives
// the same job. Keys are chosen by the job's owner: "feed:cs.AI", "paper:2401.06769".
struct JobSpec {
  JobKind kind = JobKind::kArxiv;
  std::string key;
  JobPriority priority = JobPriority::kHistory;
  std::string payload;  // free text for the handler (JSON by convention), may be empty
};

struct Job {
  int64_t id = 0;
  JobKind kind = JobKind::kArxiv;
  std::string key;
  JobPriority priority = JobPriority::kHistory;
  std::string payload;
  JobState state = JobState::kQueued;
  int attempts = 0;          // claims so far, the running one included
  std::string last_error;    // the latest failure's message; "" when none
  std::string result;        // the handler's result text when done
  std::string worker;        // who holds (or last held) the lease
  JobTime created{};
  JobTime updated{};
  JobTime not_before{};      // a queued job is not claimed before this (backoff)
  JobTime lease_until{};     // a running job whose lease passed is claimable again
};

// When the same work is asked for again.
enum class EnqueueMode {
  kKeepFinished,     // a done or failed job is returned as it is
  kRestartFinished,  // a done or failed job is queued again (attempts and error cleared)
};

struct JobCount {
  JobKind kind = JobKind::kArxiv;
  JobState state = JobState::kQueued;
  int64_t count = 0;
};

struct JobFilter {
  std::optional<JobKind> kind;
  std::optional<JobState> state;
  int64_t limit = 100;
};

// Every method is safe to call from several threads (and processes) at once.
class JobQueue {
 public:
  virtual ~JobQueue() = default;

  // Adds the work, or finds the job already named (kind, key). A queued or running job found
  // keeps its state; its priority is raised when `spec` asks for a higher one (never lowered).
  // A finished job found is handled by `mode`. Returns the job as stored afterwards.
  [[nodiscard]] virtual Result<Job> Enqueue(const JobSpec& spec, JobTime now,
                                            EnqueueMode mode = EnqueueMode::kKeepFinished) = 0;

  // Leases the next job of `kind` to `worker` until now + lease: the highest priority first,
  // then the oldest (by id), among queued jobs whose not_before has come and running jobs whose
  // lease has passed (their worker died or hung; last_error then names that worker). Counts an
  // attempt. std::nullopt when none.
  [[nodiscard]] virtual Result<std::optional<Job>> Claim(JobKind kind, std::string_view worker,
                                                         JobTime now,
                                                         std::chrono::milliseconds lease) = 0;

  // The following three act only while `worker` still holds the job's lease (the job is running
  // and its worker is `worker`); otherwise they change nothing and return kConflict (the job was
  // reclaimed after the lease passed).
  // Extends the lease to `lease_until`.
  [[nodiscard]] virtual Result<void> Renew(int64_t id, std::string_view worker,
                                           JobTime lease_until) = 0;
  // Finishes the job as done with `result`.
  [[nodiscard]] virtual Result<void> Complete(int64_t id, std::string_view worker,
                                              std::string_view result, JobTime now) = 0;
  // Ends this attempt with `error`: back to queued, not claimable before `not_before`, or
  // failed for good when `not_before` is std::nullopt.
  [[nodiscard]] virtual Result<void> Release(int64_t id, std::string_view worker,
                                             std::string_view error,
                                             std::optional<JobTime> not_before, JobTime now) = 0;

  [[nodiscard]] virtual Result<std::optional<Job>> Get(int64_t id) = 0;
  [[nodiscard]] virtual Result<std::optional<Job>> Find(JobKind kind, std::string_view key) = 0;
  // Jobs matching the filter, at most filter.limit: running first, then queued in claim order
  // (priority, then id), then failed and done ones, newest first.
  [[nodiscard]] virtual Result<std::vector<Job>> List(const JobFilter& filter) = 0;
  // How many queued or running jobs of the job's kind would be claimed before it ("Pending: n"
  // on the page); 0 when it is running or finished.
  [[nodiscard]] virtual Result<int64_t> PositionOf(int64_t id) = 0;
  // Jobs per kind and state (only non-zero counts).
  [[nodiscard]] virtual Result<std::vector<JobCount>> Counts() = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_JOB_QUEUE_H_
