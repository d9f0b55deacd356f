// The time seam of the net module: waiting between requests goes through a Clock so tests can
// run the retry and politeness logic without sleeping for real.
#ifndef COOLPAPERS_NET_CLOCK_H_
#define COOLPAPERS_NET_CLOCK_H_

#include <chrono>

namespace coolpapers::net {

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;

  // Monotonic now, for intervals and deadlines.
  virtual TimePoint Now() = 0;
  // Wall-clock now, to read an HTTP-date Retry-After.
  virtual std::chrono::system_clock::time_point WallNow() = 0;
  // Blocks the calling thread until Now() >= deadline. Thread-safe.
  virtual void SleepUntil(TimePoint deadline) = 0;
};

// The real clocks and std::this_thread::sleep_until. Static lifetime, thread-safe.
Clock& RealClock();

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_CLOCK_H_
