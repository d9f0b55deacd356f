#include "pdf/page_layout.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

namespace coolpapers::pdf {
namespace {

double Height(const Box& box) { return box.bottom - box.top; }

// Fraction of the smaller box's height that the two boxes share vertically.
double VerticalOverlap(const Box& a, const Box& b) {
  const double shared = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
  const double smaller = std::min(Height(a), Height(b));
  return smaller > 0 ? shared / smaller : 0;
}

void Extend(Box& box, const Box& other) {
  box.left = std::min(box.left, other.left);
  box.top = std::min(box.top, other.top);
  box.right = std::max(box.right, other.right);
  box.bottom = std::max(box.bottom, other.bottom);
}

// Whether `next` continues the line that ends with `previous` on the same row: it shares most
// of its height, does not step back to the left, and is at most two line-heights away (farther
// is another column or table cell).
bool ContinuesLine(const Box& previous, const Box& next) {
  const double height = std::max(Height(previous), Height(next));
  const double gap = next.left - previous.right;
  return VerticalOverlap(previous, next) > 0.5 && gap > -0.5 * height && gap < 2 * height;
}

// Poppler only judges spaces between words it put on one line; a gap wider than a thin space
// between its lines ("1" and "Introduction" set a quad apart) is a space too.
bool SpaceBetween(const Box& previous, const Box& next, bool poppler_space) {
  const double height = std::max(Height(previous), Height(next));
  return poppler_space || next.left - previous.right > 0.15 * height;
}

void AppendToLine(PlacedLine& line, const Box& box, std::string_view text, bool poppler_space) {
  if (SpaceBetween(line.box, box, poppler_space)) line.text += ' ';
  line.text += text;
  Extend(line.box, box);
}

// Top to bottom; lines that share a row (superscripts sit a little higher) left to right, and
// pieces of one line that poppler ordered apart ("1" ... "Introduction") joined again.
void SortIntoRows(std::vector<PlacedLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(),
                   [](const PlacedLine& a, const PlacedLine& b) { return a.box.top < b.box.top; });
  for (size_t start = 0; start < lines.size();) {
    size_t end = start + 1;
    while (end < lines.size() && VerticalOverlap(lines[start].box, lines[end].box) > 0.5) ++end;
    std::stable_sort(
        lines.begin() + static_cast<std::ptrdiff_t>(start),
        lines.begin() + static_cast<std::ptrdiff_t>(end),
        [](const PlacedLine& a, const PlacedLine& b) { return a.box.left < b.box.left; });
    for (size_t i = start + 1; i < end;) {
      if (ContinuesLine(lines[i - 1].box, lines[i].box)) {
        AppendToLine(lines[i - 1], lines[i].box, lines[i].text, false);
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
        --end;
      } else {
        ++i;
      }
    }
    start = end;
  }
}

enum class Side { kLeft, kRight, kAcross };

Side SideOf(const Box& box, double page_width) {
  const double middle = page_width / 2;
  // Column gutters are 10-20 pt wide; 2% of an A4/Letter page is about 12 pt.
  const double slack = 0.02 * page_width;
  const bool fits_left = box.right <= middle + slack;
  const bool fits_right = box.left >= middle - slack;
  if (fits_left && fits_right) {
    // A short line near the middle (a page number, a centred formula) belongs to neither column.
    const double centre = (box.left + box.right) / 2;
    if (centre < middle - slack / 2) return Side::kLeft;
    if (centre > middle + slack / 2) return Side::kRight;
    return Side::kAcross;
  }
  if (fits_left) return Side::kLeft;
  if (fits_right) return Side::kRight;
  return Side::kAcross;
}

}  // namespace

Box TurnUpright(const Box& box, int rotation, double width, double height) {
  switch (rotation) {
    case 1:
      return {box.top, width - box.right, box.bottom, width - box.left};
    case 2:
      return {width - box.right, height - box.bottom, width - box.left, height - box.top};
    case 3:
      return {height - box.bottom, box.left, height - box.top, box.right};
    default:
      return box;
  }
}

std::vector<PlacedLine> GroupIntoLines(const std::vector<PlacedWord>& words) {
  std::vector<PlacedLine> lines;
  const PlacedWord* previous = nullptr;
  for (const PlacedWord& word : words) {
    if (word.text.empty()) continue;
    if (previous != nullptr && ContinuesLine(previous->box, word.box)) {
      AppendToLine(lines.back(), word.box, word.text, previous->space_after);
    } else {
      lines.push_back({word.box, word.text});
    }
    previous = &word;
  }
  return lines;
}

std::vector<PlacedLine> OrderForReading(std::vector<PlacedLine> lines, double page_width) {
  std::stable_sort(lines.begin(), lines.end(),
                   [](const PlacedLine& a, const PlacedLine& b) { return a.box.top < b.box.top; });
  std::vector<PlacedLine> ordered;
  ordered.reserve(lines.size());
  std::vector<PlacedLine> left, right;
  auto flush_band = [&] {
    SortIntoRows(left);
    SortIntoRows(right);
    for (auto* column : {&left, &right}) {
      std::move(column->begin(), column->end(), std::back_inserter(ordered));
      column->clear();
    }
  };
  for (PlacedLine& line : lines) {
    switch (SideOf(line.box, page_width)) {
      case Side::kLeft:
        left.push_back(std::move(line));
        break;
      case Side::kRight:
        right.push_back(std::move(line));
        break;
      case Side::kAcross:
        flush_band();
        ordered.push_back(std::move(line));
        break;
    }
  }
  flush_band();
  return ordered;
}

}  // namespace coolpapers::pdf
