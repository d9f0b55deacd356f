// Paper PDF -> text, per page, in reading order, for the FAQ (issue #4; reference §3.2). The
// only code that includes poppler. Start here for src/faq; token_budget.h fits the result into
// a model's context.
#ifndef COOLPAPERS_PDF_PDF_TEXT_H_
#define COOLPAPERS_PDF_PDF_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::pdf {

struct PageText {
  int number = 0;    // 1-based, as printed in "[page N]" markers and cited by answers
  std::string text;  // UTF-8 lines separated by '\n'; may be empty (a full-page figure)
};

// A place in the text: a page number and a byte offset into that page's `text`.
struct TextPosition {
  int page = 0;
  size_t offset = 0;
  auto operator<=>(const TextPosition&) const = default;
};

struct PaperText {
  std::vector<PageText> pages;  // pages[i].number == i + 1
  // Where the last "References"/"Bibliography" heading line starts (section_headings.h), so
  // later code can drop or keep the references; nullopt when the paper has no such heading.
  std::optional<TextPosition> references;
};

// Extracts the text of the PDF in `pdf_bytes`. `source` names it in error messages (an arXiv id,
// a URL or a path, e.g. "arXiv 2304.02623v1"). The text is cleaned for a language model:
//  - each page in reading order, two-column layouts column by column (page_layout.h);
//  - each page read in the direction its text runs (upright unless text running another way
//    outnumbers it two to one), so a page turned by /Rotate or a landscape table reads normally;
//    text running another way is dropped: arXiv's side stamp, and also rotated table headers and
//    axis labels. A horizontal or reversed stamp line is dropped too (side_stamp.h);
//  - running headers, footers and page numbers removed (running_lines.h);
//  - words hyphenated across lines joined (hyphenation.h), ligatures (U+FB00-FB04) spelled out.
// Errors, each naming `source`, distinct by message (and by code where the codes allow):
//  kInvalidArgument "... is not a PDF ..."         the bytes do not start with "%PDF"
//  kInvalidArgument "... is encrypted ..."         poppler reports the document locked
//  kCorrupt         "... is damaged or truncated"  no "%%EOF" near the end, or poppler cannot load
//                                                  it or one of its pages
//  kNotFound        "... has no text ..."          no text on any page: a scanned paper
// `detail` carries poppler's own messages, for the log.
// Thread-safe: calls on different threads share nothing but poppler's global state, which
// poppler guards; `pdf_bytes` is only read and is not kept after the call.
[[nodiscard]] Result<PaperText> ExtractPaperText(std::string_view pdf_bytes,
                                                 std::string_view source);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_PDF_TEXT_H_
