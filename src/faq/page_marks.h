// Answers cite the pages they draw on as "[page N]" (or "[pages N, M]"); this checks each mark
// against the extracted text and drops the ones that do not match, so a reader can trust them.
#ifndef COOLPAPERS_FAQ_PAGE_MARKS_H_
#define COOLPAPERS_FAQ_PAGE_MARKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "pdf/pdf_text.h"

namespace coolpapers::faq {

struct CheckedAnswer {
  std::string text;        // the answer with unverified marks removed, kept marks normalised
                           // to "[page N]" / "[pages N, M]"
  std::vector<int> pages;  // the pages cited by kept marks, ascending, no duplicates
  int marks_kept = 0;
  int marks_dropped = 0;
};

// A mark is kept when the page exists and the claim it ends (the text since the previous mark,
// the line start or the sentence start, whichever is nearest) shares enough distinctive words
// (not stop words; ASCII-folded, lower-cased, a final "s" dropped and cut to 7 letters; at least
// 3 letters, a number of at least 2 characters, or a capitalised 2-letter acronym) with that
// page's text: half of them when the claim has fewer than 4, else at least 2 and at least a
// quarter of them. Chinese claims (any CJK character): the same rule on their Latin words and
// numbers, or on their pairs of adjacent CJK characters; either suffices. And no other page may
// bear the claim out much better: the page's shared tokens, weighted by how few pages have them,
// must reach 60% of the best page's. Accepted spellings:
// "[page 3]", "[Page 3]", "[p. 3]", "[pp. 3, 5]", "[pages 3-4]", "(page 3)", "[第3页]",
// "【第3页】"; of a multi-page mark only the pages that support the claim are kept. A dropped
// mark goes with the space before it. Marks inside code spans/blocks are left alone.
// docs/faq.md has the details. Pure; safe from any thread.
CheckedAnswer VerifyPageMarks(std::string_view answer, const pdf::PaperText& paper);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_PAGE_MARKS_H_
