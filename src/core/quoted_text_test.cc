#include "core/quoted_text.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

TEST(QuoteForMessage, QuotesAndEscapes) {
  struct Case {
    std::string text;
    std::string quoted;
  };
  for (const Case& c :
       {Case{"cs.XX", "\"cs.XX\""}, Case{"", "\"\""}, Case{"say \"hi\"", "\"say \\\"hi\\\"\""},
        Case{"a\\b", "\"a\\\\b\""}, Case{"line\nbreak", "\"line\\x0Abreak\""},
        Case{"Schrödinger", "\"Schrödinger\""}}) {
    EXPECT_EQ(QuoteForMessage(c.text), c.quoted);
  }
}

TEST(QuoteForMessage, CutsLongTextWithEllipsis) {
  const std::string quoted = QuoteForMessage(std::string(500, 'x'));
  EXPECT_EQ(quoted, "\"" + std::string(kMaxQuotedChars, 'x') + "...\"");
}

TEST(QuoteForMessage, NeverCutsInsideAUtf8Sequence) {
  // 79 ASCII bytes, then "ö" (2 bytes) straddling the 80-byte limit.
  const std::string text = std::string(79, 'a') + "ö" + "tail";
  EXPECT_EQ(QuoteForMessage(text), "\"" + std::string(79, 'a') + "...\"");
}

}  // namespace
}  // namespace coolpapers
