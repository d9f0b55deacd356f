// Encoding Unicode code points as UTF-8, and telling valid UTF-8 from other bytes.
#ifndef COOLPAPERS_CORE_UTF8_H_
#define COOLPAPERS_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace coolpapers {

// Appends the UTF-8 encoding of `code_point` to `out`: U+00F6 -> "\xC3\xB6" ("ö").
// Surrogates and values above U+10FFFF are not characters; they append U+FFFD instead.
void AppendUtf8(char32_t code_point, std::string& out);

// The length (1 to 4) of the valid UTF-8 sequence that starts at text[i], or 0 when the bytes
// there are not one: a stray continuation byte, a cut sequence, an overlong form, a surrogate or
// a code point past U+10FFFF.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i);

// True when all of `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_UTF8_H_
