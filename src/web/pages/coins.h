// COinS (ContextObjects in Spans): one <span class="Z3988" title="..."> per paper, an OpenURL
// ContextObject (Z39.88-2004, KEV form) that Zotero's Connector finds on any page, so a list,
// search or star page offers "save N items". docs/citations.md lists the keys.
#ifndef COOLPAPERS_WEB_PAGES_COINS_H_
#define COOLPAPERS_WEB_PAGES_COINS_H_

#include <string>

#include <string_view>

#include "core/paper.h"
#include "core/venue.h"

namespace coolpapers::web {

// The ContextObject of `paper`, KEV-encoded (not yet HTML-escaped): a journal-format preprint
// with arXiv as its journal, title, authors (rft.au as "Family, Given"; the first also as
// aulast/aufirst), the date (core CitedDate), its arXiv id with version, DOI (the stored one,
// else arXiv's 10.48550) and abs page as rft_id. The star list's exports read it back.
std::string CoinsContextObject(const Paper& paper);

// Appends the span: <span class="Z3988" title="{CoinsContextObject, escaped}"></span>.
void AppendCoinsSpan(std::string& out, const Paper& paper);

// The ContextObject of a venue paper: a book-format "proceeding" (Zotero: conference paper)
// with `conference` (the edition's full name, else its tag) as the proceedings title, title,
// authors as above, the edition's year, pages, DOI and landing page as rft_id.
std::string CoinsContextObject(const VenuePaper& paper, std::string_view conference);
void AppendCoinsSpan(std::string& out, const VenuePaper& paper, std::string_view conference);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_COINS_H_
