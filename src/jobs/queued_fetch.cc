#include "jobs/queued_fetch.h"

#include <chrono>
#include <utility>

namespace coolpapers::jobs {

Result<PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue,
                                const DoneJobReader& read_done) {
  PaperFetch fetch;
  fetch.attempts = job.attempts;
  fetch.error = job.last_error;
  switch (job.state) {
    case store::JobState::kQueued: {
      fetch.state = PaperFetch::State::kQueued;
      Result<int64_t> position = queue.PositionOf(job.id);
      if (!position) return std::unexpected(position.error());
      fetch.position = *position;
      if (job.attempts > 0) fetch.retry_at = job.not_before;
      break;
    }
    case store::JobState::kRunning:
      fetch.state = PaperFetch::State::kRunning;
      break;
    case store::JobState::kDone:
      fetch.state = PaperFetch::State::kStored;
      fetch.error.clear();  // an earlier attempt's error, overcome
      if (read_done) read_done(job, fetch);
      break;
    case store::JobState::kFailed:
      fetch.state = PaperFetch::State::kFailed;
      break;
  }
  return fetch;
}

PaperFetcher MakeQueuedFetcher(JobRequester request, store::JobQueue& queue, WorkerPool& workers,
                               DoneJobReader read_done, Clock& clock) {
  return [request = std::move(request), &queue, &workers, read_done = std::move(read_done),
          &clock](const ArxivId& id, bool admin) -> Result<PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    Result<store::Job> job = request(id, priority, WallMilliseconds(clock));
    if (!job) return std::unexpected(job.error());
    if (job->state == store::JobState::kQueued) workers.Wake();
    return FetchOf(*job, queue, read_done);
  };
}

}  // namespace coolpapers::jobs
