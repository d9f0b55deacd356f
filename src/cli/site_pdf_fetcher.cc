#include "cli/site_pdf_fetcher.h"

#include <chrono>
#include <string>

namespace coolpapers::cli {

Result<web::PaperFetch> PdfFetchOf(const store::Job& job, store::JobQueue& queue) {
  web::PaperFetch fetch;
  fetch.attempts = job.attempts;
  fetch.error = job.last_error;
  switch (job.state) {
    case store::JobState::kQueued: {
      Result<int64_t> position = queue.PositionOf(job.id);
      if (!position) return std::unexpected(position.error());
      fetch.position = *position;
      break;
    }
    case store::JobState::kRunning:
      fetch.state = web::PaperFetch::State::kRunning;
      break;
    case store::JobState::kDone:
      fetch.state = web::PaperFetch::State::kStored;
      fetch.error.clear();  // an earlier attempt's error, overcome
      if (job.result == faq::kPdfNotFoundResult) {
        fetch.state = web::PaperFetch::State::kNotFound;
      } else if (job.result == faq::kPdfTooLargeResult) {
        fetch.state = web::PaperFetch::State::kNotFound;
        fetch.error = "the PDF of " + job.key.substr(job.key.find(':') + 1) +
                      " is larger than this instance's PDF cache: read it on arXiv";
      }
      break;
    case store::JobState::kFailed:
      fetch.state = web::PaperFetch::State::kFailed;
      break;
  }
  return fetch;
}

web::PaperFetcher MakeSitePdfFetcher(faq::PdfFetcher& fetcher, store::JobQueue& queue,
                                     jobs::WorkerPool& pdf_workers) {
  return [&fetcher, &queue, &pdf_workers](const ArxivId& id,
                                          bool admin) -> Result<web::PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    Result<store::Job> job = fetcher.RequestPdf(id, priority, now);
    if (!job) return std::unexpected(job.error());
    if (job->state == store::JobState::kQueued) pdf_workers.Wake();
    return PdfFetchOf(*job, queue);
  };
}

}  // namespace coolpapers::cli
