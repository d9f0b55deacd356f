// The part of a paper's PDF text that the search index keeps (fulltext:): the body and the
// appendices, without the references, whose titles and names belong to other papers and would
// make a search for them find this one.
#ifndef COOLPAPERS_FAQ_SEARCHABLE_TEXT_H_
#define COOLPAPERS_FAQ_SEARCHABLE_TEXT_H_

#include <string>

#include "pdf/pdf_text.h"

namespace coolpapers::faq {

// The pages' text in order (a '\n' ends each page's last line), the references (from paper.references to
// the next appendix heading, section_headings.h, or the end) left out. Pure.
std::string SearchableText(const pdf::PaperText& paper);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_SEARCHABLE_TEXT_H_
