#include "pdf/page_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

using ::testing::ElementsAre;

PlacedWord Word(double left, double top, double width, std::string text, bool space = true) {
  return {{left, top, left + width, top + 10}, std::move(text), space};
}

PlacedLine Line(double left, double top, double right, std::string text) {
  return {{left, top, right, top + 10}, std::move(text)};
}

std::vector<std::string> Texts(const std::vector<PlacedLine>& lines) {
  std::vector<std::string> texts;
  for (const PlacedLine& line : lines) texts.push_back(line.text);
  return texts;
}

TEST(TurnUpright, TurnsEachDirectionToReadLeftToRight) {
  auto expect_box = [](const Box& box, double left, double top, double right, double bottom) {
    EXPECT_DOUBLE_EQ(box.left, left);
    EXPECT_DOUBLE_EQ(box.top, top);
    EXPECT_DOUBLE_EQ(box.right, right);
    EXPECT_DOUBLE_EQ(box.bottom, bottom);
  };
  // A word at (72, 92)-(107, 102) on an upright 612 x 792 page, as poppler reports it when the
  // page is shown turned each way.
  expect_box(TurnUpright({72, 92, 107, 102}, 0, 612, 792), 72, 92, 107, 102);
  expect_box(TurnUpright({690, 72, 700, 107}, 1, 792, 612), 72, 92, 107, 102);
  expect_box(TurnUpright({505, 690, 540, 700}, 2, 612, 792), 72, 92, 107, 102);
  expect_box(TurnUpright({92, 505, 102, 540}, 3, 792, 612), 72, 92, 107, 102);
}

TEST(GroupIntoLines, StartsALineOnANewRowOrAfterAWideGap) {
  const std::vector<PlacedWord> words = {
      Word(70, 100, 30, "repre-", false), Word(70, 112, 40, "sentation"), Word(115, 112, 10, "is"),
      // Two line-heights to the right: another column, even on the same row.
      Word(160, 112, 20, "far", false),
      // A superscript a little higher on the same row stays on it, glued.
      Word(180.5, 110, 5, "1")};
  EXPECT_THAT(Texts(GroupIntoLines(words)), ElementsAre("repre-", "sentation is", "far1"));
}

TEST(OrderForReading, ReadsTheLeftColumnBeforeTheRight) {
  const double width = 600;
  std::vector<PlacedLine> lines = {
      Line(100, 50, 500, "Title across the page"),
      Line(50, 100, 290, "left 1"),
      Line(310, 100, 550, "right 1"),
      Line(50, 112, 290, "left 2"),
      Line(310, 112, 550, "right 2"),
      Line(50, 300, 550, "Figure 1: a caption across both columns"),
      Line(310, 400, 550, "right 3"),
      Line(50, 400, 290, "left 3"),
      Line(295, 780, 305, "7"),
  };
  EXPECT_THAT(Texts(OrderForReading(lines, width)),
              ElementsAre("Title across the page", "left 1", "left 2", "right 1", "right 2",
                          "Figure 1: a caption across both columns", "left 3", "right 3", "7"));
}

TEST(OrderForReading, KeepsAOneColumnPageInOrder) {
  std::vector<PlacedLine> lines = {
      Line(72, 100, 540, "A full line of text that runs across the middle"),
      Line(72, 112, 200, "a short last line."),
      Line(90, 124, 540, "Next paragraph, indented, across the middle again"),
      Line(500, 136, 540, "(3)"),
  };
  EXPECT_THAT(Texts(OrderForReading(lines, 612)),
              ElementsAre(lines[0].text, lines[1].text, lines[2].text, lines[3].text));
}

}  // namespace
}  // namespace coolpapers::pdf
