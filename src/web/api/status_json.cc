#include "web/api/status_json.h"

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "core/venue_coverage.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

constexpr int64_t kRecentFailures = 10;

json CountsJson(const store::AnnounceCounts& counts) {
  return {{"new", counts.new_count}, {"cross", counts.cross}, {"replace", counts.replace}};
}

json DayJson(const store::CategoryDayStatus& day) {
  return {{"category", day.category},
          {"day", day.day.ToIso()},
          {"complete", day.complete},
          {"feed", CountsJson(day.feed)},
          {"stored", CountsJson(day.stored)},
          {"awaiting_metadata", day.awaiting_metadata},
          {"attempts", day.attempts},
          {"note", day.note},
          {"checked", FormatRfc3339(day.checked)}};
}

constexpr std::string_view kHidden = "hidden: see the server log";

std::string Shown(const std::string& text, bool details) {
  return details || text.empty() ? text : std::string(kHidden);
}

json JobJson(const store::Job& job, bool details) {
  return {{"id", job.id},
          {"kind", store::JobKindName(job.kind)},
          {"key", job.key},
          {"priority", store::JobPriorityName(job.priority)},
          {"state", store::JobStateName(job.state)},
          {"attempts", job.attempts},
          {"last_error", Shown(job.last_error, details)},
          {"updated", FormatRfc3339(job.updated)}};
}

json PoolJson(const jobs::WorkerPoolStatus& pool, bool details) {
  return {{"kind", store::JobKindName(pool.kind)},
          {"workers", pool.workers},
          {"busy", pool.busy},
          {"done", pool.jobs_done},
          {"retried", pool.jobs_retried},
          {"failed", pool.jobs_failed},
          {"replaced", pool.workers_replaced},
          {"queue_errors", pool.queue_errors},
          {"last_queue_error", Shown(pool.last_queue_error, details)}};
}

// The editions whose stored accepted papers differ from their official count.
Result<json> VenuesJson(store::VenueStore& venues) {
  Result<std::vector<store::VenueEditionSummary>> editions = venues.ListEditions();
  if (!editions) return std::unexpected(editions.error());
  json differing = json::array();
  for (const store::VenueEditionSummary& summary : *editions) {
    const VenueEdition& edition = summary.edition;
    if (!VenueCoverageDiffers(edition, summary.accepted)) continue;
    differing.push_back({{"edition", edition.Tag()},
                         {"papers", summary.papers},
                         {"accepted", summary.accepted},
                         {"official_count", *edition.official_count},
                         {"official_count_source", edition.official_count_source},
                         {"coverage", RenderVenueCoverage(edition, summary.papers, summary.accepted)}});
  }
  return json{{"editions", editions->size()}, {"coverage_differs", std::move(differing)}};
}

}  // namespace

Result<std::string> RenderStatusJson(store::HarvestState& harvest, store::JobQueue& queue,
                                     const StatusContext& context) {
  Result<std::vector<store::CategoryDayStatus>> newest = harvest.NewestDays();
  if (!newest) return std::unexpected(newest.error());
  Result<std::vector<store::CategoryDayStatus>> incomplete = harvest.IncompleteDays();
  if (!incomplete) return std::unexpected(incomplete.error());
  Result<std::vector<store::JobCount>> counts = queue.Counts();
  if (!counts) return std::unexpected(counts.error());
  Result<std::vector<store::Job>> failures =
      queue.List({.kind = std::nullopt, .state = store::JobState::kFailed, .limit = kRecentFailures});
  if (!failures) return std::unexpected(failures.error());

  json categories = json::array();
  for (const store::CategoryDayStatus& day : *newest) categories.push_back(DayJson(day));
  json incomplete_days = json::array();
  for (const store::CategoryDayStatus& day : *incomplete) incomplete_days.push_back(DayJson(day));

  // Every kind and state appears, zeros included, so monitoring can read fixed paths.
  json job_counts = json::object();
  for (store::JobKind kind : {store::JobKind::kArxiv, store::JobKind::kPdf, store::JobKind::kLlm}) {
    json states = json::object();
    for (store::JobState state : {store::JobState::kQueued, store::JobState::kRunning,
                                  store::JobState::kDone, store::JobState::kFailed}) {
      states[std::string(store::JobStateName(state))] = 0;
    }
    job_counts[std::string(store::JobKindName(kind))] = std::move(states);
  }
  for (const store::JobCount& count : *counts) {
    job_counts[std::string(store::JobKindName(count.kind))]
              [std::string(store::JobStateName(count.state))] = count.count;
  }

  json recent_failures = json::array();
  for (const store::Job& job : *failures) recent_failures.push_back(JobJson(job, context.details));
  json workers = json::array();
  for (const jobs::WorkerPoolStatus& pool : context.pools) workers.push_back(PoolJson(pool, context.details));

  json status = {{"time", FormatRfc3339(context.now)},
                 {"harvest",
                  {{"enabled", context.harvest_enabled},
                   {"categories", std::move(categories)},
                   {"incomplete_days", std::move(incomplete_days)}}},
                 {"jobs", std::move(job_counts)},
                 {"recent_failures", std::move(recent_failures)},
                 {"workers", std::move(workers)}};
  if (context.venues != nullptr) {
    Result<json> venues = VenuesJson(*context.venues);
    if (!venues) return std::unexpected(venues.error());
    status["venues"] = *std::move(venues);
  }
  return status.dump(2);
}

}  // namespace coolpapers::web
