// The site's "download this PDF" (web::PaperFetcher for /pdf/<id>) on top of faq::PdfFetcher's
// pdf jobs: asks for the download, reads where its job stands, and wakes the pdf workers. The
// PDF twin of paper_fetcher.h.
#ifndef COOLPAPERS_CLI_SITE_PDF_FETCHER_H_
#define COOLPAPERS_CLI_SITE_PDF_FETCHER_H_

#include "faq/pdf_fetcher.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "web/site_services.h"

namespace coolpapers::cli {

// Where a pdf job stands, as the site reports it: queued (with its position), running,
// stored (kPdfCachedResult), not found (kPdfNotFoundResult, or kPdfTooLargeResult with an
// `error` saying so), or failed (with the job's last error). Errors: the queue's.
[[nodiscard]] Result<web::PaperFetch> PdfFetchOf(const store::Job& job, store::JobQueue& queue);

// The function the site calls for a PDF not cached: `id` versioned; `admin` asks at admin
// priority, others at history priority. Everything must outlive the returned function, which
// is thread-safe.
web::PaperFetcher MakeSitePdfFetcher(faq::PdfFetcher& fetcher, store::JobQueue& queue,
                                     jobs::WorkerPool& pdf_workers);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_SITE_PDF_FETCHER_H_
