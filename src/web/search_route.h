// What /arxiv/search and /api/search answer: the search page or its JSON, from LoadSearchView.
#ifndef COOLPAPERS_WEB_SEARCH_ROUTE_H_
#define COOLPAPERS_WEB_SEARCH_ROUTE_H_

#include <optional>
#include <string>

#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {

// A kSearch route's page: JSON when route.api, else HTML. services.searcher may be null (an
// instance without an index): kUnavailable then. Other errors as LoadSearchView.
[[nodiscard]] Result<Response> HandleSearch(const RouteContext& context);

// The search's parameters: skip, show, sort, highlight and the query. nullopt when sorted by
// stars: that order moves with readers' clicks, which change no stamp the cache watches.
std::optional<std::string> SearchCacheKey(const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SEARCH_ROUTE_H_
