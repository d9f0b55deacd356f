// A virtual-time Clock for tests: sleeping moves the clock forward instead of waiting, so retry,
// politeness and backoff logic runs instantly and deterministically, and a test sets the wall
// time its job times and "today" are read from. Thread-safe.
#ifndef COOLPAPERS_TESTS_SUPPORT_FAKE_CLOCK_H_
#define COOLPAPERS_TESTS_SUPPORT_FAKE_CLOCK_H_

#include <chrono>
#include <mutex>
#include <vector>

#include "core/clock.h"

namespace coolpapers::testing {

class FakeClock final : public Clock {
 public:
  // `wall_start` is what WallNow() reports at virtual time zero.
  explicit FakeClock(std::chrono::system_clock::time_point wall_start = {})
      : wall_start_(wall_start) {}

  TimePoint Now() override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  std::chrono::system_clock::time_point WallNow() override {
    std::lock_guard lock(mutex_);
    return wall_start_ +
           std::chrono::duration_cast<std::chrono::system_clock::duration>(now_ - TimePoint{});
  }
  void SleepUntil(TimePoint deadline) override {
    std::lock_guard lock(mutex_);
    if (deadline > now_) {
      sleeps_.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now_));
      now_ = deadline;
    }
  }
  // Moves both clocks forward by `step` (a test's "11 minutes later"); not counted as a sleep.
  void Advance(std::chrono::steady_clock::duration step) {
    std::lock_guard lock(mutex_);
    now_ += step;
  }
  // Every non-zero sleep so far, in order.
  std::vector<std::chrono::milliseconds> Sleeps() {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  std::mutex mutex_;
  std::chrono::system_clock::time_point wall_start_;
  TimePoint now_{};                                // Guarded by mutex_.
  std::vector<std::chrono::milliseconds> sleeps_;  // Guarded by mutex_.
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_FAKE_CLOCK_H_
