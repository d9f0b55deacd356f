// Unicode normalisation and letter tests (ICU), for the text decoders of this module.
#ifndef COOLPAPERS_CORE_UNICODE_NFC_H_
#define COOLPAPERS_CORE_UNICODE_NFC_H_

#include <string>
#include <string_view>

namespace coolpapers {

// `utf8` in Normalization Form C: "e" + U+0301 -> "é", "ê" + U+0303 -> "ễ". A letter with no
// precomposed form keeps its combining marks. Malformed UTF-8 is returned unchanged.
std::string ComposeNfc(std::string_view utf8);

// Whether `utf8` is exactly one character and that character is a letter (any script).
bool IsSingleLetter(std::string_view utf8);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_UNICODE_NFC_H_
