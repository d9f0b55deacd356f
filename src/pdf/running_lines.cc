#include "pdf/running_lines.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "pdf/folded_text.h"

namespace coolpapers::pdf {
namespace {

constexpr size_t kOutermostLines = 3;
constexpr double kMarginFraction = 0.12;

// The form under which repeats are compared: lower case, digits as '#', single spaces.
std::string RepeatKey(std::string_view line) {
  std::string key = FoldCaseAndSpaces(line);
  for (char& c : key) {
    if (std::isdigit(static_cast<unsigned char>(c))) c = '#';
  }
  return key;
}

// Indices of the lines in the page's top and bottom margins, by position, not reading order.
std::vector<size_t> MarginLines(const PageLines& page) {
  std::vector<size_t> by_top(page.lines.size());
  for (size_t i = 0; i < by_top.size(); ++i) by_top[i] = i;
  std::sort(by_top.begin(), by_top.end(),
            [&](size_t a, size_t b) { return page.lines[a].box.top < page.lines[b].box.top; });
  std::set<size_t> chosen;
  if (by_top.empty()) return {};
  // Measured from the text's own edges: small formats (ACM journals) are printed in the middle
  // of Letter pages, far from the paper's edges.
  double text_top = page.lines[by_top.front()].box.top;
  double text_bottom = 0;
  for (const PlacedLine& line : page.lines) text_bottom = std::max(text_bottom, line.box.bottom);
  const double margin = kMarginFraction * page.height;
  for (size_t i = 0; i < std::min(kOutermostLines, by_top.size()); ++i) {
    if (page.lines[by_top[i]].box.bottom <= text_top + margin) chosen.insert(by_top[i]);
    const size_t from_bottom = by_top[by_top.size() - 1 - i];
    if (page.lines[from_bottom].box.top >= text_bottom - margin) chosen.insert(from_bottom);
  }
  return {chosen.begin(), chosen.end()};
}

bool IsRoman(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos;
  });
}

}  // namespace

bool IsPageNumber(std::string_view line) {
  std::string key = RepeatKey(line);
  // Decorations around the number: "- 7 -", "[7]", "page 7", "7 of 12".
  for (std::string_view noise : {"page ", " of #", "-", "–", "—", "[", "]", "(", ")", " "}) {
    for (size_t at; (at = key.find(noise)) != std::string::npos;) key.erase(at, noise.size());
  }
  if (key.empty()) return false;
  if (std::all_of(key.begin(), key.end(), [](char c) { return c == '#'; })) return true;
  return key.size() <= 6 && IsRoman(key);
}

void RemoveRunningLines(std::vector<PageLines>& pages) {
  std::vector<std::vector<size_t>> margins(pages.size());
  std::map<std::string, int> pages_with_key;
  for (size_t p = 0; p < pages.size(); ++p) {
    margins[p] = MarginLines(pages[p]);
    std::set<std::string> keys;
    for (size_t i : margins[p]) keys.insert(RepeatKey(pages[p].lines[i].text));
    for (const std::string& key : keys) ++pages_with_key[key];
  }
  const int threshold = std::max(2, static_cast<int>((pages.size() * 4 + 9) / 10));
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<PlacedLine>& lines = pages[p].lines;
    // Erase from the back so the indices still to visit stay valid.
    for (auto it = margins[p].rbegin(); it != margins[p].rend(); ++it) {
      const std::string& text = lines[*it].text;
      if (IsPageNumber(text) || pages_with_key[RepeatKey(text)] >= threshold) {
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(*it));
      }
    }
  }
}

}  // namespace coolpapers::pdf
