#include "harvest/harvest_progress_reader.h"

#include <algorithm>
#include <set>

#include "harvest/harvester.h"

namespace coolpapers::harvest {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

void NoteRetry(HarvestProgress& progress, std::optional<store::JobTime> at) {
  if (!at) return;
  if (!progress.retry_at || *at < *progress.retry_at) progress.retry_at = *at;
}

}  // namespace

std::string ReaderReason(std::string_view job_error) {
  // The messages come from src/net (curl_easy.cc: "request to URL failed: <curl's words>",
  // polite_client.cc: "<host> answered HTTP 503 for URL") and fetch_document.cc.
  if (Contains(job_error, "Timeout was reached")) return "arXiv did not answer in time";
  if (Contains(job_error, "request to ") && Contains(job_error, " failed: ")) {
    return "this server cannot reach arXiv (is it offline?)";
  }
  if (Contains(job_error, " answered HTTP ")) return "arXiv is busy or down at the moment";
  return "arXiv's answer could not be read";
}

Result<HarvestProgress> ReadHarvestProgress(store::JobQueue& queue, store::HarvestState& state,
                                            const HarvestOptions& options,
                                            std::optional<store::JobTime> next_pass) {
  auto newest = state.NewestDays();
  if (!newest) return std::unexpected(std::move(newest.error()));
  std::set<std::string, std::less<>> harvested;
  for (const store::CategoryDayStatus& day : *newest) harvested.insert(day.category);

  HarvestProgress progress;
  progress.categories = static_cast<int>(options.categories.size());
  for (const std::string& category : options.categories) {
    auto job = queue.Find(store::JobKind::kArxiv, FeedJobKey(category));
    if (!job) return std::unexpected(std::move(job.error()));
    const bool failed_before = *job && !(*job)->last_error.empty();
    const bool done = *job && (*job)->state == store::JobState::kDone;
    if (done || harvested.contains(category)) ++progress.checked;
    if (!*job || done) continue;
    const store::Job& check = **job;
    if (check.state == store::JobState::kFailed) {
      ++progress.failing;
      NoteRetry(progress, next_pass);
    } else if (check.state == store::JobState::kQueued && failed_before) {
      ++progress.failing;
      NoteRetry(progress, check.not_before);
    } else {
      ++progress.pending;  // queued for its first try, or running (a retry counts as trying)
    }
    if (failed_before && progress.problem.empty() &&
        check.state != store::JobState::kRunning) {
      progress.problem = ReaderReason(check.last_error);
    }
  }
  return progress;
}

}  // namespace coolpapers::harvest
