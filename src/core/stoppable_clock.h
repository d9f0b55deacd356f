// A clock whose waits end early once a stop is requested: `serve` gives it to everything that
// sleeps on outside work (the polite client's backoff between retries, a host's politeness
// interval), so SIGTERM is not held up by a retry due in a minute (issue #18 finding 8).
#ifndef COOLPAPERS_CORE_STOPPABLE_CLOCK_H_
#define COOLPAPERS_CORE_STOPPABLE_CLOCK_H_

#include <condition_variable>
#include <stop_token>

#include "core/clock.h"
#include "core/mutex.h"

namespace coolpapers {

class StoppableClock final : public Clock {
 public:
  // `inner` gives the time and must outlive this clock.
  StoppableClock(Clock& inner, std::stop_token stop) : inner_(inner), stop_(std::move(stop)) {}

  TimePoint Now() override { return inner_.Now(); }
  std::chrono::system_clock::time_point WallNow() override { return inner_.WallNow(); }
  // Returns at `deadline` or as soon as the stop is requested, whichever comes first (the
  // caller then finds its work cancelled). Thread-safe. Waits on the real steady clock.
  void SleepUntil(TimePoint deadline) override;

 private:
  Clock& inner_;
  const std::stop_token stop_;
  Mutex mutex_;
  std::condition_variable_any wake_;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_STOPPABLE_CLOCK_H_
