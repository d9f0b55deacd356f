#include "cli/site_pdf_fetcher.h"

#include <string>

#include "cli/queued_fetch.h"

namespace coolpapers::cli {
namespace {

// kPdfCachedResult stays kStored.
void ReadPdfJobResult(const store::Job& job, web::PaperFetch& fetch) {
  if (job.result == faq::kPdfNotFoundResult) {
    fetch.state = web::PaperFetch::State::kNotFound;
  } else if (job.result == faq::kPdfTooLargeResult) {
    fetch.state = web::PaperFetch::State::kNotFound;
    fetch.error = "the PDF of " + job.key.substr(job.key.find(':') + 1) +
                  " is larger than this instance's PDF cache: read it on arXiv";
  }
}

}  // namespace

Result<web::PaperFetch> PdfFetchOf(const store::Job& job, store::JobQueue& queue) {
  return FetchOf(job, queue, ReadPdfJobResult);
}

web::PaperFetcher MakeSitePdfFetcher(faq::PdfFetcher& fetcher, store::JobQueue& queue,
                                     jobs::WorkerPool& pdf_workers) {
  return MakeQueuedFetcher(
      [&fetcher](const ArxivId& id, store::JobPriority priority, store::JobTime now) {
        return fetcher.RequestPdf(id, priority, now);
      },
      queue, pdf_workers, ReadPdfJobResult);
}

}  // namespace coolpapers::cli
