// Joining words that typesetting split across lines ("repre-" / "sentation"), so the model and
// any later quote check see whole words.
#ifndef COOLPAPERS_PDF_HYPHENATION_H_
#define COOLPAPERS_PDF_HYPHENATION_H_

#include <string>
#include <vector>

namespace coolpapers::pdf {

// `pages` holds each page's lines in reading order. A line ending in a letter and a hyphen
// ('-', U+2010 or a soft hyphen U+00AD) is joined with the first word of the next line on the
// same page when that line starts with an ASCII letter (not a digit or symbol: footnotes,
// lists and equations start so); the word moves up, the rest of the next line stays. The hyphen is
//  - dropped when the next line starts with a lower-case letter ("repre-"+"sentation" ->
//    "representation"), unless the hyphenated form occurs unbroken inside a line elsewhere in
//    the paper ("long-context" seen once keeps "long-"+"context" -> "long-context") or the
//    part before the hyphen is itself hyphenated ("state-of-"+"the-art" -> "state-of-the-art");
//  - kept before an upper-case letter ("Transformer-"+"XL" -> "Transformer-XL").
// Hyphens at the end of a page are left alone: the word's halves are on two pages.
void JoinHyphenatedWords(std::vector<std::vector<std::string>>& pages);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_HYPHENATION_H_
