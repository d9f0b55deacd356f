#include "faq/token_budget.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::faq {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Ten pages: title and abstract on page 1, filler, the conclusion on page 10, then references
// and an appendix.
pdf::PaperText TenPagePaper() {
  pdf::PaperText paper;
  auto filler = [](int page) {
    std::string text;
    for (int line = 1; line <= 40; ++line) {
      text += (line > 1 ? "\n" : "") + std::string("Method detail ") + std::to_string(line) +
              " of page " + std::to_string(page) + ", with enough words to be a real line.";
    }
    return text;
  };
  paper.pages.push_back({1, "Budgeted Papers: A Title\nAbstract\nWe study budgets.\n" +
                                std::string("1 Introduction\n") + filler(1)});
  for (int page = 2; page <= 9; ++page) paper.pages.push_back({page, filler(page)});
  std::string last = "6 Conclusion\nBudgets keep what matters.\n";
  const size_t references = last.size();
  last += "References\n";
  for (int i = 1; i <= 60; ++i) last += "[" + std::to_string(i) + "] A. Author. Old paper.\n";
  last += "A Appendix\nExtra tables.";
  paper.pages.push_back({10, last});
  paper.references = pdf::TextPosition{10, references};
  return paper;
}

TEST(EstimateTokens, CountsFourBytesPerTokenRoundingUp) {
  EXPECT_EQ(EstimateTokens(""), 0u);
  EXPECT_EQ(EstimateTokens("abcd"), 1u);
  EXPECT_EQ(EstimateTokens("abcde"), 2u);
}

TEST(FitToBudget, KeepsEverythingWhenItFits) {
  const std::string text = FitToBudget(TenPagePaper(), 1'000'000);
  EXPECT_THAT(text, StartsWith("[page 1]\nBudgeted Papers: A Title\n"));
  for (int page = 1; page <= 10; ++page) {
    EXPECT_THAT(text, HasSubstr("[page " + std::to_string(page) + "]\n"));
  }
  EXPECT_THAT(text, HasSubstr("References\n[1] A. Author."));
  EXPECT_THAT(text, HasSubstr("A Appendix\nExtra tables."));
}

TEST(FitToBudget, DropsTheReferencesFirst) {
  const pdf::PaperText paper = TenPagePaper();
  const size_t whole = EstimateTokens(FitToBudget(paper, 1'000'000));
  const std::string text = FitToBudget(paper, whole - 100);
  EXPECT_LE(EstimateTokens(text), whole - 100);
  EXPECT_THAT(text, Not(HasSubstr("[1] A. Author.")));
  EXPECT_THAT(text, HasSubstr("[... references omitted"));
  EXPECT_THAT(text, HasSubstr("A Appendix\nExtra tables."));
  EXPECT_THAT(text, HasSubstr("Method detail 40 of page 9"));
}

TEST(FitToBudget, TrimsTheMiddleButKeepsTitleAbstractConclusionAndPageMarkers) {
  const std::string text = FitToBudget(TenPagePaper(), 2000);
  EXPECT_LE(EstimateTokens(text), 2000u);
  EXPECT_THAT(text, StartsWith("[page 1]\nBudgeted Papers: A Title\nAbstract\nWe study budgets."));
  EXPECT_THAT(text, HasSubstr("[page 10]\n6 Conclusion\nBudgets keep what matters.\n"));
  EXPECT_THAT(text, HasSubstr(" trimmed to fit the model's context ...]"));
  EXPECT_THAT(text, Not(HasSubstr("References")));
  EXPECT_THAT(text, Not(HasSubstr("Extra tables")));
  EXPECT_THAT(text, Not(HasSubstr("[page 6]")));
}

TEST(FitToBudget, NeverExceedsTheBudget) {
  const pdf::PaperText paper = TenPagePaper();
  for (size_t budget = 0; budget <= 6000; budget += 37) {
    const std::string text = FitToBudget(paper, budget);
    ASSERT_LE(EstimateTokens(text), budget);
    // Every kept line can be cited: the text opens with a page marker.
    if (!text.empty()) {
      EXPECT_THAT(text, StartsWith("[page 1]\n")) << budget;
    }
  }
}

}  // namespace
}  // namespace coolpapers::faq
