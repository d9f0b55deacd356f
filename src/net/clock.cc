#include "net/clock.h"

#include <thread>

namespace coolpapers::net {
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

}  // namespace coolpapers::net
