#include "core/announcement_calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/support/shared_data.h"

namespace coolpapers {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// A UTC instant from its ISO spelling, for readable test tables.
UtcTime Utc(const char* iso) {
  Result<UtcTime> t = ParseArxivTimestamp(iso);
  EXPECT_TRUE(t.has_value()) << iso;
  return t.value_or(UtcTime{});
}

TEST(UsEasternOffset, FollowsTheUsDaylightSavingRulesOfEachYear) {
  struct Case {
    const char* utc;
    int offset_hours;
  };
  for (const Case& c : {
           // 2025 (from 2007: second Sunday of March to first Sunday of November).
           Case{"2025-01-15T12:00:00Z", -5}, Case{"2025-07-01T12:00:00Z", -4},
           Case{"2025-03-09T06:59:59Z", -5},  // 01:59:59 EST
           Case{"2025-03-09T07:00:00Z", -4},  // 02:00 EST becomes 03:00 EDT
           Case{"2025-11-02T05:59:59Z", -4},  // 01:59:59 EDT
           Case{"2025-11-02T06:00:00Z", -5},  // 02:00 EDT becomes 01:00 EST
           Case{"2025-03-08T12:00:00Z", -5}, Case{"2025-11-01T12:00:00Z", -4},
           // 2007, the first year of the current rules: 11 March to 4 November.
           Case{"2007-03-11T07:00:00Z", -4}, Case{"2007-04-02T19:18:42Z", -4},
           Case{"2007-10-30T12:00:00Z", -4}, Case{"2007-11-04T06:00:00Z", -5},
           // 2006, under the 1987-2006 rules: 2 April to 29 October.
           Case{"2006-03-20T12:00:00Z", -5}, Case{"2006-04-02T06:59:59Z", -5},
           Case{"2006-04-02T07:00:00Z", -4}, Case{"2006-10-29T05:59:59Z", -4},
           Case{"2006-10-29T06:00:00Z", -5}, Case{"2006-11-01T12:00:00Z", -5},
           Case{"1995-04-02T07:00:00Z", -4},  // first Sunday of April 1995
       }) {
    EXPECT_EQ(UsEasternOffset(Utc(c.utc)), hours(c.offset_hours)) << c.utc;
  }
}

TEST(AnnouncementDay, ListsEachSubmissionOnItsArxivDay) {
  struct Case {
    const char* submitted;  // UTC
    const char* listed;
  };
  for (const Case& c : {
           // The header's examples: Mon 2025-05-12 13:30 and 14:30 EDT.
           Case{"2025-05-12T17:30:00Z", "2025-05-13"}, Case{"2025-05-12T18:30:00Z", "2025-05-14"},
           // The close is 14:00 ET: 13:59:59 makes it, 14:00:00 does not.
           Case{"2025-05-12T17:59:59Z", "2025-05-13"}, Case{"2025-05-12T18:00:00Z", "2025-05-14"},
           Case{"2025-01-13T18:59:59Z", "2025-01-14"},  // winter: 13:59:59 EST
           Case{"2025-01-13T19:00:00Z", "2025-01-15"},  // 14:00 EST
           // Tuesday to Thursday.
           Case{"2025-05-13T12:00:00Z", "2025-05-14"}, Case{"2025-05-14T12:00:00Z", "2025-05-15"},
           Case{"2025-05-15T12:00:00Z", "2025-05-16"}, Case{"2025-05-15T20:00:00Z", "2025-05-19"},
           // Friday morning -> Monday; Friday afternoon and the weekend -> Tuesday.
           Case{"2025-05-16T12:00:00Z", "2025-05-19"}, Case{"2025-05-16T18:00:00Z", "2025-05-20"},
           Case{"2025-05-17T12:00:00Z", "2025-05-20"}, Case{"2025-05-18T23:00:00Z", "2025-05-20"},
           // Sunday 23:30 EDT is already Monday in UTC, still the weekend in New York.
           Case{"2025-05-19T03:30:00Z", "2025-05-20"},
           // Monday 00:30 EDT, before the close.
           Case{"2025-05-19T04:30:00Z", "2025-05-20"},
           // Early morning UTC that is still the previous evening in New York.
           Case{"2025-05-14T02:00:00Z", "2025-05-15"},  // Tue 22:00 EDT -> Wed close
           // Across the 2025-03-09 switch: Fri 7 Mar 13:30 EST, Mon 10 Mar 13:30 EDT.
           Case{"2025-03-07T18:30:00Z", "2025-03-10"}, Case{"2025-03-10T17:30:00Z", "2025-03-11"},
           Case{"2025-03-10T18:30:00Z", "2025-03-12"},
           // Kaggle record 0704.0001, v1: Mon 15:18 EDT, after the close.
           Case{"2007-04-02T19:18:42Z", "2007-04-04"},
           // The same instant a year earlier was 14:18 EST under the old rules (DST from 2 April).
           Case{"2006-03-31T19:18:42Z", "2006-04-04"},  // Friday 14:18 EST -> Tuesday
           Case{"2006-03-31T18:18:42Z", "2006-04-03"},  // Friday 13:18 EST -> Monday
       }) {
    EXPECT_EQ(AnnouncementDay(Utc(c.submitted)).ToIso(), c.listed) << c.submitted;
  }
}

TEST(AnnouncementDay, NeverListsOnAWeekend) {
  UtcTime t = Utc("2025-10-20T00:00:00Z");
  for (int step = 0; step < 24 * 14 * 4; ++step, t += minutes(15)) {
    const std::chrono::weekday wd = AnnouncementDay(t).weekday();
    ASSERT_NE(wd, std::chrono::Saturday);
    ASSERT_NE(wd, std::chrono::Sunday);
    ASSERT_GT(AnnouncementDay(t).days(),
              std::chrono::floor<std::chrono::days>(t) - std::chrono::days(1));
  }
}

TEST(ParseArxivTimestamp, ReadsRfc2822AndIso8601) {
  struct Case {
    const char* text;
    const char* utc;  // as ISO with Z, checked against the parsed instant
    int64_t epoch_seconds;
  };
  for (const Case& c : {
           Case{"Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02T19:18:42Z", 1175541522},
           Case{"Tue, 10 Apr 2007 23:56:49 GMT", "2007-04-10T23:56:49Z", 1176249409},
           Case{"Sat, 31 Mar 2007 00:00:00 GMT", "2007-03-31T00:00:00Z", 1175299200},
           Case{"Mon, 12 May 2025 17:30:00 UTC", "2025-05-12T17:30:00Z", 1747071000},
           Case{"2025-05-12T17:30:00Z", "2025-05-12T17:30:00Z", 1747071000},
           Case{"2025-05-12T13:30:00-04:00", "2025-05-12T17:30:00Z", 1747071000},
           Case{"2025-05-13T01:00:00+07:30", "2025-05-12T17:30:00Z", 1747071000},
           Case{"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", 0},
       }) {
    Result<UtcTime> t = ParseArxivTimestamp(c.text);
    ASSERT_TRUE(t.has_value()) << t.error().message;
    EXPECT_EQ(t->time_since_epoch(), seconds(c.epoch_seconds)) << c.text;
  }
}

TEST(ParseArxivTimestamp, RejectsOtherTextQuotingIt) {
  for (const char* text : {
           "",
           "yesterday",
           "2025-05-12",
           "2025-05-12 17:30:00Z",
           "2025-05-12T17:30:00",
           "2025-05-12T17:30Z",
           "2025-05-12T24:00:00Z",
           "2025-02-30T10:00:00Z",
           "2025-05-12T17:30:00+0400",
           "2025-05-12T17:30:00Z ",
           "Mon, 2 Apr 2007 19:18:42",
           "Mon, 2 Apr 2007 19:18:42 EST",
           "Tue, 2 Apr 2007 19:18:42 GMT",  // wrong weekday
           "Mon 2 Apr 2007 19:18:42 GMT",
           "Mon, 02 Apr 07 19:18:42 GMT",
           "Mon, 2 April 2007 19:18:42 GMT",
           "Mon, 123 Apr 2007 19:18:42 GMT",
           "Mon, 2 Apr 2007 19:18:60 GMT",
           "Mon, 31 Apr 2007 19:18:42 GMT",
       }) {
    Result<UtcTime> t = ParseArxivTimestamp(text);
    ASSERT_FALSE(t.has_value()) << text;
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(t.error().message,
              "invalid timestamp \"" + std::string(text) +
                  "\": expected \"Mon, 2 Apr 2007 19:18:42 GMT\" or \"2025-05-12T17:30:00Z\"");
  }
}

// Every version date of the real Kaggle sample parses (the format is exactly arXiv's).
TEST(ParseArxivTimestamp, ReadsEveryVersionDateOfTheKaggleSample) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  std::ifstream sample(data / "metadata" / "kaggle-oai-snapshot-sample-0704.jsonl");
  ASSERT_TRUE(sample) << "cannot open the Kaggle sample";
  const std::string key = "\"created\":\"";
  std::string line;
  int parsed = 0;
  while (std::getline(sample, line)) {
    for (size_t at = line.find(key); at != std::string::npos; at = line.find(key, at + 1)) {
      const size_t start = at + key.size();
      const std::string created = line.substr(start, line.find('"', start) - start);
      Result<UtcTime> t = ParseArxivTimestamp(created);
      EXPECT_TRUE(t.has_value()) << created;
      ++parsed;
    }
  }
  EXPECT_GE(parsed, 200);
}

}  // namespace
}  // namespace coolpapers
