// arXiv's side stamp, "arXiv:2304.02623v1 [cs.CL] 5 Apr 2023", printed up the left margin of
// the first page. Poppler reports it as rotated words (which extraction drops) or, in some PDFs,
// as a horizontal line, sometimes reversed; this recognises the line forms.
#ifndef COOLPAPERS_PDF_SIDE_STAMP_H_
#define COOLPAPERS_PDF_SIDE_STAMP_H_

#include <string_view>

namespace coolpapers::pdf {

// True when the whole line (surrounding spaces aside) is an arXiv stamp, read forwards
// ("arXiv:2304.02623v1 [cs.CL] 5 Apr 2023", "arXiv:hep-th/9901001v2 [hep-th] 3 Jan 1999")
// or backwards ("3202 rpA 5 ]LC.sc[ 1v32620.4032:viXra").
bool IsArxivSideStamp(std::string_view line);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_SIDE_STAMP_H_
