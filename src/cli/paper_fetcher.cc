#include "cli/paper_fetcher.h"

#include <utility>

#include "cli/queued_fetch.h"

namespace coolpapers::cli {

web::PaperFetcher MakePaperFetcher(harvest::Harvester& harvester, store::JobQueue& queue,
                                   jobs::WorkerPool& arxiv_workers) {
  auto request = [&harvester, &queue](const ArxivId& id, store::JobPriority priority,
                                      store::JobTime now) -> Result<store::Job> {
    Result<store::Job> job = harvester.RequestPaper(id, priority, now);
    if (!job) return job;
    const bool stale_failure =
        job->state == store::JobState::kFailed && now - job->updated >= kRetryFailedFetchAfter;
    const bool stale_not_found = job->state == store::JobState::kDone &&
                                 job->result == harvest::kPaperNotFoundResult &&
                                 now - job->updated >= kRetryNotFoundAfter;
    if (!stale_failure && !stale_not_found) return job;
    return queue.Enqueue({store::JobKind::kArxiv, harvest::PaperJobKey(id), priority, {}}, now,
                         store::EnqueueMode::kRestartFinished);
  };
  auto read_done = [](const store::Job& job, web::PaperFetch& fetch) {
    if (job.result == harvest::kPaperNotFoundResult) fetch.state = web::PaperFetch::State::kNotFound;
  };
  return MakeQueuedFetcher(std::move(request), queue, arxiv_workers, std::move(read_done));
}

}  // namespace coolpapers::cli
