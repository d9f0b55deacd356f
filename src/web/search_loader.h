// Runs a search for a page or a feed and loads the papers it shows from the store, in result
// order, with their highlighted words when asked. The search page's data comes only from here.
#ifndef COOLPAPERS_WEB_SEARCH_LOADER_H_
#define COOLPAPERS_WEB_SEARCH_LOADER_H_

#include "core/error.h"
#include "search/searcher.h"
#include "store/store.h"
#include "web/pages/search_page.h"
#include "web/router.h"

namespace coolpapers::web {

// The results a search `route` asks for: its query, order, skip and show, capped at
// search::kMaxResults results in all. An empty query gives an empty view (the bare form).
// sort=stars ranks the (at most kMaxResults) matches by their [PDF] and [FAQ] clicks, then by
// relevance. Errors: kInvalidArgument with the query language's message for a query it rejects;
// kUnavailable when the index is not built yet; store errors pass through.
[[nodiscard]] Result<SearchView> LoadSearchView(store::Store& store, search::Searcher& searcher,
                                                const Route& route);

// LoadSearchView for a site that may run without an index (`searcher` null): kUnavailable then.
[[nodiscard]] Result<SearchView> LoadSearchViewIfIndexed(store::Store& store,
                                                         search::Searcher* searcher,
                                                         const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SEARCH_LOADER_H_
