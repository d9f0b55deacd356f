#include "web/change_watcher.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

TEST(ChangeWatcher, ReportsEachReadingAndSkipsFailures) {
  std::mutex mutex;
  std::condition_variable seen;
  std::vector<uint64_t> stamps;
  int reads = 0;
  {
    ChangeWatcher watcher(
        [&]() -> Result<uint64_t> {
          std::lock_guard lock(mutex);
          ++reads;
          if (reads == 2) return Fail(ErrorCode::kUnavailable, "store is busy");
          return static_cast<uint64_t>(reads * 10);
        },
        [&](uint64_t stamp) {
          std::lock_guard lock(mutex);
          stamps.push_back(stamp);
          seen.notify_all();
        },
        std::chrono::milliseconds(1));
    std::unique_lock lock(mutex);
    // Waits for three reports; the bound only keeps a broken watcher from hanging the suite.
    ASSERT_TRUE(seen.wait_for(lock, std::chrono::seconds(10), [&] { return stamps.size() >= 3; }));
  }
  EXPECT_THAT(std::vector<uint64_t>(stamps.begin(), stamps.begin() + 3),
              ::testing::ElementsAre(10, 30, 40));
}

TEST(ChangeWatcher, ReadsOnceBeforeReturningAndStopsWithoutWaitingOut) {
  std::atomic<int> reads = 0;
  std::atomic<uint64_t> last = 0;
  {
    ChangeWatcher watcher([&]() -> Result<uint64_t> { return ++reads; },
                          [&](uint64_t stamp) { last = stamp; }, std::chrono::hours(1));
    EXPECT_EQ(reads, 1);
    EXPECT_EQ(last, 1u);
  }  // the destructor returns without waiting out the hour
  EXPECT_EQ(reads, 1);
}

}  // namespace
}  // namespace coolpapers::web
