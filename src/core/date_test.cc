#include "core/date.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

TEST(Date, ParsesIsoDays) {
  struct Case {
    const char* text;
    int year;
    unsigned month;
    unsigned day;
  };
  for (const Case& c : {Case{"2025-05-14", 2025, 5, 14}, Case{"2024-02-29", 2024, 2, 29},
                        Case{"1970-01-01", 1970, 1, 1}, Case{"1991-08-14", 1991, 8, 14},
                        Case{"2000-02-29", 2000, 2, 29}, Case{"9999-12-31", 9999, 12, 31}}) {
    SCOPED_TRACE(c.text);
    Result<Date> date = Date::Parse(c.text);
    ASSERT_TRUE(date.has_value()) << date.error().message;
    EXPECT_EQ(*date, Date::FromYmd(c.year, c.month, c.day));
    EXPECT_EQ(date->ToIso(), c.text);
  }
}

TEST(Date, RejectsAnythingButARealYyyyMmDd) {
  for (const char* text :
       {"", "2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2023-02-29", "1900-02-29",
        "2025-5-1", "2025-05-1", "25-05-14", "2025-05-14x", " 2025-05-14", "2025-05-14 ",
        "2025/05/14", "20250514", "2025-05-14T00:00", "+025-05-14", "2025-0a-14", "2025--5-14"}) {
    SCOPED_TRACE(text);
    Result<Date> date = Date::Parse(text);
    ASSERT_FALSE(date.has_value());
    EXPECT_EQ(date.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(date.error().message,
              "invalid date \"" + std::string(text) + "\": expected YYYY-MM-DD");
  }
}

TEST(Date, DisplaysWeekdayDayMonthYear) {
  struct Case {
    Date date;
    const char* display;
  };
  for (const Case& c :
       {Case{Date::FromYmd(2025, 5, 14), "Wed, 14 May 2025"},
        Case{Date::FromYmd(2023, 12, 25), "Mon, 25 Dec 2023"},
        Case{Date::FromYmd(2024, 1, 1), "Mon, 1 Jan 2024"},
        Case{Date::FromYmd(2007, 4, 4), "Wed, 4 Apr 2007"}, Case{Date{}, "Thu, 1 Jan 1970"}}) {
    EXPECT_EQ(c.date.ToDisplay(), c.display);
  }
}

TEST(Date, StepsAndComparesByDays) {
  const Date day = Date::FromYmd(2024, 2, 28);
  EXPECT_EQ(day.AddDays(1).ToIso(), "2024-02-29");
  EXPECT_EQ(day.AddDays(2).ToIso(), "2024-03-01");
  EXPECT_EQ(day.AddDays(-59).ToIso(), "2023-12-31");
  EXPECT_LT(day, day.AddDays(1));
  EXPECT_EQ(day.weekday(), std::chrono::Wednesday);
}

}  // namespace
}  // namespace coolpapers
