// The site's "download this PDF" (jobs::PaperFetcher for /pdf/<id>) on top of pdf::PdfFetcher's
// pdf jobs: asks for the download, reads where its job stands, and wakes the pdf workers. The
// PDF twin of paper_fetcher.h.
#ifndef COOLPAPERS_PDF_ON_DEMAND_PDF_FETCHER_H_
#define COOLPAPERS_PDF_ON_DEMAND_PDF_FETCHER_H_

#include <functional>
#include <string_view>

#include "core/clock.h"
#include "core/venue.h"
#include "pdf/pdf_fetcher.h"
#include "jobs/worker_pool.h"
#include "store/job_queue.h"
#include "jobs/queued_fetch.h"

namespace coolpapers::pdf {

// The function the site calls for a PDF not cached: `id` versioned; `admin` asks at admin
// priority, others at history priority. Everything must outlive the returned function, which
// is thread-safe. Strangers stay within `limits` (jobs/queued_fetch.h).
jobs::PaperFetcher MakeOnDemandPdfFetcher(PdfFetcher& fetcher, store::JobQueue& queue,
                                     jobs::WorkerPool& pdf_workers, jobs::FetchLimits limits = {});

// The site's "download this venue paper's PDF": `id` is the paper's canonical id; the rest as
// for MakeOnDemandPdfFetcher. A paper PdfFetcher::RequestVenuePdf refuses (unknown, no PDF URL,
// a host off the allow-list) is answered with its kNotFound, and nothing is queued.
using VenuePdfFetcher = std::function<Result<jobs::PaperFetch>(const VenuePaperId& id, bool admin,
                                                               std::string_view client)>;
VenuePdfFetcher MakeOnDemandVenuePdfFetcher(PdfFetcher& fetcher, store::JobQueue& queue,
                                            jobs::WorkerPool& pdf_workers,
                                            jobs::FetchLimits limits = {},
                                            Clock& clock = RealClock());

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_ON_DEMAND_PDF_FETCHER_H_
