#include "pdf/on_demand_pdf_fetcher.h"

#include <string>

#include "jobs/queued_fetch.h"

namespace coolpapers::pdf {
namespace {

// kPdfCachedResult stays kStored.
void ReadPdfJobResult(const store::Job& job, jobs::PaperFetch& fetch) {
  if (job.result == kPdfNotFoundResult) {
    fetch.state = jobs::PaperFetch::State::kNotFound;
  } else if (job.result == kPdfTooLargeResult) {
    fetch.state = jobs::PaperFetch::State::kNotFound;
    fetch.error = "the PDF of " + job.key.substr(job.key.find(':') + 1) +
                  " is larger than this instance's PDF cache: read it on arXiv";
  }
}

}  // namespace

jobs::PaperFetcher MakeOnDemandPdfFetcher(PdfFetcher& fetcher, store::JobQueue& queue,
                                          jobs::WorkerPool& pdf_workers, jobs::FetchLimits limits) {
  return jobs::MakeQueuedFetcher(
      [&fetcher](const ArxivId& id, store::JobPriority priority, store::JobTime now) {
        return fetcher.RequestPdf(id, priority, now);
      },
      {.kind = store::JobKind::kPdf, .key_of = PdfJobKey, .what = "PDFs"}, limits, queue,
      pdf_workers, ReadPdfJobResult);
}

}  // namespace coolpapers::pdf
