#include "web/sse_event.h"

#include <string>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

TEST(SseEvent, RendersEventsAsTheEventStreamGrammarReadsThem) {
  const struct {
    std::string event;
    std::string data;
    std::string id;
    std::string expected;
  } kCases[] = {
      {"token", "hello", "", "event: token\ndata: hello\n\n"},
      {"", "hello", "", "data: hello\n\n"},
      {"", "", "", "data: \n\n"},
      {"token", "a\nb", "7", "event: token\nid: 7\ndata: a\ndata: b\n\n"},
      {"", "x", "42", "id: 42\ndata: x\n\n"},
      {"", "a\r\nb", "", "data: a\ndata: b\n\n"},
      {"", "a\rb", "", "data: a\ndata: b\n\n"},
      {"", "a\r\rb", "", "data: a\ndata: \ndata: b\n\n"},
      {"", "a\n\nb", "", "data: a\ndata: \ndata: b\n\n"},
      {"", "a\n", "", "data: a\ndata: \n\n"},
      {"", "\n", "", "data: \ndata: \n\n"},
      {"", "end\r", "", "data: end\ndata: \n\n"},
      {"", "  indented", "", "data:   indented\n\n"},
      {"", "data: nested", "", "data: data: nested\n\n"},
      {"", "Schrödinger — 量子", "", "data: Schrödinger — 量子\n\n"},
      {"done\ndata: injected", "x", "", "event: donedata: injected\ndata: x\n\n"},
      {"e", "x", "1\r\n2", "event: e\nid: 12\ndata: x\n\n"},
      {"e", "x", std::string("a\0b", 3), "event: e\nid: ab\ndata: x\n\n"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(RenderSseEvent(c.event, c.data, c.id), c.expected)
        << "event=" << c.event << " data=" << c.data << " id=" << c.id;
  }
}

TEST(SseEvent, RendersCommentsLineByLine) {
  const struct {
    std::string text;
    std::string expected;
  } kCases[] = {
      {"ping", ": ping\n\n"},
      {"", ": \n\n"},
      {"a\nb", ": a\n: b\n\n"},
      {"a\r\nb\rc", ": a\n: b\n: c\n\n"},
  };
  for (const auto& c : kCases) EXPECT_EQ(RenderSseComment(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace coolpapers::web
