#include "web/daily_allowance.h"

namespace coolpapers::web {

bool DailyAllowance::Take(std::string_view key) {
  if (per_day_ <= 0) return true;
  const Date today = UtcToday(clock_);
  MutexLock lock(&mutex_);
  if (today != day_) {
    day_ = today;
    used_.clear();
  }
  auto found = used_.find(std::string(key));
  if (found == used_.end()) {
    if (used_.size() >= max_keys_) return false;
    found = used_.emplace(std::string(key), 0).first;
  }
  if (found->second >= per_day_) return false;
  ++found->second;
  return true;
}

}  // namespace coolpapers::web
