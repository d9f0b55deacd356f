// What /arxiv/search and /api/search answer: the search page or its JSON, from LoadSearchView.
// Kept beside site.cc so that the site only dispatches to it.
#ifndef COOLPAPERS_WEB_SEARCH_ROUTE_H_
#define COOLPAPERS_WEB_SEARCH_ROUTE_H_

#include <string>

#include "core/error.h"
#include "search/searcher.h"
#include "store/store.h"
#include "web/router.h"

namespace coolpapers::web {

// The body for a kSearch route: JSON when route.api, else the HTML page. `searcher` may be null
// (an instance without an index): kUnavailable then. Other errors as LoadSearchView.
[[nodiscard]] Result<std::string> RenderSearchRoute(store::Store& store, search::Searcher* searcher,
                                                    const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SEARCH_ROUTE_H_
