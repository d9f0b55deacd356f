#include "core/author_list.h"

#include <algorithm>
#include <array>

#include "core/tex_accents.h"
#include "core/whitespace.h"

namespace coolpapers {
namespace {

// Name suffixes that follow a comma but belong to the name before it: "John Smith, Jr.".
constexpr std::array<std::string_view, 8> kNameSuffixes = {"Jr.", "Jr",  "Sr.", "Sr",
                                                           "II",  "III", "IV",  "Jnr."};

bool IsNameSuffix(std::string_view piece) {
  return std::ranges::find(kNameSuffixes, piece) != kNameSuffixes.end();
}

// Splits on commas and on the word "and", except inside parentheses, where affiliations
// list places ("(Physics and Astronomy, MIT)"). `text` has its whitespace collapsed.
std::vector<std::string> SplitTopLevel(std::string_view text) {
  std::vector<std::string> pieces(1);
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && c == ',') {
      pieces.emplace_back();
      continue;
    }
    if (depth == 0 && text.substr(i).starts_with(" and ")) {
      pieces.emplace_back();
      i += 4;  // the loop's ++i steps over the space after "and"
      continue;
    }
    pieces.back() += c;
  }
  return pieces;
}

// Cleans one piece: trims, and drops the "and" that an Oxford comma leaves ("A, B, and C").
std::string CleanPiece(std::string_view piece) {
  std::string name = CollapseWhitespace(piece);
  if (name.starts_with("and ")) name.erase(0, 4);
  return name;
}

}  // namespace

std::vector<std::string> SplitAuthorList(std::string_view text) {
  std::vector<std::string> names;
  for (const std::string& piece : SplitTopLevel(CollapseWhitespace(DecodeTexAccents(text)))) {
    std::string name = CleanPiece(piece);
    if (name.empty()) continue;
    if (IsNameSuffix(name) && !names.empty()) {
      names.back() += ", " + name;
      continue;
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<std::string> NormalizeAuthorNames(const std::vector<std::string>& names) {
  std::vector<std::string> clean;
  clean.reserve(names.size());
  for (const std::string& name : names) {
    std::string normalized = CollapseWhitespace(DecodeTexAccents(name));
    if (!normalized.empty()) clean.push_back(std::move(normalized));
  }
  return clean;
}

}  // namespace coolpapers
