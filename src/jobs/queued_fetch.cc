#include "jobs/queued_fetch.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vector>
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

namespace {

bool Waiting(store::JobState state) {
  return state == store::JobState::kQueued || state == store::JobState::kRunning;
}

}  // namespace

PendingFetches::PendingFetches(FetchJobIdentity identity, FetchLimits limits,
                               store::JobQueue& queue)
    : identity_(std::move(identity)), limits_(limits), queue_(queue) {}

Result<bool> PendingFetches::IsWaiting(const std::string& key) {
  Result<std::optional<store::Job>> job = queue_.Find(identity_.kind, key);
  if (!job) return std::unexpected(job.error());
  return *job && Waiting((*job)->state);
}

Result<void> PendingFetches::Admit(std::string_view client) {
  if (limits_.max_pending > 0) {
    Result<std::vector<store::JobCount>> counts = queue_.Counts();
    if (!counts) return std::unexpected(counts.error());
    int64_t waiting = 0;
    for (const store::JobCount& count : *counts) {
      if (count.kind == identity_.kind && Waiting(count.state)) waiting += count.count;
    }
    if (waiting >= limits_.max_pending) {
      return Fail(ErrorCode::kUnavailable,
                  "too many " + identity_.what + " are waiting to be fetched from arXiv (" +
                      std::to_string(waiting) + "): please try again in a few minutes");
    }
  }
  if (limits_.max_pending_per_client > 0) {
    auto found = by_client_.find(std::string(client));
    if (found == by_client_.end()) return {};
    std::vector<std::string>& keys = found->second;
    std::vector<std::string> still;
    for (std::string& key : keys) {
      Result<bool> waiting = IsWaiting(key);
      if (!waiting) return std::unexpected(waiting.error());
      if (*waiting) still.push_back(std::move(key));
    }
    keys = std::move(still);
    if (keys.empty()) {
      by_client_.erase(found);
    } else if (std::ssize(keys) >= limits_.max_pending_per_client) {
      return Fail(ErrorCode::kUnavailable,
                  "you already have " + std::to_string(keys.size()) + " " + identity_.what +
                      " waiting to be fetched from arXiv: please ask again once they have "
                      "arrived");
    }
  }
  return {};
}

Result<store::Job> PendingFetches::Ask(const ArxivId& id, std::string_view client,
                                       const std::function<Result<store::Job>()>& ask) {
  if (!identity_.key_of) return ask();
  return Ask(identity_.key_of(id), client, ask);
}

Result<store::Job> PendingFetches::Ask(const std::string& key, std::string_view client,
                                       const std::function<Result<store::Job>()>& ask) {
  MutexLock lock(&mutex_);
  Result<bool> joins = IsWaiting(key);
  if (!joins) return std::unexpected(joins.error());
  if (*joins) return ask();
  if (Result<void> admitted = Admit(client); !admitted) {
    return std::unexpected(admitted.error());
  }
  Result<store::Job> job = ask();
  if (job && Waiting(job->state) && limits_.max_pending_per_client > 0) {
    by_client_[std::string(client)].push_back(key);
  }
  return job;
}

PaperFetcher MakeQueuedFetcher(JobRequester request, FetchJobIdentity identity, FetchLimits limits,
                               store::JobQueue& queue, WorkerPool& workers,
                               DoneJobReader read_done, Clock& clock) {
  auto pending = std::make_shared<PendingFetches>(std::move(identity), limits, queue);
  return [request = std::move(request), pending, &queue, &workers,
          read_done = std::move(read_done),
          &clock](const ArxivId& id, bool admin, std::string_view client) -> Result<PaperFetch> {
    const store::JobPriority priority =
        admin ? store::JobPriority::kAdmin : store::JobPriority::kHistory;
    const auto ask = [&]() { return request(id, priority, WallMilliseconds(clock)); };
    Result<store::Job> job = admin ? ask() : pending->Ask(id, client, ask);
    if (!job) return std::unexpected(job.error());
    if (job->state == store::JobState::kQueued) workers.Wake();
    return FetchOf(*job, queue, read_done);
  };
}

}  // namespace coolpapers::jobs
