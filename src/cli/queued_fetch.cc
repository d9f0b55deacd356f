#include "cli/queued_fetch.h"

#include <chrono>
#include <utility>

namespace coolpapers::cli {

Result<web::PaperFetch> FetchOf(const store::Job& job, store::JobQueue& queue,
                                const DoneJobReader& read_done) {
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
      fetch.state = web::PaperFetch::State::kStored;
      fetch.error.clear();  // an earlier attempt's error, overcome
      if (read_done) read_done(job, fetch);
      break;
    case store::JobState::kFailed:
      fetch.state = web::PaperFetch::State::kFailed;
      break;
  }
  return fetch;
}

web::PaperFetcher MakeQueuedFetcher(JobRequester request, store::JobQueue& queue,
                                    jobs::WorkerPool& workers, DoneJobReader read_done) {
  return [request = std::move(request), &queue, &workers, read_done = std::move(read_done)](
             const ArxivId& id, bool admin) -> Result<web::PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    const auto now =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    Result<store::Job> job = request(id, priority, now);
    if (!job) return std::unexpected(job.error());
    if (job->state == store::JobState::kQueued) workers.Wake();
    return FetchOf(*job, queue, read_done);
  };
}

}  // namespace coolpapers::cli
