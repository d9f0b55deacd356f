// FitToBudget on a real paper of ../shared/data/pdfs (MANIFEST.md §3), as the FAQ's prompt
// carries it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "faq/token_budget.h"
#include "pdf/pdf_text.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"

namespace coolpapers::faq {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The longest paper (39 pages) into a small context: the title, the abstract and the conclusion
// stay, the references go, every kept line sits under a page marker.
TEST(RealPdfBudget, FitsALongPaperIntoABudget) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto paper = pdf::ExtractPaperText(testing::ReadFileBytes(data / "pdfs" / "2203.00130v1.pdf"),
                                       "paper plain");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  const std::string text = FitToBudget(*paper, 8000);
  EXPECT_LE(EstimateTokens(text), 8000u);
  EXPECT_GT(EstimateTokens(text), 7000u);
  EXPECT_THAT(text, ::testing::StartsWith("[page 1]\n"));
  EXPECT_THAT(text, HasSubstr("Paper Plain"));
  EXPECT_THAT(text,
              HasSubstr("When seeking information not covered in patient-friendly"));  // abstract
  EXPECT_THAT(text, HasSubstr("1 INTRODUCTION\n"));
  EXPECT_THAT(text, HasSubstr("9 CONCLUSION\n"));
  EXPECT_THAT(text, HasSubstr(" trimmed to fit the model's context ...]"));
  EXPECT_THAT(text, Not(HasSubstr("REFERENCES\n[1]")));
}

}  // namespace
}  // namespace coolpapers::faq
