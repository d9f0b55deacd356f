#include "search/index_updater.h"

#include <cstdint>
#include <cstdio>

#include "search/index_sync.h"

namespace coolpapers::search {
namespace {

// An index an older coolpapers made is rebuilt first, in the background; until the new one is
// swapped in, readers search the old one.
void RebuildIfOutdated(store::Store& store, PaperIndexer& indexer, std::stop_token stop) {
  Result<bool> current = indexer.FormatIsCurrent();
  if (current && *current) return;
  if (!current) {
    std::fprintf(stderr, "coolpapers: cannot read the search index's format: %s (%s)\n",
                 current.error().message.c_str(), current.error().detail.c_str());
    return;
  }
  std::fprintf(stderr,
               "coolpapers: the search index was made by an older coolpapers; rebuilding it from "
               "the store (searches use the old one meanwhile)\n");
  int64_t next_report = 100'000;
  Result<int64_t> rebuilt = RebuildIndex(store, indexer, [&](int64_t done, int64_t total) {
    if (done < next_report) return;
    std::fprintf(stderr, "coolpapers: search index rebuild: %lld of %lld papers\n",
                 static_cast<long long>(done), static_cast<long long>(total));
    next_report += 100'000;
  }, {}, stop);
  if (!rebuilt) {
    std::fprintf(stderr, "coolpapers: cannot rebuild the search index: %s (%s)\n",
                 rebuilt.error().message.c_str(), rebuilt.error().detail.c_str());
    return;
  }
  std::fprintf(stderr, "coolpapers: search index rebuilt: %lld papers\n",
               static_cast<long long>(*rebuilt));
}

}  // namespace

IndexUpdater::IndexUpdater(store::Store& store, PaperIndexer& indexer,
                           std::chrono::milliseconds interval, store::VenueStore* venues)
    : store_(store),
      indexer_(indexer),
      venues_(venues),
      interval_(interval),
      thread_([this](std::stop_token stop) { Loop(stop); }) {}

IndexUpdater::~IndexUpdater() {
  thread_.request_stop();
  wake_.notify_all();
}

void IndexUpdater::Notify() {
  {
    MutexLock lock(&mutex_);
    notified_ = true;
  }
  wake_.notify_all();
}

void IndexUpdater::Loop(std::stop_token stop) {
  RebuildIfOutdated(store_, indexer_, stop);
  bool failing = false;  // the last catch-up failed, so the next failure is not logged again
  while (!stop.stop_requested()) {
    Result<int64_t> indexed = CatchUpIndex(
        store_, indexer_,
        [](int64_t done, int64_t pending) {
          // One line per batch of a long catch-up (a first fill), so the log shows it moving.
          if (pending <= kSyncBatchPapers) return;
          std::fprintf(stderr, "coolpapers: search index: %lld of ~%lld changed papers indexed\n",
                       static_cast<long long>(done), static_cast<long long>(pending));
        },
        stop);
    if (!indexed && !failing) {
      std::fprintf(stderr, "coolpapers: cannot update the search index: %s (%s)\n",
                   indexed.error().message.c_str(), indexed.error().detail.c_str());
    }
    if (indexed && venues_ != nullptr) {
      indexed = SyncVenueIndex(*venues_, indexer_);
      if (!indexed && !failing) {
        std::fprintf(stderr, "coolpapers: cannot index the venue papers: %s (%s)\n",
                     indexed.error().message.c_str(), indexed.error().detail.c_str());
      }
    }
    if (indexed) {
      // Caught up: the moment to bound the blocks again if enough papers came in since.
      Result<bool> bounded = indexer_.RefreshBlockBounds(/*only_if_stale=*/true, stop);
      if (!bounded) {
        std::fprintf(stderr, "coolpapers: cannot bound the search index's blocks: %s (%s)\n",
                     bounded.error().message.c_str(), bounded.error().detail.c_str());
      } else if (*bounded) {
        std::fprintf(stderr, "coolpapers: search index: block bounds and word tiers built\n");
      }
    }
    failing = !indexed;
    MutexLock lock(&mutex_);
    wake_.wait_for(mutex_, stop, interval_, [this] {
      mutex_.AssertHeld();
      return notified_;
    });
    notified_ = false;
  }
}

}  // namespace coolpapers::search
