#include "core/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace coolpapers {

void LowerThisThreadsPriority(int steps) {
  if (steps <= 0) return;
  // PRIO_PROCESS with a thread id: on Linux, that thread alone.
  const auto thread = static_cast<id_t>(gettid());
  errno = 0;
  const int current = getpriority(PRIO_PROCESS, thread);
  if (current == -1 && errno != 0) return;
  (void)setpriority(PRIO_PROCESS, thread, std::min(19, current + steps));
}

}  // namespace coolpapers
