// Polls a change stamp on its own thread and reports every reading, so caches learn within one
// interval that another process (an import) changed the store.
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
  using ReadStamp = std::function<Result<uint64_t>()>;
  using OnStamp = std::function<void(uint64_t)>;

  // Calls `read` once before returning, then every `interval` on a new thread, passing each
  // stamp it returns to `on_stamp` (e.g. PageCache::Invalidate). A failed read is logged to
  // stderr once per run of failures, and the next interval tries again. The calls never overlap.
  ChangeWatcher(ReadStamp read, OnStamp on_stamp,
                std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~ChangeWatcher();  // stops and joins the thread; returns within one call of `read`
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

 private:
  void Poll();
  void Loop(std::stop_token stop);

  ReadStamp read_;
  OnStamp on_stamp_;
  std::chrono::milliseconds interval_;
  bool failing_ = false;  // the last read failed (so the next failure is not logged again)
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CHANGE_WATCHER_H_
