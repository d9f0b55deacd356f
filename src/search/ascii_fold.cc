#include "search/ascii_fold.h"

#include <cstddef>
#include <optional>

namespace coolpapers::search {
namespace {

// Base letters for U+00C0..U+017F, one character each; '*' marks a letter that folds to two
// characters (see TwoLetterFold) and '-' a character kept as it is (the signs x and ÷).
constexpr std::string_view kLatinFold =
    "AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY**aaaaaa*ceeeeiiiidnooooo-ouuuuy*y"   // U+00C0..U+00FF
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlL"   // U+0100..U+013F
    "lLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";  // U+0140..U+017F
constexpr char32_t kLatinFirst = 0xC0;
static_assert(kLatinFold.size() == 0x180 - kLatinFirst, "one entry per code point");

std::string_view TwoLetterFold(char32_t code_point) {
  switch (code_point) {
    case 0xC6:
      return "AE";
    case 0xDE:
      return "TH";
    case 0xDF:
      return "ss";
    case 0xE6:
      return "ae";
    case 0xFE:
      return "th";
    case 0x132:
      return "IJ";
    case 0x133:
      return "ij";
    case 0x152:
      return "OE";
    case 0x153:
      return "oe";
    default:
      return {};
  }
}

// Decodes the two-byte UTF-8 sequence at text[i], the only length our folded ranges use.
std::optional<char32_t> DecodeTwoByte(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size()) return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[i]);
  const auto trail = static_cast<unsigned char>(text[i + 1]);
  if ((lead & 0xE0) != 0xC0 || (trail & 0xC0) != 0x80) return std::nullopt;
  return static_cast<char32_t>(((lead & 0x1F) << 6) | (trail & 0x3F));
}

}  // namespace

std::string FoldToAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::optional<char32_t> code_point = DecodeTwoByte(text, i);
    if (!code_point) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    if (*code_point >= 0x300 && *code_point <= 0x36F) {
      // A combining accent: the base letter before it already stands alone.
    } else if (*code_point >= kLatinFirst && *code_point < 0x180) {
      const char base = kLatinFold[*code_point - kLatinFirst];
      if (base == '*') {
        out.append(TwoLetterFold(*code_point));
      } else if (base == '-') {
        out.append(text.substr(i, 2));
      } else {
        out.push_back(base);
      }
    } else {
      out.append(text.substr(i, 2));
    }
    i += 2;
  }
  return out;
}

}  // namespace coolpapers::search
