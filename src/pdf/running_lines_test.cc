#include "pdf/running_lines.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

using ::testing::ElementsAre;

TEST(IsPageNumber, RecognisesBareAndDecoratedNumbers) {
  for (const char* line : {"7", "1650", "- 7 -", "Page 7", "7 of 12", "vii", "[12]"}) {
    EXPECT_TRUE(IsPageNumber(line)) << line;
  }
  for (const char* line : {"", "Table 7", "7 Conclusion", "Figure", "arXiv", "-"}) {
    EXPECT_FALSE(IsPageNumber(line)) << line;
  }
}

PageLines Page(std::vector<std::pair<double, std::string>> lines_by_top) {
  PageLines page{612, 792, {}};
  for (auto& [top, text] : lines_by_top) page.lines.push_back({{72, top, 540, top + 10}, text});
  return page;
}

std::vector<std::string> Texts(const PageLines& page) {
  std::vector<std::string> texts;
  for (const PlacedLine& line : page.lines) texts.push_back(line.text);
  return texts;
}

TEST(RemoveRunningLines, RemovesRepeatedMarginLinesAndPageNumbers) {
  std::vector<PageLines> pages;
  for (int n = 1; n <= 5; ++n) {
    // Odd and even pages alternate headers, as many journals do.
    const std::string header = n % 2 == 0 ? "Shen et al." : "Beyond Summarization";
    pages.push_back(Page({{30, header},
                          {200, "Body text that mentions Shen et al."},
                          {600, "Body text on page " + std::to_string(n)},
                          {770, "Proc. of the Conference, pages " + std::to_string(n + 100)},
                          {780, std::to_string(n)}}));
  }
  pages[0].lines.insert(pages[0].lines.begin(), {{72, 20, 540, 30}, "Only on the first page"});
  RemoveRunningLines(pages);
  EXPECT_THAT(Texts(pages[0]),
              ElementsAre("Only on the first page", "Body text that mentions Shen et al.",
                          "Body text on page 1"));
  EXPECT_THAT(Texts(pages[3]),
              ElementsAre("Body text that mentions Shen et al.", "Body text on page 4"));
}

TEST(RemoveRunningLines, KeepsEverythingButPageNumbersInAOnePageDocument) {
  std::vector<PageLines> pages = {Page({{30, "A Header"}, {400, "Body"}, {780, "9"}})};
  RemoveRunningLines(pages);
  EXPECT_THAT(Texts(pages[0]), ElementsAre("A Header", "Body"));
}

}  // namespace
}  // namespace coolpapers::pdf
