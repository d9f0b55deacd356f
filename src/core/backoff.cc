#include "core/backoff.h"

#include <algorithm>
#include <cmath>

namespace coolpapers {

std::chrono::milliseconds JitteredBackoff(const BackoffRule& rule, int attempt, double random_unit) {
  const double doubled = static_cast<double>(rule.initial.count()) *
                         std::pow(2.0, std::clamp(attempt - 1, 0, 30));
  const double base = std::min(doubled, static_cast<double>(rule.max.count()));
  const double unit = std::clamp(random_unit, 0.0, 1.0);
  const double jitter = std::clamp(rule.jitter, 0.0, 1.0);
  return std::chrono::milliseconds(std::llround(base * (1.0 - jitter + jitter * unit)));
}

}  // namespace coolpapers
