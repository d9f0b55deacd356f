#include "harvest/harvester.h"

#include "core/quoted_text.h"

namespace coolpapers::harvest {
namespace {

constexpr std::string_view kFeedPrefix = "feed:";
constexpr std::string_view kPaperPrefix = "paper:";

}  // namespace

std::string FeedJobKey(const std::string& category) {
  return std::string(kFeedPrefix) + category;
}

std::string PaperJobKey(const ArxivId& id) { return std::string(kPaperPrefix) + id.str(); }

Harvester::Harvester(store::Store& store, store::HarvestState& state, store::JobQueue& queue,
                     net::HttpClient& arxiv, HarvestOptions options)
    : store_(store), state_(state), queue_(queue), arxiv_(arxiv), options_(std::move(options)) {}

jobs::JobOutcome Harvester::RunJob(const store::Job& job, const jobs::JobContext& context) {
  const std::string_view key = job.key;
  if (key.starts_with(kFeedPrefix)) {
    return RunFeedJob(std::string(key.substr(kFeedPrefix.size())), context);
  }
  if (key.starts_with(kPaperPrefix)) return RunPaperJob(std::string(key.substr(kPaperPrefix.size())));
  return jobs::JobOutcome::Fail("unknown arxiv job " + QuoteForMessage(key) +
                                ": expected feed:<category> or paper:<id>");
}

Result<int> Harvester::EnqueueFeedChecks(store::JobTime now) {
  int queued = 0;
  for (const std::string& category : options_.categories) {
    const store::JobSpec spec{store::JobKind::kArxiv, FeedJobKey(category),
                              store::JobPriority::kToday, {}};
    auto job = queue_.Enqueue(spec, now, store::EnqueueMode::kRestartFinished);
    if (!job) return std::unexpected(std::move(job.error()));
    ++queued;
  }
  return queued;
}

Result<store::Job> Harvester::RequestPaper(const ArxivId& id, store::JobPriority priority,
                                           store::JobTime now) {
  const store::JobSpec spec{store::JobKind::kArxiv, PaperJobKey(id), priority, {}};
  return queue_.Enqueue(spec, now, store::EnqueueMode::kKeepFinished);
}

}  // namespace coolpapers::harvest
