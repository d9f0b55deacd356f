// The geometry half of PDF text extraction: words placed on a page become lines, and the lines
// are put in reading order. Pure functions, no poppler, so two-column handling is testable with
// made-up coordinates. Coordinates are PDF points with y growing downwards (poppler's text boxes).
#ifndef COOLPAPERS_PDF_PAGE_LAYOUT_H_
#define COOLPAPERS_PDF_PAGE_LAYOUT_H_

#include <string>
#include <vector>

namespace coolpapers::pdf {

struct Box {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

struct PlacedWord {
  Box box;
  std::string text;          // UTF-8
  bool space_after = false;  // poppler's judgement that a space follows this word
};

struct PlacedLine {
  Box box;           // union of its words' boxes
  std::string text;  // the words joined by single spaces where poppler saw one
};

struct PageLines {
  double width = 0;
  double height = 0;
  std::vector<PlacedLine> lines;  // in reading order
};

// `box`, on a page `width` x `height` whose text runs in direction `rotation` (poppler's: 0 left
// to right, 1 top to bottom, 2 right to left, 3 bottom to top), seen with the page turned so that
// this text reads left to right. Turned by 1 or 3, the page is `height` wide and `width` high.
// Example: on a 792 x 612 page, rotation 1, {690, 72, 699, 107} -> {72, 93, 107, 102}.
Box TurnUpright(const Box& box, int rotation, double width, double height);

// Groups words, given in poppler's (non-physical) order, into lines: a new line starts when a
// word does not share most of the previous word's height, steps back to the left, or sits more
// than two line-heights to the right (a different column or table cell).
// Example: "repre-" at (70,100) then "sentation" at (70,112) are two lines.
std::vector<PlacedLine> GroupIntoLines(const std::vector<PlacedWord>& words);

// Orders lines for reading, column by column. Lines are sorted top to bottom; a line that
// crosses the middle of the page (a title, a full-width figure caption, any line of a
// one-column page) closes a band, and within a band the left column is read before the right
// one. Lines on the same row of a column are read left to right. So a two-column page reads
// left column then right column, and a one-column page keeps its order.
std::vector<PlacedLine> OrderForReading(std::vector<PlacedLine> lines, double page_width);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_PAGE_LAYOUT_H_
