#include "web/html_escape.h"

#include <string>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

TEST(HtmlEscape, EscapesTheFiveSpecialCharactersAndCopiesEveryOtherByte) {
  for (int byte = 0; byte < 256; ++byte) {
    const std::string input(1, static_cast<char>(byte));
    std::string expected;
    switch (byte) {
      case '&': expected = "&amp;"; break;
      case '<': expected = "&lt;"; break;
      case '>': expected = "&gt;"; break;
      case '"': expected = "&quot;"; break;
      case '\'': expected = "&#39;"; break;
      default: expected = input;
    }
    EXPECT_EQ(HtmlEscape(input), expected) << "byte " << byte;
  }
}

TEST(HtmlEscape, EscapesWholeStrings) {
  const struct {
    std::string input;
    std::string expected;
  } kCases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
      {"' onmouseover='x", "&#39; onmouseover=&#39;x"},
      {"AT&T", "AT&amp;T"},
      {"&amp;", "&amp;amp;"},
      {"$a<b$ and $c>d$", "$a&lt;b$ and $c&gt;d$"},
      {"Schrödinger — 量子", "Schrödinger — 量子"},
      {std::string("nul\0byte", 8), std::string("nul\0byte", 8)},
      {"<<>>", "&lt;&lt;&gt;&gt;"},
  };
  for (const auto& c : kCases) EXPECT_EQ(HtmlEscape(c.input), c.expected) << c.input;
}

TEST(HtmlEscape, AppendsToWhatIsAlreadyThere) {
  std::string out = "<p>";
  AppendHtmlEscaped(out, "a&b");
  EXPECT_EQ(out, "<p>a&amp;b");
}

}  // namespace
}  // namespace coolpapers::web
