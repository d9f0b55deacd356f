// The one way lines are compared loosely in src/faq (running headers, section headings,
// hyphenated words): ASCII case folded and white space collapsed.
#ifndef COOLPAPERS_PDF_FOLDED_TEXT_H_
#define COOLPAPERS_PDF_FOLDED_TEXT_H_

#include <string>
#include <string_view>

namespace coolpapers::pdf {

// "  7  REFERENCES\n" -> "7 references". ASCII letters only: UTF-8 bytes pass unchanged.
std::string FoldCaseAndSpaces(std::string_view text);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_FOLDED_TEXT_H_
