// Keeps the search index in step with the store it is derived from: a full rebuild that pages
// through every paper, and a catch-up that indexes the papers changed since the store change
// the index last recorded (Store::PaperChangesSince, PaperIndexer::IndexedChange). Because that
// change is committed together with the papers it covers, a crash at any point leaves an index
// that is usable and that the next catch-up completes: papers committed without it are simply
// indexed again (replacing by id is idempotent).
#ifndef COOLPAPERS_SEARCH_INDEX_SYNC_H_
#define COOLPAPERS_SEARCH_INDEX_SYNC_H_

#include <cstdint>
#include <functional>
#include <stop_token>

#include "core/error.h"
#include "search/paper_indexer.h"
#include "store/store.h"
#include "store/venue_store.h"

namespace coolpapers::search {

// Called after each batch with the papers indexed so far and the total expected (the store's
// paper count for a rebuild, the changes pending at the start for a catch-up; an estimate, as
// the store may grow meanwhile).
using IndexProgress = std::function<void(int64_t done, int64_t total)>;

// Papers read from the store and indexed per batch.
inline constexpr int kSyncBatchPapers = 5000;

// Rebuilds the index from every paper in `store` (PaperIndexer::Rebuild) and returns how many
// it indexed. Changes the store takes during the rebuild are left for CatchUpIndex. Errors are
// the store's or the indexer's; the live index is then untouched.
// `on_merge` is called when the written parts start merging (PaperIndexer::Rebuild). A `stop`
// requested while the papers are read abandons the rebuild (kUnavailable, the live index kept).
[[nodiscard]] Result<int64_t> RebuildIndex(store::Store& store, PaperIndexer& indexer,
                                           const IndexProgress& progress = {},
                                           const std::function<void()>& on_merge = {},
                                           std::stop_token stop = {});

// Indexes every paper changed since the index's recorded change, in batches, each committed
// with the change it reaches, and returns how many papers it indexed (0 when up to date).
// Returns early, between batches, when `stop` is requested. Errors are the store's or the
// indexer's; batches done before stay done.
[[nodiscard]] Result<int64_t> CatchUpIndex(store::Store& store, PaperIndexer& indexer,
                                           const IndexProgress& progress = {},
                                           std::stop_token stop = {});

// Brings the index's venue papers in step with `venues` when its venue stamp
// (VenueStore::VenueStamp) moved since the index last took them in: the venue papers changed
// since that stamp are indexed again (VenueStore::VenuePapersChangedSince,
// PaperIndexer::UpdateVenuePapers), so the cost follows the change, not the venue store. An index
// without a venue stamp (new or rebuilt), or with a stamp ahead of the store's, takes every venue
// paper in (PaperIndexer::ReplaceVenuePapers). Returns how many venue papers it indexed (0 when
// up to date). Errors are the store's or the indexer's.
[[nodiscard]] Result<int64_t> SyncVenueIndex(store::VenueStore& venues, PaperIndexer& indexer);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_INDEX_SYNC_H_
