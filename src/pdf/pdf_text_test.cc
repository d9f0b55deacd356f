// ExtractPaperText on PDFs the tests write themselves (test_pdf.h), where the exact text is
// known, and on the four kinds of unreadable input.
#include "pdf/pdf_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/test_pdf.h"

namespace coolpapers::pdf {
namespace {

using ::testing::HasSubstr;
using testing::MakeTestPdf;
using testing::TestPage;

TEST(ExtractPaperText, ReadsGeneratedPdfExactlyWithPageNumbers) {
  const std::string pdf = MakeTestPdf({
      {.texts = {{.x = 72, .y = 100, .size = 12, .text = "A Tiny Test Paper"},
                 {.x = 72, .y = 130, .text = "Abstract: we check the text."}}},
      {.texts = {{.x = 72, .y = 100, .text = "Second page (with parentheses)."}}},
  });
  auto paper = ExtractPaperText(pdf, "generated.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message << " / " << paper.error().detail;
  ASSERT_EQ(paper->pages.size(), 2u);
  EXPECT_EQ(paper->pages[0].number, 1);
  EXPECT_EQ(paper->pages[0].text, "A Tiny Test Paper\nAbstract: we check the text.");
  EXPECT_EQ(paper->pages[1].number, 2);
  EXPECT_EQ(paper->pages[1].text, "Second page (with parentheses).");
  EXPECT_FALSE(paper->references.has_value());
}

TEST(ExtractPaperText, ReadsTwoColumnsOneAfterTheOther) {
  // Drawn row by row, left then right, as a naive reading of the content stream would give.
  TestPage page;
  page.texts.push_back({.x = 250, .y = 60, .size = 14, .text = "Two Column Title"});
  for (int row = 0; row < 4; ++row) {
    const double y = 100 + 14 * row;
    page.texts.push_back({.x = 72, .y = y, .text = "left line " + std::to_string(row + 1)});
    page.texts.push_back({.x = 320, .y = y, .text = "right line " + std::to_string(row + 1)});
  }
  auto paper = ExtractPaperText(MakeTestPdf({page}), "two-column.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  EXPECT_EQ(paper->pages[0].text,
            "Two Column Title\nleft line 1\nleft line 2\nleft line 3\nleft line 4\n"
            "right line 1\nright line 2\nright line 3\nright line 4");
}

TEST(ExtractPaperText, RemovesRunningHeadersPageNumbersAndJoinsHyphens) {
  std::vector<TestPage> pages;
  for (int number = 1; number <= 4; ++number) {
    pages.push_back({.texts = {
                         {.x = 200, .y = 40, .size = 8, .text = "Journal of Careful Tests"},
                         {.x = 72,
                          .y = 200,
                          .text = "Body of page " + std::to_string(number) + " has a long repre-"},
                         {.x = 72, .y = 212, .text = "sentation and a Transformer-"},
                         {.x = 72, .y = 224, .text = "XL model."},
                         {.x = 300, .y = 760, .text = std::to_string(number)},
                     }});
  }
  auto paper = ExtractPaperText(MakeTestPdf(pages), "running.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  ASSERT_EQ(paper->pages.size(), 4u);
  EXPECT_EQ(paper->pages[2].text,
            "Body of page 3 has a long representation\nand a Transformer-XL\nmodel.");
}

TEST(ExtractPaperText, ReadsPagesShownTurned) {
  // Words, not numbers, tell the pages apart: a line repeated on every page is a running header.
  const std::pair<int, std::string> turns[] = {
      {0, "upright"}, {90, "quarter"}, {180, "half"}, {270, "three quarters"}};
  std::vector<TestPage> pages;
  for (const auto& [rotate, name] : turns) {
    pages.push_back({.texts = {{.x = 72, .y = 100, .text = "Turned " + name},
                               {.x = 72, .y = 112, .text = "by " + name + "."}},
                     .rotate = rotate});
  }
  auto paper = ExtractPaperText(MakeTestPdf(pages), "turned.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  ASSERT_EQ(paper->pages.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    const std::string& name = turns[i].second;
    EXPECT_EQ(paper->pages[i].text, "Turned " + name + "\nby " + name + ".");
  }
}

TEST(ExtractPaperText, DropsTheArxivSideStampRotatedOrNot) {
  // Up the left margin as arXiv prints it (rotated 90 degrees), and once as a plain line.
  const std::string stamp = "arXiv:2401.00001v1 [cs.CL] 1 Jan 2024";
  const std::string pdf = MakeTestPdf({
      {.texts = {{.x = 72, .y = 100, .text = "A Short Title"},
                 {.x = 72, .y = 120, .text = "First page body."}},
       .graphics = "BT /F1 20 Tf 0 1 -1 0 30 250 Tm (" + stamp + ") Tj ET"},
      {.texts = {{.x = 10, .y = 400, .text = stamp}, {.x = 72, .y = 100, .text = "Second."}}},
  });
  auto paper = ExtractPaperText(pdf, "stamped.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  EXPECT_EQ(paper->pages[0].text, "A Short Title\nFirst page body.");
  EXPECT_EQ(paper->pages[1].text, "Second.");
}

TEST(ExtractPaperText, FindsTheReferencesHeading) {
  auto paper = ExtractPaperText(
      MakeTestPdf({{.texts = {{.text = "Introduction text."}}},
                   {.texts = {{.y = 72, .text = "Conclusion text."},
                              {.y = 100, .size = 12, .text = "References"},
                              {.y = 120, .text = "[1] A. Author. A paper. 2020."}}}}),
      "refs.pdf");
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  ASSERT_TRUE(paper->references.has_value());
  EXPECT_EQ(paper->references->page, 2);
  EXPECT_EQ(paper->pages[1].text.substr(paper->references->offset),
            "References\n[1] A. Author. A paper. 2020.");
}

TEST(ExtractPaperText, RejectsBytesThatAreNotAPdf) {
  auto paper = ExtractPaperText("<html>Rate limited</html>", "arXiv 2401.00001v1");
  ASSERT_FALSE(paper.has_value());
  EXPECT_EQ(paper.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(paper.error().message, HasSubstr("\"arXiv 2401.00001v1\" is not a PDF"));
}

TEST(ExtractPaperText, RejectsATruncatedPdf) {
  const std::string pdf = MakeTestPdf({{.texts = {{.text = "Some text."}}}});
  auto paper = ExtractPaperText(std::string_view(pdf).substr(0, pdf.size() / 2), "cut.pdf");
  ASSERT_FALSE(paper.has_value());
  EXPECT_EQ(paper.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(paper.error().message, HasSubstr("\"cut.pdf\" is damaged or truncated"));
}

TEST(ExtractPaperText, RejectsADamagedPdfWithAnEndMarker) {
  auto paper = ExtractPaperText("%PDF-1.4\nnothing that parses\n%%EOF\n", "damaged.pdf");
  ASSERT_FALSE(paper.has_value());
  EXPECT_EQ(paper.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(paper.error().message, HasSubstr("\"damaged.pdf\" is damaged or truncated"));
}

TEST(ExtractPaperText, RejectsAPdfWithNoText) {
  // A "scan": pages with only graphics, no text operators.
  const std::string pdf =
      MakeTestPdf({{.graphics = "0.5 g 72 72 468 648 re f"}, {.graphics = "0 0 100 100 re S"}});
  auto paper = ExtractPaperText(pdf, "scan.pdf");
  ASSERT_FALSE(paper.has_value());
  EXPECT_EQ(paper.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(paper.error().message, HasSubstr("\"scan.pdf\" has no text on any of its 2 pages"));
}

TEST(ExtractPaperText, RejectsAnEncryptedPdf) {
  const std::string pdf = MakeTestPdf({{.texts = {{.text = "Secret."}}}}, /*encrypted=*/true);
  auto paper = ExtractPaperText(pdf, "locked.pdf");
  ASSERT_FALSE(paper.has_value());
  EXPECT_EQ(paper.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(paper.error().message, HasSubstr("\"locked.pdf\" is encrypted"));
}

}  // namespace
}  // namespace coolpapers::pdf
