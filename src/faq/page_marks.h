// Answers cite the pages they draw on as "[page N]" (or "[pages N, M]"); this checks each mark
// against the extracted text and drops the ones that do not match, so a reader can trust them.
#ifndef COOLPAPERS_FAQ_PAGE_MARKS_H_
#define COOLPAPERS_FAQ_PAGE_MARKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "faq/pdf_text.h"

namespace coolpapers::faq {

struct CheckedAnswer {
  std::string text;        // the answer with unverified marks removed, kept marks normalised
                           // to "[page N]" / "[pages N, M]"
  std::vector<int> pages;  // the pages cited by kept marks, ascending, no duplicates
  int marks_kept = 0;
  int marks_dropped = 0;
};

// A mark is kept when the page exists and the claim it ends (the text since the previous mark
// or sentence start) shares enough distinctive words (not stop words; ASCII-folded, lower-
// cased, at least 3 letters or a number) with that page's text: at least 2, or half of them
// when the claim has fewer than 4. Marks inside code spans/blocks are left alone. Pure.
CheckedAnswer VerifyPageMarks(std::string_view answer, const PaperText& paper);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_PAGE_MARKS_H_
