// Keeps a page cache in step with the store, whichever process or node wrote it: each Poll()
// reads the changes the store recorded since the last one (Store::PageChangesSince) and drops
// only the pages tagged with what changed (cache_tags.h); when the change stamp moves it drops
// the pages that follow any change (kStoreTag). When the log was pruned past this reader, or
// it names more changes than one poll reads, or "every paper", it drops everything.
#ifndef COOLPAPERS_WEB_PAGE_CACHE_SYNC_H_
#define COOLPAPERS_WEB_PAGE_CACHE_SYNC_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

#include "core/error.h"
#include "store/store.h"
#include "web/page_cache.h"

namespace coolpapers::web {

// What the polls did so far, for /metrics and benchmarks; read from any thread.
struct PageCacheSyncCounts {
  std::atomic<uint64_t> changes{0};        // page changes read
  std::atomic<uint64_t> pages_dropped{0};  // by tag
  std::atomic<uint64_t> full_drops{0};     // everything dropped (pruned log, too many changes,
                                           // every paper)
};

class PageCacheSync {
 public:
  // `stamp` reads what kStoreTag pages depend on (the store's change stamp, folded with how
  // the harvest stands). `store`, `cache` must outlive this. Not thread-safe: one poller.
  PageCacheSync(store::Store& store, PageCache& cache, std::function<Result<uint64_t>()> stamp);

  // The first call only learns where the log and the stamp stand.
  Result<void> Poll();

  const PageCacheSyncCounts& counts() const { return counts_; }

 private:
  Result<void> ApplyChanges();

  store::Store& store_;
  PageCache& cache_;
  std::function<Result<uint64_t>()> stamp_reader_;
  std::optional<uint64_t> position_;  // the last page change applied
  std::optional<uint64_t> stamp_;
  PageCacheSyncCounts counts_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGE_CACHE_SYNC_H_
