// One venue paper as a card, the unit of an edition's page and a venue paper's page. It reads
// like the arXiv card (paper_card.h), with what a conference adds:
//   <div class="panel paper venue-paper" id="ID@SOURCE">
//     <h2><a class="index" href="LANDING">#1</a> <a class="title-link" href="/venue/ID">Title</a>
//         <a class="title-pdf" href="PDF" data="PDF">[PDF]</a> <span class="title-faq"></span>...</h2>
//     <p class="authors">Authors: <span class="author">NAME</span> <span class="affiliation">(AFF)</span>, ...</p>
//     <p class="summary">Abstract</p>
//     <p class="subjects">Subjects: <a href="/venue/ICLR.2024?group=Oral">ICLR.2024 - Oral</a></p>
//     <p class="badges"><span class="badge track">main</span> <span class="badge status">Accept</span> ...</p>
//     <p class="links"><a class="landing" href="LANDING">[Landing]</a> <a class="arxiv" href="/arxiv/ID">arXiv:ID</a></p>
//     <span class="Z3988" title="..."></span>
//   </div>
// Affiliations stay apart from names (their own spans), so a name search never reads them.
#ifndef COOLPAPERS_WEB_PAGES_VENUE_CARD_H_
#define COOLPAPERS_WEB_PAGES_VENUE_CARD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/venue.h"

namespace coolpapers::web {

// "/venue/" + the id, percent-encoded as one path segment ("@" as %40, as papers.cool's links).
std::string VenuePaperPath(const VenuePaperId& id);

// "/venue/ICLR.2024?group=Oral"; the edition's page when `group` is empty.
std::string VenueGroupPath(std::string_view edition, std::string_view group);

// Appends the card for `paper`, numbered `index` (#1 first; 0 shows the paper's id instead, as
// its own page does). `conference` is the edition's full name for the COinS span ("" uses the
// edition tag). Every piece of text is HTML-escaped. Thread-safe.
void AppendVenueCard(std::string& out, const VenuePaper& paper, int64_t index,
                     std::string_view conference);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_VENUE_CARD_H_
