#include "search/index_updater.h"

#include <cstdio>

#include "search/index_sync.h"

namespace coolpapers::search {

IndexUpdater::IndexUpdater(store::Store& store, PaperIndexer& indexer,
                           std::chrono::milliseconds interval)
    : store_(store),
      indexer_(indexer),
      interval_(interval),
      thread_([this](std::stop_token stop) { Loop(stop); }) {}

IndexUpdater::~IndexUpdater() {
  thread_.request_stop();
  wake_.notify_all();
}

void IndexUpdater::Notify() {
  {
    std::lock_guard lock(mutex_);
    notified_ = true;
  }
  wake_.notify_all();
}

void IndexUpdater::Loop(std::stop_token stop) {
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
    failing = !indexed;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [this] { return notified_; });
    notified_ = false;
  }
}

}  // namespace coolpapers::search
