#include "store/paper_columns.h"

#include <gtest/gtest.h>

#include <chrono>

namespace coolpapers::store {
namespace {

TEST(PaperColumns, JoinsAndSplitsListsBothWays) {
  struct Case {
    std::vector<std::string> items;
    char separator;
    std::string text;
  };
  const std::vector<Case> cases = {
      {{}, kAuthorSeparator, ""},
      {{"Ada Lovelace"}, kAuthorSeparator, "Ada Lovelace"},
      {{"C. Balázs", "E. L. Berger"}, kAuthorSeparator, "C. Balázs\nE. L. Berger"},
      {{"cs.CL", "cs.AI", "math-ph"}, kCategorySeparator, "cs.CL cs.AI math-ph"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JoinColumn(c.items, c.separator), c.text);
    EXPECT_EQ(SplitColumn(c.text, c.separator), c.items) << c.text;
  }
}

TEST(PaperColumns, NamesClickKinds) {
  EXPECT_EQ(ClickKindName(ClickKind::kPdf), "pdf");
  EXPECT_EQ(ClickKindName(ClickKind::kFaq), "faq");
}

}  // namespace
}  // namespace coolpapers::store
