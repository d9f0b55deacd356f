// The venue branch's pages: the index of every edition (/venue/), an edition's list,
// /venue/ICLR.2024[?group=Oral&show=&skip=], with its coverage line, its groups as a chooser
// ("N papers" each) and its other years (the browser sorts and filters the whole edition, as a
// day list), and venue papers by id,
// /venue/<id>[,<id>...],
// whose single-paper form carries the tags Zotero's Embedded Metadata translator reads for a
// conference paper (docs/citations.md).
#ifndef COOLPAPERS_WEB_PAGES_VENUE_PAGE_H_
#define COOLPAPERS_WEB_PAGES_VENUE_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/venue.h"
#include "store/venue_store.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

struct VenueIndexView {
  std::vector<store::VenueEditionSummary> editions;  // by venue, then year newest first
};

struct VenueEditionView {
  VenueEdition edition;
  std::vector<store::VenueGroupCount> groups;  // all of the edition's, by name
  std::optional<std::string> group;            // ?group=, when given
  int64_t total = 0;  // papers of the edition, or of the group when one is chosen
  int64_t papers_stored = 0;    // of the whole edition, for its coverage line
  int64_t accepted_stored = 0;  // of those, accepted
  std::vector<std::string> siblings;  // the venue's stored editions, newest first, this one too
  int64_t skip = 0;
  int64_t show = 25;
  std::vector<VenuePaper> papers;  // this slice; paper i is numbered skip + i + 1
};

// "/venue/ICLR.2024?group=Oral&skip=25&show=25": the edition page with the view's group, at
// `skip` (left out when 0).
std::string VenueEditionUrl(const VenueEditionView& view, int64_t skip);

// `<li data-edition="ICLR.2024"><a href="/venue/ICLR.2024">ICLR.2024</a>` and the full name: the
// opening of an edition's line in every list of editions (the venue index, the home page), which
// each closes with its own count.
void AppendEditionItemStart(std::string& out, const VenueEdition& edition);

// Every venue with its editions, each with its coverage (core/venue_coverage.h).
std::string RenderVenueIndexPage(const VenueIndexView& view, const PageFrame& frame);

struct VenuePapersView {
  // Each paper with its edition's full name ("" when unknown), in the order asked.
  std::vector<std::pair<VenuePaper, std::string>> papers;
  std::vector<std::string> missing;  // asked-for ids the store lacks
};

// The edition's page in the instance's frame. Thread-safe; all text escaped.
std::string RenderVenueEditionPage(const VenueEditionView& view, const PageFrame& frame);

// Only the cards and the nav.more link to the next slice (?fragment=1): what the browser's lazy
// loading and filter fetch (frontend/js/lazy_cards.js), as for a day list.
std::string RenderVenueEditionFragment(const VenueEditionView& view);

// The papers' page; for one paper, with its conference-paper meta tags.
std::string RenderVenuePapersPage(const VenuePapersView& view, const PageFrame& frame);

// The meta tags of one venue paper's page (z:itemType conferencePaper, citation_*), in order.
// `conference`: the edition's full name, else its tag is used.
std::vector<std::pair<std::string, std::string>> VenueCitationTags(const VenuePaper& paper,
                                                                   std::string_view conference);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_VENUE_PAGE_H_
