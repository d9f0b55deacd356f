// The line on the home page that tells a reader how the harvest of today's lists stands
// (core/harvest_progress.h): "Harvesting 12 of 41 categories from arXiv" while a new site
// fills, and when arXiv cannot be read, why and when the next try is.
#ifndef COOLPAPERS_WEB_PAGES_HARVEST_BANNER_H_
#define COOLPAPERS_WEB_PAGES_HARVEST_BANNER_H_

#include <string>

#include "core/harvest_progress.h"

namespace coolpapers::web {

// Whether there is anything to say: the site is filling, or a check fails.
bool HasHarvestBanner(const HarvestProgress& progress);

// <p class="harvest-progress" role="status">Harvesting 12 of 41 categories from arXiv; ...</p>
// and/or <p class="harvest-problem" role="status">Today's lists could not be fetched for 3 of
// 41 categories: this server cannot reach arXiv (is it offline?). Next try at 15:42 UTC.</p>.
// Nothing when !HasHarvestBanner. Escaped; thread-safe.
void AppendHarvestBanner(std::string& out, const HarvestProgress& progress);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_HARVEST_BANNER_H_
