// Runs a poll on its own thread every interval, so caches learn within one interval that
// another process (an import, another node) changed the store.
#ifndef COOLPAPERS_WEB_CHANGE_WATCHER_H_
#define COOLPAPERS_WEB_CHANGE_WATCHER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/error.h"

namespace coolpapers::web {

class ChangeWatcher {
 public:
  // Reads what changed and drops what it makes stale (PageCacheSync::Poll, or a stamp read
  // passed to PageCache::Invalidate).
  using Poll = std::function<Result<void>()>;

  // Calls `poll` once before returning, then every `interval` on a new thread. A failed poll
  // is logged to stderr once per run of failures, and the next interval tries again. The calls
  // never overlap.
  explicit ChangeWatcher(Poll poll,
                         std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~ChangeWatcher();  // stops and joins the thread; returns within one call of `poll`
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

 private:
  void PollOnce();
  void Loop(std::stop_token stop);

  Poll poll_;
  std::chrono::milliseconds interval_;
  bool failing_ = false;  // the last poll failed (so the next failure is not logged again)
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CHANGE_WATCHER_H_
