#include "ingest/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace coolpapers::ingest {
namespace {

class JsonlReaderTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& content) {
    const std::filesystem::path path = dir_.path() / "lines.jsonl";
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Every line of the file, read to the end.
  std::vector<std::string> ReadAll(const std::string& content) {
    auto reader = JsonlReader::Open(Write(content));
    EXPECT_TRUE(reader);
    std::vector<std::string> lines;
    while (reader) {
      auto line = reader->NextLine();
      EXPECT_TRUE(line);
      if (!line || !*line) break;
      lines.emplace_back(**line);
    }
    return lines;
  }

  coolpapers::testing::TempDir dir_;
};

TEST_F(JsonlReaderTest, SplitsLinesWhateverTheLineEnding) {
  struct Case {
    std::string content;
    std::vector<std::string> lines;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"{}\n", {"{}"}},
      {"{\"a\":1}\n{\"b\":2}\n", {"{\"a\":1}", "{\"b\":2}"}},
      {"{\"a\":1}\r\n{\"b\":2}\r\n", {"{\"a\":1}", "{\"b\":2}"}},
      {"{\"a\":1}\n{\"b\":2}", {"{\"a\":1}", "{\"b\":2}"}},  // no final newline
      {"one\n\nthree\n", {"one", "", "three"}},                // blank lines are lines
      {"\xEF\xBB\xBF{}\n", {"{}"}},                           // byte order mark skipped
  };
  for (const Case& c : cases) {
    EXPECT_THAT(ReadAll(c.content), ::testing::ElementsAreArray(c.lines)) << c.content;
  }
}

TEST_F(JsonlReaderTest, ReadsLinesLongerThanItsBuffer) {
  const std::string long_line(JsonlReader::kReadSize * 5 / 2, 'x');
  EXPECT_THAT(ReadAll("short\n" + long_line + "\nlast\n"),
              ::testing::ElementsAre("short", long_line, "last"));
}

TEST_F(JsonlReaderTest, CountsLinesAndBytes) {
  auto reader = JsonlReader::Open(Write("ab\r\ncde\n\nfg"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->size_bytes(), 11);
  EXPECT_EQ(reader->line_number(), 0);
  ASSERT_TRUE(reader->NextLine().value());
  EXPECT_EQ(reader->line_number(), 1);
  EXPECT_EQ(reader->bytes_consumed(), 4);
  ASSERT_TRUE(reader->NextLine().value());
  ASSERT_TRUE(reader->NextLine().value());
  EXPECT_EQ(reader->line_number(), 3);
  EXPECT_EQ(reader->bytes_consumed(), 9);
  EXPECT_EQ(reader->NextLine().value(), "fg");
  EXPECT_EQ(reader->bytes_consumed(), 11);
  EXPECT_EQ(reader->NextLine().value(), std::nullopt);
}

TEST_F(JsonlReaderTest, ReportsAMissingFileAsNotFound) {
  auto reader = JsonlReader::Open(dir_.path() / "absent.jsonl");
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(reader.error().message, ::testing::HasSubstr("absent.jsonl"));
}

TEST_F(JsonlReaderTest, ReportsAFolderAsUnreadable) {
  auto reader = JsonlReader::Open(dir_.path());
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(reader.error().message, ::testing::HasSubstr("folder"));
}

}  // namespace
}  // namespace coolpapers::ingest
