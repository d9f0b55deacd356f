// How many FAQ event streams may be open at once, per paper and per client (issue #18
// finding 2: two clients holding 20,000 streams ran the server out of file descriptors). A
// stream holds a place (Acquire's ticket) until it ends; the server keeps the ticket with the
// stream (Response::stream_hold).
#ifndef COOLPAPERS_WEB_WATCHER_QUOTA_H_
#define COOLPAPERS_WEB_WATCHER_QUOTA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/mutex.h"

namespace coolpapers::web {

class WatcherQuota : public std::enable_shared_from_this<WatcherQuota> {
 public:
  // <= 0: no cap.
  WatcherQuota(int per_paper, int per_client) : per_paper_(per_paper), per_client_(per_client) {}

  // A place for `client` watching `paper`, given back when the ticket is destroyed (from any
  // thread, also after the quota's owner let go of it); kUnavailable naming the cap reached,
  // in words for the reader. Thread-safe. The quota must be owned by a shared_ptr.
  [[nodiscard]] Result<std::shared_ptr<void>> Acquire(std::string_view client,
                                                      std::string_view paper);

  // Places held now, for tests and /metrics.
  int64_t held() const;

 private:
  void Release(const std::string& client, const std::string& paper);

  const int per_paper_;
  const int per_client_;
  mutable Mutex mutex_;
  std::unordered_map<std::string, int> by_paper_ GUARDED_BY(mutex_);
  std::unordered_map<std::string, int> by_client_ GUARDED_BY(mutex_);
  int64_t held_ GUARDED_BY(mutex_) = 0;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_WATCHER_QUOTA_H_
