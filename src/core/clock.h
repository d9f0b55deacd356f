// The one seam of time: everything that reads the time or waits takes a Clock, so tests run
// retries, politeness, backoff, job times and "today" on virtual time without sleeping.
// RealClock() is the system's; tests/support/fake_clock.h is the virtual one.
#ifndef COOLPAPERS_CORE_CLOCK_H_
#define COOLPAPERS_CORE_CLOCK_H_

#include <chrono>

#include "core/date.h"

namespace coolpapers {

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;

  // Monotonic now, for intervals and deadlines.
  virtual TimePoint Now() = 0;
  // Wall-clock now: times stored or shown, an HTTP-date Retry-After, today's date.
  virtual std::chrono::system_clock::time_point WallNow() = 0;
  // Blocks the calling thread until Now() >= deadline. Thread-safe.
  virtual void SleepUntil(TimePoint deadline) = 0;
};

// The real clocks and std::this_thread::sleep_until. Static lifetime, thread-safe.
Clock& RealClock();

// WallNow() to the millisecond (the job queue's times) and to the second (stored answers).
std::chrono::sys_time<std::chrono::milliseconds> WallMilliseconds(Clock& clock);
std::chrono::sys_seconds WallSeconds(Clock& clock);
// The UTC date of WallNow().
Date UtcToday(Clock& clock);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_CLOCK_H_
