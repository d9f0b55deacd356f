// The "feed:<category>" job: records the day a category's feed announces, and finishes the
// category's days still incomplete (the export API lags the announcement).
#include <unordered_map>
#include <vector>

#include "core/category.h"
#include "core/category_expr.h"
#include "harvest/api_enrichment.h"
#include "harvest/feed_day.h"
#include "harvest/fetch_document.h"
#include "harvest/harvester.h"
#include "harvest/paper_merge.h"
#include "harvest/reconciliation.h"

namespace coolpapers::harvest {
namespace {

std::string Describe(const store::CategoryDayStatus& status) {
  return status.category + " " + status.day.ToIso() + ": " +
         (status.complete ? std::to_string(status.feed.total()) + " papers, complete"
                          : status.note);
}

}  // namespace

Result<int64_t> Harvester::EnrichAndWrite(std::span<const PaperRecord> listed,
                                          const std::optional<store::CategoryDayKey>& list) {
  std::vector<std::string> ids;
  ids.reserve(listed.size());
  for (const PaperRecord& record : listed) ids.push_back(record.paper.id);
  auto stored_papers = store_.PapersByIds(ids);
  if (!stored_papers) return std::unexpected(std::move(stored_papers.error()));
  std::unordered_map<std::string, const Paper*> stored;
  for (const Paper& paper : *stored_papers) stored.emplace(paper.id, &paper);

  std::vector<std::string> wanted;
  for (const PaperRecord& record : listed) {
    const auto it = stored.find(record.paper.id);
    if (it == stored.end() || !DescribedAt(*it->second, record.paper.version)) {
      wanted.push_back(record.paper.id);
    }
  }
  auto described = FetchApiPapers(arxiv_, options_.api_url, wanted, options_.api_batch_size);
  if (!described) return std::unexpected(std::move(described.error()));

  std::vector<PaperRecord> records;
  records.reserve(listed.size());
  int64_t awaiting = 0;
  for (const PaperRecord& record : listed) {
    const auto known = stored.find(record.paper.id);
    const auto answer = described->find(record.paper.id);
    const Paper* stored_paper = known == stored.end() ? nullptr : known->second;
    const Paper* api_paper = answer == described->end() ? nullptr : &answer->second;
    PaperRecord merged{MergeListedPaper(record.paper, stored_paper, api_paper), record.listings};
    if (!DescribedAt(merged.paper, record.paper.version)) ++awaiting;
    if (!merged.listings.empty() || api_paper != nullptr) records.push_back(std::move(merged));
  }
  auto written = list ? store_.WriteDayList(*list, records) : store_.WriteRecords(records);
  if (!written) return std::unexpected(std::move(written.error()));
  return awaiting;
}

Result<store::CategoryDayStatus> Harvester::HarvestFeedDay(const FeedDay& day) {
  auto previous = state_.Day(day.category, day.day);
  if (!previous) return std::unexpected(std::move(previous.error()));
  auto stored_before = state_.StoredCounts(day.category, day.day);
  if (!stored_before) return std::unexpected(std::move(stored_before.error()));
  DayCheck check{day.category, day.day, day.counts, *stored_before, day.counts.total(),
                 day.repeated, (*previous ? (*previous)->attempts : 0) + 1, WallMilliseconds(*options_.clock)};
  auto started = state_.RecordDay(StartedDay(check));
  if (!started) return std::unexpected(std::move(started.error()));

  std::vector<PaperRecord> listed;
  listed.reserve(day.entries.size());
  for (const ingest::AnnouncementEntry& entry : day.entries) {
    listed.push_back({entry.paper,
                      {Listing{day.day, day.category, entry.paper.id, entry.type, entry.position}}});
  }
  // The feed is the authority on its day: a corrected feed replaces what we recorded before.
  auto awaiting = EnrichAndWrite(listed, store::CategoryDayKey{day.category, day.day});
  if (!awaiting) return std::unexpected(std::move(awaiting.error()));

  auto stored_after = state_.StoredCounts(day.category, day.day);
  if (!stored_after) return std::unexpected(std::move(stored_after.error()));
  check.stored = *stored_after;
  check.awaiting_metadata = *awaiting;
  check.now = WallMilliseconds(*options_.clock);
  store::CategoryDayStatus status = ReconcileDay(check);
  auto recorded = state_.RecordDay(status);
  if (!recorded) return std::unexpected(std::move(recorded.error()));
  return status;
}

Result<store::CategoryDayStatus> Harvester::FinishIncompleteDay(
    const store::CategoryDayStatus& day) {
  auto expr = ParseCategoryExpr(day.category);
  if (!expr) return std::unexpected(std::move(expr.error()));
  auto list = store_.ListDay(*expr, day.day);
  if (!list) return std::unexpected(std::move(list.error()));
  std::vector<std::string> ids;
  for (const store::ListedPaper& listed : list->papers) ids.push_back(listed.paper_id);
  // The stored version is the one the feed listed (or a later one the API described since).
  auto papers = store_.PapersByIds(ids);
  if (!papers) return std::unexpected(std::move(papers.error()));
  std::vector<PaperRecord> listed;
  for (Paper& paper : *papers) listed.push_back({std::move(paper), {}});
  auto awaiting = EnrichAndWrite(listed, std::nullopt);
  if (!awaiting) return std::unexpected(std::move(awaiting.error()));

  auto stored = state_.StoredCounts(day.category, day.day);
  if (!stored) return std::unexpected(std::move(stored.error()));
  // The repeated count is not stored; the day's note keeps saying it only while the feed does.
  const DayCheck check{day.category, day.day, day.feed, *stored, *awaiting, 0, day.attempts + 1,
                       WallMilliseconds(*options_.clock)};
  store::CategoryDayStatus status = ReconcileDay(check);
  auto recorded = state_.RecordDay(status);
  if (!recorded) return std::unexpected(std::move(recorded.error()));
  return status;
}

jobs::JobOutcome Harvester::RunFeedJob(const std::string& category,
                                       const jobs::JobContext& context) {
  auto canonical = CanonicalCategory(category);
  if (!canonical) return jobs::JobOutcome::Fail(canonical.error().message);
  const std::string url = options_.feed_base_url + category;
  auto feed = FetchAnnouncementFeed(arxiv_, url);
  if (!feed) return OutcomeOfFetch(feed.error());

  std::vector<std::string> lines;
  bool incomplete = false;
  std::optional<Date> feed_day;
  if (feed->entries.empty()) {
    lines.push_back(category + ": no announcement");
  } else {
    const FeedDay day = MakeFeedDay(std::string(*canonical), std::move(*feed));
    feed_day = day.day;
    auto previous = state_.Day(day.category, day.day);
    if (!previous) return jobs::OutcomeOf(previous.error());
    if (*previous && (*previous)->complete && (*previous)->feed == day.counts) {
      // Holidays and skipped days show up here: the feed still shows the day we completed.
      // A feed that lists more (or other) papers for that day than when we completed it is
      // harvested again: arXiv has published lists with papers missing, then fixed them.
      lines.push_back(Describe(**previous) + " (unchanged)");
    } else {
      auto status = HarvestFeedDay(day);
      if (!status) return OutcomeOfFetch(status.error());
      incomplete = incomplete || !status->complete;
      lines.push_back(Describe(*status));
    }
  }

  auto unfinished = state_.IncompleteDays();
  if (!unfinished) return jobs::OutcomeOf(unfinished.error());
  for (const store::CategoryDayStatus& day : *unfinished) {
    if (day.category != *canonical || day.day == feed_day) continue;
    if (context.stop.stop_requested()) return jobs::JobOutcome::Retry("stopped");
    auto status = FinishIncompleteDay(day);
    if (!status) return OutcomeOfFetch(status.error());
    incomplete = incomplete || !status->complete;
    lines.push_back(Describe(*status));
  }

  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
  if (incomplete) return jobs::JobOutcome::Retry(text, options_.incomplete_retry);
  return jobs::JobOutcome::Done(text);
}

}  // namespace coolpapers::harvest
