// Small PDFs written by the tests themselves: one or more Letter pages of Helvetica text at
// given places, built object by object with a correct cross-reference table, so that tests know
// exactly what text each page holds.
#ifndef COOLPAPERS_TESTS_SUPPORT_TEST_PDF_H_
#define COOLPAPERS_TESTS_SUPPORT_TEST_PDF_H_

#include <string>
#include <vector>

namespace coolpapers::pdf::testing {

inline constexpr double kPageWidth = 612;
inline constexpr double kPageHeight = 792;

struct TestText {
  double x = 72;          // left edge, points
  double y = 72;          // baseline, points from the top of the page
  double size = 10;       // font size, points
  std::string text = {};  // ASCII; parentheses and backslashes are escaped
};

struct TestPage {
  std::vector<TestText> texts = {};  // drawn in this order
  int rotate = 0;                    // the page's /Rotate: 0, 90, 180 or 270
  std::string graphics = {};  // raw content-stream operators drawn first, e.g. "0 0 9 9 re f"
};

// A valid PDF 1.4 with `pages`. With `encrypted`, the trailer names a standard security handler
// whose password check matches no password, so a reader finds the document locked.
std::string MakeTestPdf(const std::vector<TestPage>& pages, bool encrypted = false);

// A two-page PDF: page 1 about the attention mechanism and its scaling, page 2 about
// experiments on translation benchmarks (the FAQ's tests read it).
std::string FaqTestPdf();

}  // namespace coolpapers::pdf::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_TEST_PDF_H_
