#include "harvest/on_demand_paper_fetcher.h"

#include <utility>

#include "jobs/queued_fetch.h"

namespace coolpapers::harvest {

jobs::PaperFetcher MakeOnDemandPaperFetcher(Harvester& harvester, store::JobQueue& queue,
                                            jobs::WorkerPool& arxiv_workers,
                                            jobs::FetchLimits limits) {
  auto request = [&harvester, &queue](const ArxivId& id, store::JobPriority priority,
                                      store::JobTime now) -> Result<store::Job> {
    Result<store::Job> job = harvester.RequestPaper(id, priority, now);
    if (!job) return job;
    const bool stale_failure =
        job->state == store::JobState::kFailed && now - job->updated >= kRetryFailedFetchAfter;
    const bool stale_not_found = job->state == store::JobState::kDone &&
                                 job->result == kPaperNotFoundResult &&
                                 now - job->updated >= kRetryNotFoundAfter;
    if (!stale_failure && !stale_not_found) return job;
    return queue.Enqueue({store::JobKind::kArxiv, PaperJobKey(id), priority, {}}, now,
                         store::EnqueueMode::kRestartFinished);
  };
  auto read_done = [](const store::Job& job, jobs::PaperFetch& fetch) {
    if (job.result == kPaperNotFoundResult) fetch.state = jobs::PaperFetch::State::kNotFound;
  };
  return jobs::MakeQueuedFetcher(
      std::move(request), {.kind = store::JobKind::kArxiv, .key_of = PaperJobKey, .what = "papers"},
      limits, queue, arxiv_workers, std::move(read_done), *harvester.options().clock);
}

}  // namespace coolpapers::harvest
