#include "pdf/on_demand_pdf_fetcher.h"

#include <memory>
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

VenuePdfFetcher MakeOnDemandVenuePdfFetcher(PdfFetcher& fetcher, store::JobQueue& queue,
                                            jobs::WorkerPool& pdf_workers, jobs::FetchLimits limits,
                                            Clock& clock) {
  // Keyed by the job's key: FetchJobIdentity's key_of is for arXiv ids only.
  auto pending = std::make_shared<jobs::PendingFetches>(
      jobs::FetchJobIdentity{.kind = store::JobKind::kPdf, .key_of = {}, .what = "PDFs"}, limits,
      queue);
  return [&fetcher, pending, &queue, &pdf_workers, &clock](
             const VenuePaperId& id, bool admin,
             std::string_view client) -> Result<jobs::PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    const auto ask = [&]() { return fetcher.RequestVenuePdf(id, priority, WallMilliseconds(clock)); };
    Result<store::Job> job = admin ? ask() : pending->Ask(VenuePdfJobKey(id), client, ask);
    if (!job) return std::unexpected(job.error());
    if (job->state == store::JobState::kQueued) pdf_workers.Wake();
    return jobs::FetchOf(*job, queue, ReadPdfJobResult);
  };
}

}  // namespace coolpapers::pdf
