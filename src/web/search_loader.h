// Runs a search for a page or a feed and loads the papers it shows from the store, in result
// order, with their highlighted words when asked. The search page's data comes only from here.
#ifndef COOLPAPERS_WEB_SEARCH_LOADER_H_
#define COOLPAPERS_WEB_SEARCH_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "search/searcher.h"
#include "store/store.h"
#include "store/venue_store.h"
#include "web/pages/search_page.h"
#include "web/router.h"

namespace coolpapers::web {

// The results a search `route` asks for: its query, order, skip and show, capped at
// search::kMaxResults results in all. An empty query gives an empty view (the bare form).
// sort=stars ranks the (at most kMaxResults) matches by their [PDF] and [FAQ] clicks, then by
// relevance. Errors: kInvalidArgument with the query language's message for a query it rejects;
// kUnavailable when the index is not built yet; store errors pass through.
// Venue papers among the results (ids "<local>@<SOURCE>") are read from `venues` and shown as
// venue cards; without `venues` they are left out. A route of /venue/search (IsVenueSearch)
// searches its query as branch:venue.
[[nodiscard]] Result<SearchView> LoadSearchView(store::Store& store, store::VenueStore* venues,
                                                search::Searcher& searcher, const Route& route);

// LoadSearchView for a site that may run without an index (`searcher` null): kUnavailable then.
[[nodiscard]] Result<SearchView> LoadSearchViewIfIndexed(store::Store& store,
                                                         store::VenueStore* venues,
                                                         search::Searcher* searcher,
                                                         const Route& route);

// Whether `route` is /venue/search or /api/venue/search (search_route.cc marks it).
bool IsVenueSearch(const Route& route);

// The marker ParseSearch puts in route.params for /venue/search.
inline constexpr std::string_view kVenueSearchParam = "branch:venue";

// The papers named by search hits' ids, in their order: arXiv papers from `store`, venue papers
// (ids holding "@") from `venues` as venue cards (left out when `venues` is null); ids neither
// holds are left out. Shared by search and related papers.
[[nodiscard]] Result<std::vector<SearchCard>> LoadCards(store::Store& store,
                                                        store::VenueStore* venues,
                                                        const std::vector<std::string>& ids);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SEARCH_LOADER_H_
