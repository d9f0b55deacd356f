// Running headers and footers: the journal name, the short title, the page number, repeated at
// the top or bottom of most pages. They break sentences that run across pages and waste the
// model's context, so they are removed before the text is used.
#ifndef COOLPAPERS_PDF_RUNNING_LINES_H_
#define COOLPAPERS_PDF_RUNNING_LINES_H_

#include <string_view>
#include <vector>

#include "pdf/page_layout.h"

namespace coolpapers::pdf {

// True for a line that is only a page number: "7", "- 7 -", "vii", "Page 7", "7 of 12".
bool IsPageNumber(std::string_view line);

// Removes, from every page, the lines in its top or bottom margin (the three outermost lines on
// each side, within 12% of the page height from the page's topmost or bottommost text: small
// formats sit in the middle of Letter paper) that are page numbers or that recur,
// with digits ignored ("Page 3" = "Page 4"), in the margins of at least 40% of the pages and at
// least two pages. 40% rather than a majority so that headers alternating between odd and even
// pages (authors / title) still count. Lines elsewhere on the page are never touched.
void RemoveRunningLines(std::vector<PageLines>& pages);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_RUNNING_LINES_H_
