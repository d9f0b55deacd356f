#include "cli/paper_fetcher.h"

namespace coolpapers::cli {
namespace {

store::JobTime Now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

Result<web::PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue) {
  web::PaperFetch fetch;
  fetch.attempts = job.attempts;
  fetch.error = job.last_error;
  switch (job.state) {
    case store::JobState::kQueued: {
      fetch.state = web::PaperFetch::State::kQueued;
      Result<int64_t> position = queue.PositionOf(job.id);
      if (!position) return std::unexpected(position.error());
      fetch.position = *position;
      break;
    }
    case store::JobState::kRunning:
      fetch.state = web::PaperFetch::State::kRunning;
      break;
    case store::JobState::kDone:
      fetch.state = job.result == harvest::kPaperNotFoundResult ? web::PaperFetch::State::kNotFound
                                                                : web::PaperFetch::State::kStored;
      break;
    case store::JobState::kFailed:
      fetch.state = web::PaperFetch::State::kFailed;
      break;
  }
  return fetch;
}

}  // namespace

web::PaperFetcher MakePaperFetcher(harvest::Harvester& harvester, store::JobQueue& queue,
                                   jobs::WorkerPool& arxiv_workers) {
  return [&harvester, &queue, &arxiv_workers](const ArxivId& id,
                                              bool admin) -> Result<web::PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    const store::JobTime now = Now();
    Result<store::Job> job = harvester.RequestPaper(id, priority, now);
    if (!job) return std::unexpected(job.error());
    const bool stale_failure =
        job->state == store::JobState::kFailed && now - job->updated >= kRetryFailedFetchAfter;
    const bool stale_not_found = job->state == store::JobState::kDone &&
                                 job->result == harvest::kPaperNotFoundResult &&
                                 now - job->updated >= kRetryNotFoundAfter;
    if (stale_failure || stale_not_found) {
      job = queue.Enqueue({store::JobKind::kArxiv, harvest::PaperJobKey(id), priority, {}}, now,
                          store::EnqueueMode::kRestartFinished);
      if (!job) return std::unexpected(job.error());
    }
    if (job->state == store::JobState::kQueued) arxiv_workers.Wake();
    return FetchOf(*job, queue);
  };
}

}  // namespace coolpapers::cli
