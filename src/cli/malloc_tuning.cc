#include "cli/malloc_tuning.h"

#include <malloc.h>

namespace coolpapers::cli {

bool TuneMallocForServing() {
  const bool threshold = mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMmapThresholdBytes)) == 1;
  const bool arenas = mallopt(M_ARENA_MAX, kMaxArenas) == 1;
  return threshold && arenas;
}

}  // namespace coolpapers::cli
