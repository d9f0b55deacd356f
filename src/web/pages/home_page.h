// The home page, /: every active arXiv category, grouped as arXiv groups them; a category with
// data shows its newest day (linked to that day's list) and that day's paper count.
#ifndef COOLPAPERS_WEB_PAGES_HOME_PAGE_H_
#define COOLPAPERS_WEB_PAGES_HOME_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/harvest_progress.h"
#include "store/venue_store.h"
#include "web/pages/harvest_mark.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

struct HomeCategory {
  std::string id;            // "cs.CL"
  std::string name;          // "Computation and Language"
  std::string archive_name;  // "Computer Science"; physics groups hold several archives
  std::optional<Date> newest_day;  // nullopt: no data for this category
  int64_t paper_count = 0;         // papers on newest_day
  std::optional<HarvestMark> harvest = {};  // the harvester's check of newest_day, when it made one
};

struct HomeGroup {
  std::string name;  // "Computer Science"
  std::vector<HomeCategory> categories;
};

struct HomeView {
  std::vector<HomeGroup> groups;  // arXiv's display order
  // How the harvest of today's lists stands, when this instance harvests (harvest_banner.h).
  std::optional<HarvestProgress> harvest_progress = {};
  // The venue editions this instance keeps (store/venue_store.h), by venue then year, newest
  // first: a "Venues" group after arXiv's, each edition linked to /venue/<NAME.YEAR> with its
  // paper count. Empty: no group.
  std::vector<store::VenueEditionSummary> venues = {};
};

// The page. Within a group that spans several archives (Physics) each archive gets a
// sub-heading. Above the groups, the harvest banner when there is one. Each category's <li> carries data-category="cs.CL", which the front end's
// chooser and calendar read. In the instance's `frame` (layout.h). Thread-safe; all text escaped.
std::string RenderHomePage(const HomeView& view, const PageFrame& frame);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_HOME_PAGE_H_
