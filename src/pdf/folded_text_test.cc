#include "pdf/folded_text.h"

#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

TEST(FoldCaseAndSpaces, LowersAsciiAndCollapsesWhiteSpace) {
  const std::pair<const char*, const char*> cases[] = {
      {"  7  REFERENCES\n", "7 references"},
      {"CHI \xE2\x80\x99"
       "23,\tApril",
       "chi \xE2\x80\x99"
       "23, april"},
      {"", ""},
      {" \n\t ", ""},
  };
  for (const auto& [text, folded] : cases) EXPECT_EQ(FoldCaseAndSpaces(text), folded) << text;
}

}  // namespace
}  // namespace coolpapers::pdf
