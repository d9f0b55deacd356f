// /arxiv/search and /api/search (and /venue/search, /api/venue/search): the search page or its JSON, from LoadSearchView; and the path
// of the search's feed, /arxiv/search/feed (answered by feed/feed_route.cc). The entries are in
// route_table.cc.
#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "core/arxiv_id.h"
#include "core/clock.h"
#include "web/api/api_json.h"
#include "web/route_context.h"
#include "web/search_loader.h"

namespace coolpapers::web {
namespace {

// sort=prefer and sort=like are for day lists (ranked by the reader's keywords or stars); a search
// says so.
// A search page holds at most kMaxSearchShow results (the lists' 2000 cost a highlighted search
// seconds: issue #18 finding 6).
std::optional<Result<Route>> SearchRoute(Route route) {
  if (route.prefer) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid sort \"prefer\" for a search: search sorts by relevance, time or stars "
                "(prefer sorts day lists by your keywords)");
  }
  if (route.like) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid sort \"like\" for a search: search sorts by relevance, time or stars "
                "(like sorts day lists by your starred papers)");
  }
  if (route.show > kMaxSearchShow) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid show \"" + std::to_string(route.show) + "\" for a search: expected 1.." +
                    std::to_string(kMaxSearchShow) + " results a page");
  }
  return route;
}

// The minute a stars-sorted page is cached for: that order moves with readers' clicks, which
// change no stamp the cache watches, so its key carries the minute and a page lives at most one.
std::string StarsMinute(Clock& clock) {
  const auto minutes = std::chrono::floor<std::chrono::minutes>(clock.WallNow());
  return std::to_string(minutes.time_since_epoch().count());
}

}  // namespace

// /arxiv/search and /api/search. A page search for an arXiv id alone ("2505.18651",
// "arXiv:2505.18651v2") redirects to the paper's page (fetched from arXiv when the store lacks
// it): words search titles, abstracts and names, where an id rarely is. Errors: kInvalidArgument for sort=prefer.
// /venue/search and /api/venue/search are the same search narrowed to branch:venue (papers.cool's
// venue-branch search), marked in route.params (IsVenueSearch).
std::optional<Result<Route>> ParseSearch(const RouteTarget& target, Route route) {
  if (target.path == "/venue/search" || target.path == "/api/venue/search") {
    route.params.emplace_back(kVenueSearchParam);
    return SearchRoute(std::move(route));
  }
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
      LoadSearchViewIfIndexed(context.store, context.services.venues, context.services.searcher,
                              route);
  // A query the language refuses comes back in the page's own box, with the reason under it.
  if (!view && view.error().code == ErrorCode::kInvalidArgument && !route.api) {
    SearchView refused;
    refused.query = route.query;
    refused.venue_branch = IsVenueSearch(route);
    refused.sort = route.sort;
    refused.highlight = route.highlight;
    refused.error = view.error().message;
    return MakeUncachedResponse(400, kHtmlType, RenderSearchPage(refused, context.frame));
  }
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderSearchJson(*view));
  return MakePageResponse(kHtmlType, RenderSearchPage(*view, context.frame));
}

// The search's parameters: skip, show, sort (with the clock's minute for stars, StarsMinute),
// highlight and the query, whitespace already collapsed by the router; the parameters' order in
// the URL does not matter.
std::optional<std::string> SearchCacheKey(const Route& route, Clock& clock) {
  std::string sort = std::to_string(static_cast<int>(route.sort));
  if (route.sort == SearchOrder::kStars) sort += "@" + StarsMinute(clock);
  // The query last: it may hold any character, '|' too.
  return std::string(IsVenueSearch(route) ? "venue|" : "") + std::to_string(route.skip) + '|' +
         std::to_string(route.show) + '|' + sort +
         (route.highlight ? "|marked|" : "|") + route.query;
}

}  // namespace coolpapers::web
