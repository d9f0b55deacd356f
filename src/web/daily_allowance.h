// "At most N a day per key": how many readers one address may count on one paper's click
// counter (issue #18 finding 7). Keys are the caller's ("203.0.113.7|2401.06769|pdf"); the counts
// start again when the UTC day changes. Bounded: past `max_keys` keys in a day, new keys are
// refused, which for click counters means a click is not counted (nothing a reader sees).
#ifndef COOLPAPERS_WEB_DAILY_ALLOWANCE_H_
#define COOLPAPERS_WEB_DAILY_ALLOWANCE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "core/date.h"
#include "core/mutex.h"

namespace coolpapers::web {

class DailyAllowance {
 public:
  // `per_day` <= 0: unlimited.
  DailyAllowance(int per_day, size_t max_keys, Clock* clock = &RealClock())
      : per_day_(per_day), max_keys_(max_keys), clock_(*clock) {}

  // Counts one use of `key` today: true while it is within the allowance. Thread-safe.
  bool Take(std::string_view key);

 private:
  const int per_day_;
  const size_t max_keys_;
  Clock& clock_;
  Mutex mutex_;
  Date day_ GUARDED_BY(mutex_);
  std::unordered_map<std::string, int> used_ GUARDED_BY(mutex_);
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_DAILY_ALLOWANCE_H_
