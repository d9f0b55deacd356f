#include "core/clock.h"

#include <thread>

namespace coolpapers {
namespace {

class RealClockImpl final : public Clock {
 public:
  TimePoint Now() override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point WallNow() override {
    return std::chrono::system_clock::now();
  }
  void SleepUntil(TimePoint deadline) override { std::this_thread::sleep_until(deadline); }
};

}  // namespace

Clock& RealClock() {
  static RealClockImpl clock;
  return clock;
}

std::chrono::sys_time<std::chrono::milliseconds> WallMilliseconds(Clock& clock) {
  return std::chrono::floor<std::chrono::milliseconds>(clock.WallNow());
}

std::chrono::sys_seconds WallSeconds(Clock& clock) {
  return std::chrono::floor<std::chrono::seconds>(clock.WallNow());
}

Date UtcToday(Clock& clock) { return Date(std::chrono::floor<std::chrono::days>(clock.WallNow())); }

}  // namespace coolpapers
