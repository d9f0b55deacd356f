// The venue branch's pages: an edition's list, /venue/ICLR.2024[?group=Oral&show=&skip=], with
// its groups as a chooser ("N papers" each), and venue papers by id, /venue/<id>[,<id>...],
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

struct VenueEditionView {
  VenueEdition edition;
  std::vector<store::VenueGroupCount> groups;  // all of the edition's, by name
  std::optional<std::string> group;            // ?group=, when given
  int64_t total = 0;  // papers of the edition, or of the group when one is chosen
  int64_t skip = 0;
  int64_t show = 25;
  std::vector<VenuePaper> papers;  // this slice; paper i is numbered skip + i + 1
};

struct VenuePapersView {
  // Each paper with its edition's full name ("" when unknown), in the order asked.
  std::vector<std::pair<VenuePaper, std::string>> papers;
  std::vector<std::string> missing;  // asked-for ids the store lacks
};

// The edition's page in the instance's frame. Thread-safe; all text escaped.
std::string RenderVenueEditionPage(const VenueEditionView& view, const PageFrame& frame);

// The papers' page; for one paper, with its conference-paper meta tags.
std::string RenderVenuePapersPage(const VenuePapersView& view, const PageFrame& frame);

// The meta tags of one venue paper's page (z:itemType conferencePaper, citation_*), in order.
// `conference`: the edition's full name, else its tag is used.
std::vector<std::pair<std::string, std::string>> VenueCitationTags(const VenuePaper& paper,
                                                                   std::string_view conference);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_VENUE_PAGE_H_
