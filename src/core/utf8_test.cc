#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

TEST(AppendUtf8, EncodesEachLength) {
  struct Case {
    char32_t code_point;
    std::string utf8;
  };
  for (const Case& c : {Case{U'A', "A"}, Case{0xF6, "\xC3\xB6"}, Case{0x0131, "\xC4\xB1"},
                        Case{0x1E9E, "\xE1\xBA\x9E"}, Case{0x1F600, "\xF0\x9F\x98\x80"},
                        Case{0xD800, "\xEF\xBF\xBD"}, Case{0x110000, "\xEF\xBF\xBD"}}) {
    std::string out = "x";
    AppendUtf8(c.code_point, out);
    EXPECT_EQ(out, "x" + c.utf8) << static_cast<uint32_t>(c.code_point);
  }
}

}  // namespace
}  // namespace coolpapers
