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

#include "core/arxiv_id.h"
#include "core/clock.h"
#include "core/error.h"
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
// the queue (the reader sent the instance's magic token).
// For PDFs, `id` carries the version whose PDF is wanted ("2401.06769v2").
using PaperFetcher = std::function<Result<PaperFetch>(const ArxivId& id, bool admin)>;

// Reads a done job's result into `fetch`, which arrives as kStored with no error.
using DoneJobReader = std::function<void(const store::Job& job, PaperFetch& fetch)>;

// Where `job` stands: queued (with its position in the queue), running, done (kStored, then
// `read_done` adjusts it), or failed (with the job's last error). Errors: the queue's.
[[nodiscard]] Result<PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue,
                                              const DoneJobReader& read_done);

// Asks for the job of `id` (at admin priority for the magic token, history otherwise).
using JobRequester =
    std::function<Result<store::Job>(const ArxivId& id, store::JobPriority, store::JobTime now)>;

// The site's fetcher over `request`: asks (at `clock`'s time), wakes `workers` when the job is
// queued, and reports FetchOf. Everything must outlive the returned function, which is
// thread-safe when `request` is.
PaperFetcher MakeQueuedFetcher(JobRequester request, store::JobQueue& queue, WorkerPool& workers,
                               DoneJobReader read_done, Clock& clock = RealClock());

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_QUEUED_FETCH_H_
