#include "core/stoppable_clock.h"

#include <chrono>
#include <stop_token>
#include <thread>

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

using std::chrono::milliseconds;

TEST(StoppableClock, SleepsUntilTheDeadlineWhenNobodyStops) {
  std::stop_source stop;
  StoppableClock clock(RealClock(), stop.get_token());
  const auto start = clock.Now();
  clock.SleepUntil(start + milliseconds(50));
  EXPECT_GE(clock.Now() - start, milliseconds(50));
}

// A retry due in a minute must not hold up SIGTERM (issue #18 finding 8).
TEST(StoppableClock, AStopEndsASleepAtOnce) {
  std::stop_source stop;
  StoppableClock clock(RealClock(), stop.get_token());
  std::jthread stopper([&stop] {
    std::this_thread::sleep_for(milliseconds(100));
    stop.request_stop();
  });
  const auto start = clock.Now();
  clock.SleepUntil(start + std::chrono::minutes(1));
  EXPECT_LT(clock.Now() - start, std::chrono::seconds(5));
  // Stopped already: later sleeps return at once.
  const auto again = clock.Now();
  clock.SleepUntil(again + std::chrono::minutes(1));
  EXPECT_LT(clock.Now() - again, std::chrono::seconds(5));
}

}  // namespace
}  // namespace coolpapers
