#include "cli/malloc_tuning.h"

#include <malloc.h>

namespace coolpapers::cli {

bool TuneMallocForServing() {
  const bool threshold = mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMmapThresholdBytes)) == 1;
  const bool arenas = mallopt(M_ARENA_MAX, kMaxArenas) == 1;
  const bool trim = mallopt(M_TRIM_THRESHOLD, static_cast<int>(kTrimThresholdBytes)) == 1;
  return threshold && arenas && trim;
}

PeriodicMallocTrim::PeriodicMallocTrim(std::chrono::milliseconds interval)
    : thread_([this, interval](std::stop_token stop) {
        while (true) {
          std::unique_lock lock(mutex_);
          // Returns early only when the destructor asks the thread to stop.
          wake_.wait_for(lock, stop, interval, [] { return false; });
          if (stop.stop_requested()) return;
          lock.unlock();
          malloc_trim(0);
        }
      }) {}

PeriodicMallocTrim::~PeriodicMallocTrim() = default;

}  // namespace coolpapers::cli
