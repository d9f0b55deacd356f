// One paper as a card, the unit of every list and paper page (reference section 2.2):
//   <div class="panel paper" id="2401.06769">
//     <h2><a class="index" href="https://arxiv.org/abs/ID">#1</a> <a class="title-link"
//         href="/arxiv/ID">Title</a> <a class="title-pdf" href="PDF" data="PDF">[PDF]</a>
//         <span class="title-faq"></span><span class="title-copy"></span><span class="title-rel"></span></h2>
//     <p class="authors">Authors: <a class="author" href="/arxiv/search?query=author:&quot;NAME&quot;&highlight=1">NAME</a>, ...</p>
//     <p class="summary">Abstract</p>
//     <p class="subjects">Subjects: <a href="/arxiv/cs.CL">Computation and Language (cs.CL)</a>, ...</p>
//     <p class="date">Publish: <span class="date-data">2024-01-12 10:00:00 UTC</span></p>
//   </div>
// The empty title-faq/copy/rel spans mark where [FAQ], [Copy] and [REL] go once they exist.
#ifndef COOLPAPERS_WEB_PAGES_PAPER_CARD_H_
#define COOLPAPERS_WEB_PAGES_PAPER_CARD_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/paper.h"

namespace coolpapers::web {

// Authors beyond this many are folded behind an "et al." toggle that works without JavaScript.
inline constexpr size_t kAuthorsBeforeFold = 40;

// Byte ranges [first, second) of a text to wrap in <mark> (search results with highlight=1), in
// order, not overlapping, on UTF-8 character boundaries.
using TextMarks = std::vector<std::pair<size_t, size_t>>;
struct CardMarks {
  TextMarks title;
  TextMarks abstract;
  std::vector<size_t> authors;  // indexes into paper.authors of the names an author: search named
};

// Appends the card for `paper`, numbered `index` (#1 for the first card of a day; 0 shows the
// paper's id instead, as a paper's own page does). `type` adds a
// "cross-list" or "replaced" mark on day lists; nullopt (paper pages) or kNew adds nothing.
// `marks`, when given, highlights words of the title and abstract. Subjects show each category
// once, aliases merged into their canonical category, primary first; a category the taxonomy
// does not know is shown as plain text. Every piece of text is HTML-escaped. Thread-safe.
void AppendPaperCard(std::string& out, const Paper& paper, int64_t index,
                     std::optional<AnnounceType> type = std::nullopt,
                     const CardMarks* marks = nullptr);

// The data-family, data-given, data-suffix (and data-group) attributes of an author's element
// (core/person_name.h's split), which the star list's exports read (frontend/js/card_registry.js):
// ' data-family="Smith" data-given="Alice"'. Shared by the arXiv and the venue cards.
void AppendNamePartAttributes(std::string& out, std::string_view name);

// "2024-01-12 10:00:00 UTC" (first version's submission) when the versions are known, else the
// first listing day "2024-01-12", else "".
std::string PublishText(const Paper& paper);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_PAPER_CARD_H_
