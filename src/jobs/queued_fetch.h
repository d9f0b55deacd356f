// A reader's "fetch this from outside" (a paper we do not have, or its PDF): a job asked for in
// the persistent queue at the reader's priority, the workers woken, and the job's state reported
// as a PaperFetch. harvest/on_demand_paper_fetcher.h (arXiv metadata) and
// pdf/on_demand_pdf_fetcher.h (PDFs) are the two uses; the site calls them (web/site_services.h).
#ifndef COOLPAPERS_JOBS_QUEUED_FETCH_H_
#define COOLPAPERS_JOBS_QUEUED_FETCH_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/arxiv_id.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/mutex.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"

namespace coolpapers::jobs {

// Where a fetch from arXiv of a paper we do not have (or of its PDF, for /pdf/<id>) stands.
struct PaperFetch {
  enum class State {
    kQueued,    // waiting: `position` fetches go first
    kRunning,   // being fetched now
    kStored,    // fetched: the store (the PDF cache) has it now
    kNotFound,  // arXiv has no such paper (PDF); `error` may say more
    kFailed,    // arXiv could not be reached after every attempt; `error` says why
  };
  State state = State::kQueued;
  int64_t position = 0;
  int attempts = 0;
  std::string error;
  // Queued after a failed attempt: not tried again before this time (the queue's backoff).
  std::optional<store::JobTime> retry_at;
};

// Asks for `id` to be fetched (or reports the fetch already asked for). `admin` requests jump
// the queue (the reader sent the instance's magic token) and are not bounded; `client` is who
// asks (web/client_address.h), for the bound per client (FetchLimits).
// For PDFs, `id` carries the version whose PDF is wanted ("2401.06769v2").
using PaperFetcher =
    std::function<Result<PaperFetch>(const ArxivId& id, bool admin, std::string_view client)>;

// How many fetches strangers may keep waiting (issue #18 finding 5: 1,000 unknown ids queued
// 1,000 arXiv jobs in 0.7 s). A request that would queue a new job past either bound is refused
// (kUnavailable, a message for the reader); joining a job already waiting is always allowed.
struct FetchLimits {
  int max_pending = 200;           // jobs of the kind queued or running, in all; <= 0: no bound
  int max_pending_per_client = 5;  // new jobs one client asked for, still waiting; <= 0: none
};

// The job a fetch of `id` asks for: its kind and key, and what it fetches ("papers", "PDFs"),
// for the messages.
struct FetchJobIdentity {
  store::JobKind kind = store::JobKind::kArxiv;
  std::function<std::string(const ArxivId& id)> key_of;
  std::string what = "papers";
};

// Reads a done job's result into `fetch`, which arrives as kStored with no error.
using DoneJobReader = std::function<void(const store::Job& job, PaperFetch& fetch)>;

// Where `job` stands: queued (with its position in the queue), running, done (kStored, then
// `read_done` adjusts it), or failed (with the job's last error). Errors: the queue's.
[[nodiscard]] Result<PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue,
                                              const DoneJobReader& read_done);

// Asks for the job of `id` (at admin priority for the magic token, history otherwise).
using JobRequester =
    std::function<Result<store::Job>(const ArxivId& id, store::JobPriority, store::JobTime now)>;

// The bookkeeping of FetchLimits for one kind of fetch: which new jobs each client is waiting
// for. Memory: at most max_pending_per_client keys per client with jobs waiting. Thread-safe.
class PendingFetches {
 public:
  PendingFetches(FetchJobIdentity identity, FetchLimits limits, store::JobQueue& queue);

  // Calls `ask` (which queues or joins the job of `id`) when that joins a waiting job or stays
  // within the limits; kUnavailable saying which bound was reached otherwise.
  [[nodiscard]] Result<store::Job> Ask(const ArxivId& id, std::string_view client,
                                       const std::function<Result<store::Job>()>& ask);
  // The same for the job whose key is `key` (a fetch not named by an arXiv id).
  [[nodiscard]] Result<store::Job> Ask(const std::string& key, std::string_view client,
                                       const std::function<Result<store::Job>()>& ask);

 private:
  Result<bool> IsWaiting(const std::string& key) REQUIRES(mutex_);
  Result<void> Admit(std::string_view client) REQUIRES(mutex_);

  const FetchJobIdentity identity_;
  const FetchLimits limits_;
  store::JobQueue& queue_;
  Mutex mutex_;  // held across the queue's check and the ask, so two asks cannot both slip in
  std::unordered_map<std::string, std::vector<std::string>> by_client_ GUARDED_BY(mutex_);
};

// The site's fetcher over `request`: asks (at `clock`'s time) within `limits` for the job
// `identity` names, wakes `workers` when the job is queued, and reports FetchOf. Everything must
// outlive the returned function, which is thread-safe when `request` is.
PaperFetcher MakeQueuedFetcher(JobRequester request, FetchJobIdentity identity, FetchLimits limits,
                               store::JobQueue& queue, WorkerPool& workers,
                               DoneJobReader read_done, Clock& clock = RealClock());

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_QUEUED_FETCH_H_
