#include "web/change_watcher.h"

#include <cstdio>
#include <utility>

namespace coolpapers::web {

ChangeWatcher::ChangeWatcher(ReadStamp read, OnStamp on_stamp, std::chrono::milliseconds interval)
    : read_(std::move(read)), on_stamp_(std::move(on_stamp)), interval_(interval) {
  // The first reading lands before the owner serves anything, so a page cached from then on
  // is never dropped by a "first" stamp that is not a change.
  Poll();
  thread_ = std::jthread([this](std::stop_token stop) { Loop(stop); });
}

ChangeWatcher::~ChangeWatcher() = default;

void ChangeWatcher::Poll() {
  Result<uint64_t> stamp = read_();
  if (stamp) {
    failing_ = false;
    on_stamp_(*stamp);
  } else if (!failing_) {
    failing_ = true;
    std::fprintf(stderr, "coolpapers: cannot read the store's change stamp: %s %s\n",
                 stamp.error().message.c_str(), stamp.error().detail.c_str());
  }
}

void ChangeWatcher::Loop(std::stop_token stop) {
  while (true) {
    std::unique_lock lock(mutex_);
    // Returns early only when the destructor asks the thread to stop.
    wake_.wait_for(lock, stop, interval_, [] { return false; });
    if (stop.stop_requested()) return;
    lock.unlock();
    Poll();
  }
}

}  // namespace coolpapers::web
