#include "core/title_key.h"

#include "core/tex_accents.h"

namespace coolpapers {
namespace {

// Sources disagree on typography ("“Stack It Up!”" in a PMLR bib, '"Stack It Up!"' on arXiv):
// the Latin-1 punctuation block (U+00A0..U+00BF, no-break space included) and General
// Punctuation (U+2000..U+206F: dashes, curly quotes, thin spaces) count as punctuation. Returns
// the byte length of such a character at `i`, or 0.
size_t UnicodePunctuationLength(std::string_view text, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (at(i) == 0xC2 && i + 1 < text.size() && at(i + 1) >= 0xA0 && at(i + 1) <= 0xBF) return 2;
  if (at(i) == 0xE2 && i + 2 < text.size() && (at(i + 1) == 0x80 || at(i + 1) == 0x81)) return 3;
  return 0;
}

}  // namespace

std::string MakeTitleKey(std::string_view title) {
  // Decoding first makes "Schr{\"o}dinger" and "Schrödinger" the same key.
  const std::string decoded = title.find('\\') == std::string_view::npos
                                  ? std::string(title)
                                  : DecodeTexAccents(title);
  std::string key;
  key.reserve(decoded.size());
  for (size_t i = 0; i < decoded.size(); ++i) {
    const char c = decoded[i];
    const auto byte = static_cast<unsigned char>(c);
    if (const size_t skip = UnicodePunctuationLength(decoded, i); skip > 0) {
      i += skip - 1;
    } else if (byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      key.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return key;
}

}  // namespace coolpapers
