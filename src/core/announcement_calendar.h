// The arXiv announcement calendar. Submissions close at 14:00 US Eastern time, Monday to Friday;
// what came in before a close is announced at 20:00 Eastern that day (Friday's close: Sunday
// 20:00). A listing is dated by the day after that evening, the UTC and Asian morning readers
// see it: Monday to Friday. Holidays are not modelled here (they are detected by the harvester).
#ifndef COOLPAPERS_CORE_ANNOUNCEMENT_CALENDAR_H_
#define COOLPAPERS_CORE_ANNOUNCEMENT_CALENDAR_H_

#include <chrono>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace coolpapers {

using UtcTime = std::chrono::sys_seconds;

// US Eastern offset from UTC at an instant: -4 h under daylight saving time, -5 h otherwise,
// with the US rules in force at that time, as the system's time zone database
// (America/New_York, Debian's tzdata) has them.
std::chrono::seconds UsEasternOffset(UtcTime t);

// The listing day on which a paper submitted at `submitted` (UTC) is announced.
// Example: submitted Mon 2025-05-12 17:30 UTC (13:30 EDT) -> listed Tue 2025-05-13;
// submitted Mon 2025-05-12 18:30 UTC (14:30 EDT) -> listed Wed 2025-05-14;
// submitted Fri 14:30 EDT or during the weekend -> listed Tuesday.
Date AnnouncementDay(UtcTime submitted);

// Parses the timestamps arXiv metadata carries: RFC 2822 "Mon, 2 Apr 2007 19:18:42 GMT" (the
// Kaggle snapshot's versions) and ISO 8601 "2025-05-12T17:30:00Z" (the API). Returns
// kInvalidArgument quoting the text otherwise.
[[nodiscard]] Result<UtcTime> ParseArxivTimestamp(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_ANNOUNCEMENT_CALENDAR_H_
