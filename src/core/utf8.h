// Encoding Unicode code points as UTF-8, for the text decoders of this module.
#ifndef COOLPAPERS_CORE_UTF8_H_
#define COOLPAPERS_CORE_UTF8_H_

#include <string>

namespace coolpapers {

// Appends the UTF-8 encoding of `code_point` to `out`: U+00F6 -> "\xC3\xB6" ("ö").
// Surrogates and values above U+10FFFF are not characters; they append U+FFFD instead.
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_UTF8_H_
