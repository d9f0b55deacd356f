#include "core/date.h"

#include <array>
#include <cstdio>

#include "core/quoted_text.h"

namespace coolpapers {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Reads exactly `count` ASCII digits at `text[pos]`; -1 when any of them is not a digit.
int ReadDigits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

Date Date::FromYmd(int y, unsigned m, unsigned d) {
  return Date(std::chrono::sys_days{year_month_day{year{y}, month{m}, day{d}}});
}

Result<Date> Date::Parse(std::string_view text) {
  auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid date " + QuoteForMessage(text) + ": expected YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid();
  const int y = ReadDigits(text, 0, 4);
  const int m = ReadDigits(text, 5, 2);
  const int d = ReadDigits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return invalid();
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return invalid();
  return Date(std::chrono::sys_days{ymd});
}

std::string Date::ToIso() const {
  const year_month_day date = ymd();
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer.data();
}

std::string Date::ToDisplay() const {
  static constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                           "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const year_month_day date = ymd();
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%s, %u %s %d", kWeekdays[weekday().c_encoding()],
                static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1],
                static_cast<int>(date.year()));
  return buffer.data();
}

}  // namespace coolpapers
