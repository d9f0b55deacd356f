#include "web/change_watcher.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

TEST(ChangeWatcher, PollsAgainAfterAFailure) {
  std::mutex mutex;
  std::condition_variable seen;
  int polls = 0;
  {
    ChangeWatcher watcher(
        [&]() -> Result<void> {
          std::lock_guard lock(mutex);
          ++polls;
          seen.notify_all();
          if (polls == 2) return Fail(ErrorCode::kUnavailable, "store is busy");
          return {};
        },
        std::chrono::milliseconds(1));
    std::unique_lock lock(mutex);
    // Waits for four polls; the bound only keeps a broken watcher from hanging the suite.
    ASSERT_TRUE(seen.wait_for(lock, std::chrono::seconds(10), [&] { return polls >= 4; }));
  }
}

TEST(ChangeWatcher, PollsOnceBeforeReturningAndStopsWithoutWaitingOut) {
  std::atomic<int> polls = 0;
  {
    ChangeWatcher watcher(
        [&]() -> Result<void> {
          ++polls;
          return {};
        },
        std::chrono::hours(1));
    EXPECT_EQ(polls, 1);
  }  // the destructor returns without waiting out the hour
  EXPECT_EQ(polls, 1);
}

}  // namespace
}  // namespace coolpapers::web
