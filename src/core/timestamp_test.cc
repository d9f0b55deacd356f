#include "core/timestamp.h"

#include <gtest/gtest.h>

#include "core/announcement_calendar.h"

namespace coolpapers {
namespace {

using namespace std::chrono;

TEST(FormatRfc3339Test, WritesUtcSecondsWithZ) {
  const sys_days day = sys_days{year{2025} / May / 12};
  EXPECT_EQ(FormatRfc3339(day + hours(17) + minutes(30) + milliseconds(999)), "2025-05-12T17:30:00Z");
  EXPECT_EQ(FormatRfc3339(sys_time<milliseconds>{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(sys_days{year{2024} / December / 31} + hours(23) + minutes(59) + seconds(59)),
            "2024-12-31T23:59:59Z");
}

// The store writes version dates this way and reads them back with ParseArxivTimestamp.
TEST(FormatRfc3339Test, ReadsBackAsAnArxivTimestamp) {
  const UtcTime submitted = sys_days{year{2007} / April / 2} + hours(19) + minutes(18) + seconds(42);
  EXPECT_EQ(ParseArxivTimestamp(FormatRfc3339(submitted)).value(), submitted);
}

}  // namespace
}  // namespace coolpapers
