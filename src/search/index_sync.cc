#include "search/index_sync.h"

#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace coolpapers::search {
namespace {

Result<std::vector<store::PaperSearchText>> SearchTextsOf(store::Store& store,
                                                          const std::vector<Paper>& papers) {
  std::vector<std::string> ids;
  ids.reserve(papers.size());
  for (const Paper& paper : papers) ids.push_back(paper.id);
  return store.SearchTexts(ids);
}

}  // namespace

Result<int64_t> RebuildIndex(store::Store& store, PaperIndexer& indexer,
                             const IndexProgress& progress, const std::function<void()>& on_merge,
                             std::stop_token stop) {
  // Read before the first page: whatever changes after it is caught up later, at worst twice.
  Result<uint64_t> latest = store.LatestPaperChange();
  if (!latest) return std::unexpected(latest.error());
  Result<int64_t> total = store.PaperCount();
  if (!total) return std::unexpected(total.error());
  int64_t done = 0;
  return indexer.Rebuild(
      [&](const PaperBatchSink& sink) -> Result<void> {
        std::string after;
        for (;;) {
          if (stop.stop_requested()) {
            return Fail(ErrorCode::kUnavailable, "the search index rebuild was stopped");
          }
          Result<std::vector<Paper>> page = store.PapersAfter(after, kSyncBatchPapers);
          if (!page) return std::unexpected(page.error());
          if (page->empty()) return {};
          Result<std::vector<store::PaperSearchText>> texts = SearchTextsOf(store, *page);
          if (!texts) return std::unexpected(texts.error());
          if (Result<void> sunk = sink(*page, *texts); !sunk) return sunk;
          done += static_cast<int64_t>(page->size());
          if (progress) progress(done, *total);
          after = page->back().id;
        }
      },
      *latest, on_merge);
}

Result<int64_t> CatchUpIndex(store::Store& store, PaperIndexer& indexer,
                             const IndexProgress& progress, std::stop_token stop) {
  Result<uint64_t> since = indexer.IndexedChange();
  if (!since) return std::unexpected(since.error());
  Result<uint64_t> latest = store.LatestPaperChange();
  if (!latest) return std::unexpected(latest.error());
  if (*latest <= *since) return 0;
  // Sequences are dense but for papers changed twice, so their gap bounds what is pending.
  const auto pending = static_cast<int64_t>(*latest - *since);
  int64_t done = 0;
  while (!stop.stop_requested()) {
    Result<store::PaperChanges> changes = store.PaperChangesSince(*since, kSyncBatchPapers);
    if (!changes) return std::unexpected(changes.error());
    if (changes->papers.empty()) return done;
    Result<std::vector<store::PaperSearchText>> texts = SearchTextsOf(store, changes->papers);
    if (!texts) return std::unexpected(texts.error());
    if (Result<void> indexed = indexer.Index(changes->papers, *texts, changes->last_sequence);
        !indexed) {
      return std::unexpected(indexed.error());
    }
    done += static_cast<int64_t>(changes->papers.size());
    if (progress) progress(done, pending);
    *since = changes->last_sequence;
  }
  return done;
}

Result<int64_t> SyncVenueIndex(store::VenueStore& venues, PaperIndexer& indexer) {
  Result<std::optional<uint64_t>> indexed_stamp = indexer.IndexedVenueStamp();
  if (!indexed_stamp) return std::unexpected(indexed_stamp.error());
  // Read before the papers: a write after it moves the stamp again, and the next sync sees it.
  Result<uint64_t> stamp = venues.VenueStamp();
  if (!stamp) return std::unexpected(stamp.error());
  if (*indexed_stamp == *stamp) return 0;
  Result<std::vector<store::VenueEditionSummary>> summaries = venues.ListEditions();
  if (!summaries) return std::unexpected(summaries.error());
  std::vector<VenueEdition> editions;
  for (store::VenueEditionSummary& summary : *summaries) {
    editions.push_back(std::move(summary.edition));
  }
  // An index that never took venue papers in, or whose stamp is ahead of this store's (another
  // store's index, a store restored from a backup), is made whole; else only the changes.
  const bool whole = !*indexed_stamp || **indexed_stamp > *stamp;
  Result<std::vector<VenuePaper>> papers =
      venues.VenuePapersChangedSince(whole ? 0 : **indexed_stamp);
  if (!papers) return std::unexpected(papers.error());
  return whole ? indexer.ReplaceVenuePapers(*papers, editions, *stamp)
               : indexer.UpdateVenuePapers(*papers, editions, *stamp);
}

}  // namespace coolpapers::search
