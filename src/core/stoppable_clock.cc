#include "core/stoppable_clock.h"

namespace coolpapers {

void StoppableClock::SleepUntil(TimePoint deadline) {
  MutexLock lock(&mutex_);
  // Nothing ever notifies wake_ but the stop token's callback inside wait_until.
  wake_.wait_until(mutex_, stop_, deadline, [] { return false; });
}

}  // namespace coolpapers
