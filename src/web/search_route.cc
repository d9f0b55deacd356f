// /arxiv/search and /api/search: the search page or its JSON, from LoadSearchView; and the path
// of the search's feed, /arxiv/search/feed (answered by feed/feed_route.cc). The entries are in
// route_table.cc.
#include <optional>
#include <string>
#include <utility>

#include "core/arxiv_id.h"
#include "web/api/api_json.h"
#include "web/route_context.h"
#include "web/search_loader.h"

namespace coolpapers::web {
namespace {

// sort=prefer is for day lists (the browser sorts by the reader's keywords); a search says so.
std::optional<Result<Route>> SearchRoute(Route route) {
  if (route.prefer) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid sort \"prefer\" for a search: search sorts by relevance, time or stars "
                "(prefer sorts day lists by your keywords)");
  }
  return route;
}

}  // namespace

// /arxiv/search and /api/search. A page search for an arXiv id alone ("2505.18651",
// "arXiv:2505.18651v2") redirects to the paper's page (fetched from arXiv when the store lacks
// it): words search titles, abstracts and names, where an id rarely is. Errors: kInvalidArgument for sort=prefer.
std::optional<Result<Route>> ParseSearch(const RouteTarget& target, Route route) {
  if (target.path != "/arxiv/search" && target.path != "/api/search") return std::nullopt;
  if (!route.api) {
    if (Result<ArxivId> id = ArxivId::Parse(route.query)) {
      return RedirectRoute(kArxivPrefix, id->WithoutVersion().str(), {}, false);
    }
  }
  return SearchRoute(std::move(route));
}

// /arxiv/search/feed, newest first unless a sort is asked: a subscriber wants the new papers
// that match, not the same relevance top 25 forever. Errors: kInvalidArgument for sort=prefer.
std::optional<Result<Route>> ParseSearchFeed(const RouteTarget& target, Route route) {
  if (target.path != "/arxiv/search/feed") return std::nullopt;
  route.feed = true;
  if (!target.Parameter("sort")) route.sort = SearchOrder::kTime;
  return SearchRoute(std::move(route));
}

// The search's page: JSON when route.api, else HTML. services.searcher may be null (an instance
// without an index): kUnavailable then. Other errors as LoadSearchView.
Result<Response> HandleSearch(const RouteContext& context) {
  const Route& route = context.route;
  Result<SearchView> view =
      LoadSearchViewIfIndexed(context.store, context.services.searcher, route);
  // A query the language refuses comes back in the page's own box, with the reason under it.
  if (!view && view.error().code == ErrorCode::kInvalidArgument && !route.api) {
    SearchView refused;
    refused.query = route.query;
    refused.sort = route.sort;
    refused.highlight = route.highlight;
    refused.error = view.error().message;
    return MakeUncachedResponse(400, kHtmlType, RenderSearchPage(refused, context.frame));
  }
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderSearchJson(*view));
  return MakePageResponse(kHtmlType, RenderSearchPage(*view, context.frame));
}

// The search's parameters: skip, show, sort, highlight and the query. nullopt when sorted by
// stars: that order moves with readers' clicks, which change no stamp the cache watches.
std::optional<std::string> SearchCacheKey(const Route& route) {
  if (route.sort == SearchOrder::kStars) return std::nullopt;
  // The query last: it may hold any character, '|' too.
  return std::to_string(route.skip) + '|' + std::to_string(route.show) + '|' +
         std::to_string(static_cast<int>(route.sort)) + (route.highlight ? "|marked|" : "|") +
         route.query;
}

}  // namespace coolpapers::web
