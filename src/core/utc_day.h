// Daily allowances (the model budget, its 429's Retry-After) renew at 00:00 UTC.
#ifndef COOLPAPERS_CORE_UTC_DAY_H_
#define COOLPAPERS_CORE_UTC_DAY_H_

#include <chrono>

#include "core/clock.h"

namespace coolpapers {

// From the clock's WallNow() to the next 00:00 UTC, in whole seconds rounded up; at least one.
std::chrono::seconds UntilNextUtcDay(Clock& clock);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_UTC_DAY_H_
