#include "ingest/record_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers::ingest {
namespace {

using ::testing::HasSubstr;

// A daily-listing line with one field replaced (or removed when `value` is empty).
std::string DailyLine(const std::string& field = "", const std::string& value = "") {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", "\"2505.08001\""},
      {"authors", "[\"Ana Souza\"]"},
      {"title", "\"Sparse Attention\""},
      {"categories", "[\"cs.CL\"]"},
      {"comment", "null"},
      {"summary", "\"Short.\""},
      {"listing_date", "\"2025-05-14\""},
  };
  std::string line = "{";
  for (const auto& [name, json] : fields) {
    const std::string& shown = name == field ? value : json;
    if (name == field && value.empty()) continue;
    if (line.size() > 1) line += ", ";
    line += "\"" + name + "\": " + shown;
  }
  return line + "}";
}

// A Kaggle snapshot line with the given versions list.
std::string KaggleLine(const std::string& versions, const std::string& extra = "") {
  return R"({"id":"0704.0001","authors":"A. One and B. Two","title":"T","abstract":"  A.\n",)"
         R"("categories":"hep-ph",)" + extra + R"("versions":)" + versions + "}";
}

TEST(RecordParser, RejectsMalformedLinesSayingWhy) {
  struct Case {
    std::string line;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {R"({"id": "2505.1)", "invalid JSON: parse error at line 1"},
      // A number past a double's range threw out_of_range, which ended the import (found by
      // jsonl_record_fuzz, issue #18).
      {R"({"id": 1E99999})", "invalid JSON: number overflow parsing '1E99999'"},
      {"[1, 2]", "the line holds a JSON array: expected an object"},
      {R"({"id": "2505.08001"})", "unknown record shape"},
      {DailyLine("title"), "missing field \"title\""},
      {DailyLine("title", "null"), "missing field \"title\""},
      {DailyLine("title", "42"), "field \"title\" is a number: expected a string"},
      {DailyLine("title", "\" \\n \""), "field \"title\" is empty"},
      {DailyLine("id", "\"2505.1x\""), "invalid arXiv id"},
      {DailyLine("listing_date", "\"2025-13-01\""), "invalid date \"2025-13-01\""},
      {DailyLine("categories", "[\"68T05\", \"I.2.7\"]"),
       "field \"categories\" has no arXiv category: \"68T05 I.2.7\""},
      {DailyLine("categories", "[1]"), "field \"categories\" holds a number"},
      {DailyLine("authors", "{}"), "missing field \"authors\""},
      {KaggleLine("[]"), "missing field \"versions\""},
      {KaggleLine(R"([{"version":"2","created":"Mon, 2 Apr 2007 19:18:42 GMT"}])"),
       "version \"2\": expected v1, v2"},
      {KaggleLine(R"([{"version":"v1","created":"yesterday"}])"), "yesterday"},
      {KaggleLine(R"([{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},)"
                  R"({"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}])"),
       "lists v1 twice"},
      {KaggleLine(R"([{"version":"v1"}])"), "missing field \"created\""},
      {KaggleLine(R"([{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}])",
                  R"("doi":7,)"),
       "field \"doi\" is a number"},
  };
  for (const Case& c : cases) {
    auto record = ParseRecordLine(c.line, 1);
    ASSERT_FALSE(record) << c.line;
    EXPECT_EQ(record.error().code, ErrorCode::kInvalidArgument) << c.line;
    EXPECT_THAT(record.error().message, HasSubstr(c.message_part)) << c.line;
  }
}

TEST(RecordParser, TellsTheShapesApartByTheirFields) {
  auto daily = ParseRecordLine(DailyLine(), 3);
  ASSERT_TRUE(daily) << daily.error().message;
  EXPECT_EQ(daily->paper.version, 0);
  EXPECT_EQ(daily->paper.first_listed, Date::FromYmd(2025, 5, 14));

  auto kaggle =
      ParseRecordLine(KaggleLine(R"([{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}])"), 4);
  ASSERT_TRUE(kaggle) << kaggle.error().message;
  EXPECT_EQ(kaggle->paper.version, 1);
  EXPECT_EQ(kaggle->paper.versions.size(), 1u);
}

TEST(RecordParser, AcceptsMissingOptionalFields) {
  auto record = ParseRecordLine(DailyLine("comment"), 1);
  ASSERT_TRUE(record) << record.error().message;
  EXPECT_EQ(record->paper.comments, "");
}

}  // namespace
}  // namespace coolpapers::ingest
