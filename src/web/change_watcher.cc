#include "web/change_watcher.h"

#include <cstdio>
#include <utility>

namespace coolpapers::web {

ChangeWatcher::ChangeWatcher(Poll poll, std::chrono::milliseconds interval)
    : poll_(std::move(poll)), interval_(interval) {
  // The first poll lands before the owner serves anything, so a page cached from then on is
  // never dropped by a "first" reading that is not a change.
  PollOnce();
  thread_ = std::jthread([this](std::stop_token stop) { Loop(stop); });
}

ChangeWatcher::~ChangeWatcher() = default;

void ChangeWatcher::PollOnce() {
  Result<void> polled = poll_();
  if (polled) {
    failing_ = false;
  } else if (!failing_) {
    failing_ = true;
    std::fprintf(stderr, "coolpapers: cannot read what changed in the store: %s %s\n",
                 polled.error().message.c_str(), polled.error().detail.c_str());
  }
}

void ChangeWatcher::Loop(std::stop_token stop) {
  while (true) {
    std::unique_lock lock(mutex_);
    // Returns early only when the destructor asks the thread to stop.
    wake_.wait_for(lock, stop, interval_, [] { return false; });
    if (stop.stop_requested()) return;
    lock.unlock();
    PollOnce();
  }
}

}  // namespace coolpapers::web
