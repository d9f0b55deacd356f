// A civil calendar day (proleptic Gregorian, no time zone), the unit of arXiv listings.
// Stored and shown as ISO "YYYY-MM-DD"; compared and stepped as a count of days since 1970-01-01.
#ifndef COOLPAPERS_CORE_DATE_H_
#define COOLPAPERS_CORE_DATE_H_

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers {

class Date {
 public:
  Date() = default;  // 1970-01-01
  explicit Date(std::chrono::sys_days days) : days_(days) {}
  static Date FromYmd(int year, unsigned month, unsigned day);

  // Parses exactly "YYYY-MM-DD" (a real day: "2025-02-30" is rejected). Returns kInvalidArgument
  // quoting the text: `invalid date "2025-13-01": expected YYYY-MM-DD`.
  [[nodiscard]] static Result<Date> Parse(std::string_view text);

  std::string ToIso() const;          // "2025-05-14"
  std::string ToDisplay() const;      // "Wed, 14 May 2025", as list headers show it
  std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }
  std::chrono::weekday weekday() const { return std::chrono::weekday{days_}; }
  Date AddDays(int n) const { return Date(days_ + std::chrono::days{n}); }

  auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_DATE_H_
