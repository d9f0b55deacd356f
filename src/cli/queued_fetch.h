// What the site's "fetch this from outside" functions (web::PaperFetcher) share: a job asked
// for in the persistent queue at the reader's priority, the workers woken, and the job's state
// reported as a web::PaperFetch. paper_fetcher.h (arXiv metadata) and site_pdf_fetcher.h (PDFs)
// are the two uses.
#ifndef COOLPAPERS_CLI_QUEUED_FETCH_H_
#define COOLPAPERS_CLI_QUEUED_FETCH_H_

#include <functional>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "web/site_services.h"

namespace coolpapers::cli {

// Reads a done job's result into `fetch`, which arrives as kStored with no error.
using DoneJobReader = std::function<void(const store::Job& job, web::PaperFetch& fetch)>;

// Where `job` stands: queued (with its position in the queue), running, done (kStored, then
// `read_done` adjusts it), or failed (with the job's last error). Errors: the queue's.
[[nodiscard]] Result<web::PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue,
                                              const DoneJobReader& read_done);

// Asks for the job of `id` (at admin priority for the magic token, history otherwise).
using JobRequester =
    std::function<Result<store::Job>(const ArxivId& id, store::JobPriority, store::JobTime now)>;

// The site's fetcher over `request`: asks, wakes `workers` when the job is queued, and reports
// FetchOf. Everything must outlive the returned function, which is thread-safe when `request`
// is.
web::PaperFetcher MakeQueuedFetcher(JobRequester request, store::JobQueue& queue,
                                    jobs::WorkerPool& workers, DoneJobReader read_done);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_QUEUED_FETCH_H_
