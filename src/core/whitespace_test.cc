#include "core/whitespace.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

TEST(CollapseWhitespace, CollapsesRunsAndTrims) {
  struct Case {
    std::string text;
    std::string collapsed;
  };
  for (const Case& c :
       {Case{"", ""}, Case{"   ", ""}, Case{"word", "word"},
        Case{" Deep\n  Learning\t", "Deep Learning"}, Case{"a\r\nb\fc\vd", "a b c d"},
        Case{"Schrödinger  equation", "Schrödinger equation"}, Case{"a \n \n b", "a b"}}) {
    EXPECT_EQ(CollapseWhitespace(c.text), c.collapsed) << c.text;
  }
}

}  // namespace
}  // namespace coolpapers
