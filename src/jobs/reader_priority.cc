#include "jobs/reader_priority.h"

#include <optional>
#include <utility>
#include <vector>

namespace coolpapers::jobs {

Result<store::JobPriority> ReaderPriority(store::Store& store, const Paper& paper, bool admin,
                                          int today_days) {
  if (admin) return store::JobPriority::kAdmin;
  if (!paper.first_listed) return store::JobPriority::kHistory;
  Result<std::vector<store::CategoryDay>> days = store.NewestDayPerCategory();
  if (!days) return std::unexpected(std::move(days.error()));
  std::optional<Date> newest;
  for (const store::CategoryDay& day : *days) {
    if (!newest || day.newest_day > *newest) newest = day.newest_day;
  }
  if (newest && *paper.first_listed >= newest->AddDays(-(today_days - 1))) {
    return store::JobPriority::kToday;
  }
  return store::JobPriority::kHistory;
}

}  // namespace coolpapers::jobs
