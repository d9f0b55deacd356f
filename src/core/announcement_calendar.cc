#include "core/announcement_calendar.h"

#include <date/tz.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>

#include "core/quoted_text.h"

namespace coolpapers {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

// arXiv's daily submission deadline, US Eastern wall-clock time.
constexpr seconds kDailyClose = hours(14);

// arXiv's zone, from the system's time zone database (Debian's tzdata), found once. Without it
// no announcement day can be computed: a broken installation, said plainly before stopping.
const date::time_zone& ArxivZone() {
  static const date::time_zone* const zone = [] {
    try {
      return date::locate_zone("America/New_York");
    } catch (const std::exception& e) {
      std::fprintf(stderr,
                   "coolpapers: the time zone database has no America/New_York (%s); "
                   "install Debian's tzdata\n",
                   e.what());
      std::abort();
    }
  }();
  return *zone;
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }

  bool Skip(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  bool Skip(std::string_view s) {
    if (!text_.substr(pos_).starts_with(s)) return false;
    pos_ += s.size();
    return true;
  }

  // Reads between min_digits and max_digits ASCII digits as a number no greater than `max`.
  std::optional<int> Number(size_t min_digits, size_t max_digits, int max) {
    int value = 0;
    size_t count = 0;
    while (count < max_digits && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      value = value * 10 + (text_[pos_++] - '0');
      ++count;
    }
    if (count < min_digits || value > max) return std::nullopt;
    return value;
  }

  // Reads one of `names` and returns its index.
  template <size_t N>
  std::optional<unsigned> OneOf(const std::array<std::string_view, N>& names) {
    for (unsigned i = 0; i < N; ++i) {
      if (Skip(names[i])) return i;
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

constexpr std::array<std::string_view, 7> kWeekdayNames = {"Sun", "Mon", "Tue", "Wed",
                                                           "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::optional<sys_days> MakeDay(int y, int m, int d) {
  const year_month_day ymd{year{y}, std::chrono::month{static_cast<unsigned>(m)},
                           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

// "HH:MM:SS", 24-hour clock.
std::optional<seconds> TimeOfDay(Cursor& in) {
  const std::optional<int> h = in.Number(2, 2, 23);
  if (!h || !in.Skip(':')) return std::nullopt;
  const std::optional<int> m = in.Number(2, 2, 59);
  if (!m || !in.Skip(':')) return std::nullopt;
  const std::optional<int> s = in.Number(2, 2, 59);
  if (!s) return std::nullopt;
  return hours(*h) + minutes(*m) + seconds(*s);
}

// "Mon, 2 Apr 2007 19:18:42 GMT": the Kaggle snapshot's version dates. The weekday must agree
// with the date; a mismatch means the text is damaged.
std::optional<UtcTime> ParseRfc2822(std::string_view text) {
  Cursor in(text);
  const std::optional<unsigned> wd = in.OneOf(kWeekdayNames);
  if (!wd || !in.Skip(", ")) return std::nullopt;
  const std::optional<int> d = in.Number(1, 2, 31);
  if (!d || !in.Skip(' ')) return std::nullopt;
  const std::optional<unsigned> m = in.OneOf(kMonthNames);
  if (!m || !in.Skip(' ')) return std::nullopt;
  const std::optional<int> y = in.Number(4, 4, 9999);
  if (!y || !in.Skip(' ')) return std::nullopt;
  const std::optional<seconds> time = TimeOfDay(in);
  if (!time || !in.Skip(' ') || !(in.Skip("GMT") || in.Skip("UTC")) || !in.done()) {
    return std::nullopt;
  }
  const std::optional<sys_days> day = MakeDay(*y, static_cast<int>(*m) + 1, *d);
  if (!day || weekday{*day}.c_encoding() != *wd) return std::nullopt;
  return UtcTime{*day} + *time;
}

// "2025-05-12T17:30:00Z" or with an offset, "2025-05-12T13:30:00-04:00": the arXiv API.
std::optional<UtcTime> ParseIso8601(std::string_view text) {
  Cursor in(text);
  const std::optional<int> y = in.Number(4, 4, 9999);
  if (!y || !in.Skip('-')) return std::nullopt;
  const std::optional<int> m = in.Number(2, 2, 12);
  if (!m || !in.Skip('-')) return std::nullopt;
  const std::optional<int> d = in.Number(2, 2, 31);
  if (!d || !in.Skip('T')) return std::nullopt;
  const std::optional<seconds> time = TimeOfDay(in);
  if (!time) return std::nullopt;
  seconds offset{0};
  if (!in.Skip('Z')) {
    const bool east = in.Skip('+');
    if (!east && !in.Skip('-')) return std::nullopt;
    const std::optional<int> oh = in.Number(2, 2, 23);
    if (!oh || !in.Skip(':')) return std::nullopt;
    const std::optional<int> om = in.Number(2, 2, 59);
    if (!om) return std::nullopt;
    offset = hours(*oh) + minutes(*om);
    if (!east) offset = -offset;
  }
  if (!in.done()) return std::nullopt;
  const std::optional<sys_days> day = MakeDay(*y, *m, *d);
  if (!day) return std::nullopt;
  return UtcTime{*day} + *time - offset;
}

}  // namespace

seconds UsEasternOffset(UtcTime t) { return ArxivZone().get_info(t).offset; }

Date AnnouncementDay(UtcTime submitted) {
  const std::chrono::local_seconds local{
      (submitted + UsEasternOffset(submitted)).time_since_epoch()};
  const auto local_day = std::chrono::floor<days>(local);
  sys_days close{local_day.time_since_epoch()};
  // A submission at 14:00:00 sharp has missed that day's close.
  if (local - local_day >= kDailyClose) close += days(1);
  while (weekday{close} == std::chrono::Saturday || weekday{close} == std::chrono::Sunday) {
    close += days(1);
  }
  // Monday to Thursday closes are announced that evening and dated the next day; Friday's is
  // announced on Sunday evening and dated Monday.
  return Date(close + days(weekday{close} == std::chrono::Friday ? 3 : 1));
}

Result<UtcTime> ParseArxivTimestamp(std::string_view text) {
  if (std::optional<UtcTime> t = ParseRfc2822(text)) return *t;
  if (std::optional<UtcTime> t = ParseIso8601(text)) return *t;
  return Fail(ErrorCode::kInvalidArgument,
              "invalid timestamp " + QuoteForMessage(text) +
                  ": expected \"Mon, 2 Apr 2007 19:18:42 GMT\" or \"2025-05-12T17:30:00Z\"");
}

}  // namespace coolpapers
