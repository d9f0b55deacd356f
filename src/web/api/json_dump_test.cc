#include "web/api/json_dump.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers::web {
namespace {

using nlohmann::json;

// Markup anywhere in a string (first, last, side by side, alone) is escaped, everything else
// kept, and the text reads back as the same document.
TEST(DumpSafeJson, EscapesEveryMarkupCharacterAndKeepsTheRest) {
  for (const std::string& text :
       {std::string("<b>Bold & brave</b>"), std::string("<"), std::string("a&&b<>"),
        std::string("plain text, no markup"), std::string(""),
        std::string(5000, 'x') + "&" + std::string(5000, 'y')}) {
    const json document = {{"title", text}, {"n", 3}};
    const std::string dumped = DumpSafeJson(document);
    EXPECT_EQ(dumped.find_first_of("<>&"), std::string::npos) << dumped;
    EXPECT_EQ(json::parse(dumped), document) << dumped;
  }
  EXPECT_EQ(DumpSafeJson(json{{"t", "<a&b>"}}), R"({"t":"\u003ca\u0026b\u003e"})");
  EXPECT_EQ(DumpSafeJson(json{{"t", "plain"}}), R"({"t":"plain"})");
}

// A stored byte that is not UTF-8 becomes U+FFFD instead of an exception.
TEST(DumpSafeJson, ReplacesInvalidBytes) {
  EXPECT_EQ(json::parse(DumpSafeJson(json{{"t", std::string("a\xff<")}}))["t"], "a\xEF\xBF\xBD<");
}

}  // namespace
}  // namespace coolpapers::web
