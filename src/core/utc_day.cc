#include "core/utc_day.h"

#include <algorithm>

namespace coolpapers {

std::chrono::seconds UntilNextUtcDay(Clock& clock) {
  const auto now = clock.WallNow();
  const auto midnight = std::chrono::floor<std::chrono::days>(now) + std::chrono::days(1);
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(midnight - now));
}

}  // namespace coolpapers
