#include "llm/sse_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers::llm {
namespace {

using namespace std::string_literals;

struct Case {
  const char* name;
  std::string stream;
  std::vector<SseEvent> expected;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"one data line", "data: hello\n\n", {{"message", "hello", ""}}},
      {"data lines joined by newline", "data: a\ndata: b\n\n", {{"message", "a\nb", ""}}},
      {"only one space after the colon dropped",
       "data:  two\ndata:none\n\n",
       {{"message", " two\nnone", ""}}},
      {"crlf line ends", "data: a\r\ndata: b\r\n\r\n", {{"message", "a\nb", ""}}},
      {"cr line ends", "data: a\rdata: b\r\r", {{"message", "a\nb", ""}}},
      {"mixed line ends",
       "data: a\r\n\rdata: b\n\r\n",
       {{"message", "a", ""}, {"message", "b", ""}}},
      {"event type", "event: usage\ndata: {}\n\n", {{"usage", "{}", ""}}},
      {"event type resets after dispatch",
       "event: x\ndata: 1\n\ndata: 2\n\n",
       {{"x", "1", ""}, {"message", "2", ""}}},
      {"empty event field means message", "event:\ndata: 1\n\n", {{"message", "1", ""}}},
      {"comments ignored", ": keep-alive\ndata: 1\n: more\n\n", {{"message", "1", ""}}},
      {"field without colon has empty value", "data\n\n", {{"message", "", ""}}},
      {"field without colon adds an empty line",
       "data: a\ndata\ndata: b\n\n",
       {{"message", "a\n\nb", ""}}},
      {"blank line without data dispatches nothing",
       "event: ping\n\n\n\ndata: 1\n\n",
       {{"message", "1", ""}}},
      {"unknown fields ignored", "foo: bar\ndata: 1\nDATA: 2\n\n", {{"message", "1", ""}}},
      {"id carried to later events",
       "id: 7\ndata: a\n\ndata: b\n\n",
       {{"message", "a", "7"}, {"message", "b", "7"}}},
      {"id with nul ignored",
       "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"s,
       {{"message", "a", "1"}, {"message", "b", "1"}}},
      {"unfinished event discarded", "data: 1\n\ndata: 2\n", {{"message", "1", ""}}},
      {"unfinished line discarded", "data: 1\n\ndata: 2", {{"message", "1", ""}}},
      {"byte order mark dropped",
       "\xEF\xBB\xBF"
       "data: 1\n\n",
       {{"message", "1", ""}}},
      {"byte order mark only at the start",
       "data: 1\n\n\xEF\xBB\xBF"
       "data: 2\n\n",
       {{"message", "1", ""}}},
      {"utf-8 kept whole",
       "data: caf\xC3\xA9 \xE2\x88\x91\n\n",
       {{"message", "caf\xC3\xA9 \xE2\x88\x91", ""}}},
      {"openai stream",
       "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
       "data: {\"choices\":[],\"usage\":{}}\n\n"
       "data: [DONE]\n\n",
       {{"message", "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}", ""},
        {"message", "{\"choices\":[],\"usage\":{}}", ""},
        {"message", "[DONE]", ""}}},
  };
  return cases;
}

std::vector<SseEvent> FeedInPieces(const std::string& stream, size_t piece) {
  SseParser parser;
  std::vector<SseEvent> all;
  for (size_t at = 0; at < stream.size(); at += piece) {
    auto events = parser.Feed(std::string_view(stream).substr(at, piece));
    EXPECT_TRUE(events) << events.error().message;
    if (events) all.insert(all.end(), events->begin(), events->end());
  }
  return all;
}

TEST(SseParser, ParsesWholeStreams) {
  for (const auto& c : Cases()) {
    EXPECT_EQ(FeedInPieces(c.stream, c.stream.size() + 1), c.expected) << c.name;
  }
}

// Regression guard for pieces split between "\r" and "\n" or inside a UTF-8 character: every
// piece size, one byte included, must give the same events.
TEST(SseParser, GivesTheSameEventsWhateverThePieceSize) {
  for (const auto& c : Cases()) {
    for (size_t piece = 1; piece <= 7; ++piece) {
      EXPECT_EQ(FeedInPieces(c.stream, piece), c.expected) << c.name << ", pieces of " << piece;
    }
  }
}

TEST(SseParser, CrThenLfInTheNextPieceEndsOneLine) {
  SseParser parser;
  auto first = parser.Feed("data: a\r");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->empty());
  // Were the "\n" a second line end, this would be a blank line and dispatch "a" now.
  auto second = parser.Feed("\ndata: b\n");
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->empty());
  auto third = parser.Feed("\n");
  ASSERT_TRUE(third);
  EXPECT_EQ(*third, (std::vector<SseEvent>{{"message", "a\nb", ""}}));
}

TEST(SseParser, ReadsRetryOnlyWhenAllDigits) {
  SseParser parser;
  EXPECT_EQ(parser.retry_ms(), std::nullopt);
  ASSERT_TRUE(parser.Feed("retry: 1500\n"));
  EXPECT_EQ(parser.retry_ms(), 1500);
  ASSERT_TRUE(parser.Feed("retry: 2s\nretry: -1\nretry:\n"));
  EXPECT_EQ(parser.retry_ms(), 1500);
}

TEST(SseParser, RejectsAnEventPastTheLimit) {
  SseParser parser;
  const std::string line = "data: " + std::string(1024 * 1024, 'x') + "\n";
  Result<std::vector<SseEvent>> fed;
  for (int i = 0; i < 20 && (!i || fed); ++i) fed = parser.Feed(line);
  ASSERT_FALSE(fed);
  EXPECT_EQ(fed.error().code, ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace coolpapers::llm
