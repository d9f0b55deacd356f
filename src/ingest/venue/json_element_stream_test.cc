#include "ingest/venue/json_element_stream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;

struct Streamed {
  std::vector<std::string> texts;
  std::vector<int64_t> lines;
  std::string skeleton;
};

Streamed StreamOf(const std::string& json, std::vector<std::string> keys) {
  coolpapers::testing::TempDir dir;
  const auto path = dir.path() / "f.json";
  std::ofstream(path) << json;
  auto stream = JsonElementStream::Open(path, std::move(keys));
  EXPECT_TRUE(stream);
  Streamed streamed;
  for (;;) {
    auto element = stream->Next();
    EXPECT_TRUE(element);
    if (!element || !*element) break;
    streamed.texts.emplace_back((*element)->text);
    streamed.lines.push_back((*element)->line);
  }
  EXPECT_EQ(stream->bytes_consumed(), static_cast<int64_t>(json.size()));
  streamed.skeleton = stream->skeleton();
  return streamed;
}

TEST(JsonElementStream, StreamsTheRootArraysObjectsWithTheirLines) {
  const Streamed s = StreamOf("[\n {\"a\": \"}{\\\"\", \"b\": [1, {\"c\": 2}]},\n {\"d\": 3}\n]", {});
  EXPECT_THAT(s.texts, ElementsAre("{\"a\": \"}{\\\"\", \"b\": [1, {\"c\": 2}]}", "{\"d\": 3}"));
  EXPECT_THAT(s.lines, ElementsAre(2, 3));
  EXPECT_EQ(s.skeleton, "[\n null,\n null\n]");
}

TEST(JsonElementStream, StreamsANamedArrayAndKeepsTheRest) {
  const Streamed s = StreamOf(
      "{\"request\": {\"url\": \"x?notes=1\"}, \"response\": {\"json\": {\"notes\": [{\"id\": 1},\n"
      "{\"id\": 2, \"notes\": [{\"inner\": true}]}], \"count\": 2260}}}",
      {"notes"});
  EXPECT_THAT(s.texts, ElementsAre("{\"id\": 1}", "{\"id\": 2, \"notes\": [{\"inner\": true}]}"));
  EXPECT_THAT(s.lines, ElementsAre(1, 2));
  EXPECT_EQ(s.skeleton,
            "{\"request\": {\"url\": \"x?notes=1\"}, \"response\": {\"json\": {\"notes\": [null,\n"
            "null], \"count\": 2260}}}");
}

TEST(JsonElementStream, ReportsAMissingFile) {
  EXPECT_EQ(JsonElementStream::Open("/nonexistent/x.json", {}).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace coolpapers::ingest
