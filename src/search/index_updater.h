// The serve process's index writer: a thread that keeps the search index caught up with the
// store (index_sync.h). It checks every `interval` and whenever Notify() is called, so papers an
// import or the harvester commits (in this process or another) are searchable within about one
// interval after their commit. Stopping it (or a crash) mid-batch is safe: the next catch-up
// redoes what was not recorded. An index an older coolpapers made (PaperIndexer::FormatIsCurrent)
// is first rebuilt from the store, readers searching the old one until the new one is live;
// stopping the updater abandons that rebuild, which the next start begins again.
#ifndef COOLPAPERS_SEARCH_INDEX_UPDATER_H_
#define COOLPAPERS_SEARCH_INDEX_UPDATER_H_

#include <chrono>
#include <condition_variable>
#include <thread>

#include "core/mutex.h"
#include "search/paper_indexer.h"
#include "store/store.h"
#include "store/venue_store.h"

namespace coolpapers::search {

class IndexUpdater {
 public:
  // `store` and `indexer` (and `venues`, when given) must outlive the updater. With `venues`,
  // each round also brings the venue papers in step when they changed (SyncVenueIndex). Starts the thread, whose first catch-up
  // begins at once (a new index is filled from the whole store that way, in the background).
  // Progress of catch-ups larger than one batch and failures go to stderr; a failure is retried
  // at the next interval.
  IndexUpdater(store::Store& store, PaperIndexer& indexer,
               std::chrono::milliseconds interval = std::chrono::milliseconds(1000),
               store::VenueStore* venues = nullptr);
  ~IndexUpdater();  // stops after the batch in progress and joins the thread
  IndexUpdater(const IndexUpdater&) = delete;
  IndexUpdater& operator=(const IndexUpdater&) = delete;

  // Asks for a catch-up now rather than at the next interval. Thread-safe.
  void Notify();

 private:
  void Loop(std::stop_token stop);

  store::Store& store_;
  PaperIndexer& indexer_;
  store::VenueStore* const venues_;  // null: no venue papers to index
  const std::chrono::milliseconds interval_;
  Mutex mutex_;
  std::condition_variable_any wake_;
  bool notified_ GUARDED_BY(mutex_) = false;
  std::jthread thread_;    // last: starts after, and stops before, everything above
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_INDEX_UPDATER_H_
