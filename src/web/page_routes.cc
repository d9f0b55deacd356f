// The pages read straight from the store: the home page (/), a category expression's day list
// (/arxiv/<expr>, /api/arxiv/<expr>: HTML, its cards-only fragment, or JSON) and the calendar of
// days with listings (/api/days/<expr>). Their entries are in route_table.cc, which keeps them in
// the store's page cache under the keys made here.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/category_expr.h"
#include "web/api/api_json.h"
#include "web/like_ranking.h"
#include "web/cache_tags.h"
#include "web/pages/harvest_banner.h"
#include "web/pages/home_page.h"
#include "web/pages/list_page.h"
#include "web/route_context.h"
#include "web/view_loader.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kFeedSuffix = "/feed";

}  // namespace

// /: the categories with their newest days, and how the harvest stands when this instance
// harvests. While the banner shows, browsers revalidate it, and while the site fills it
// refreshes itself every 15 s (the page cache is dropped whenever the progress changes: Site's
// change stamp). Errors: the store's.
Result<Response> HandleHome(const RouteContext& context) {
  Result<HomeView> view = LoadHomeView(context.store, context.services.harvest_state);
  if (!view) return std::unexpected(view.error());
  if (context.services.harvest_progress) {
    Result<HarvestProgress> progress = context.services.harvest_progress();
    if (!progress) return std::unexpected(progress.error());
    view->harvest_progress = *std::move(progress);
  }
  if (context.services.venues != nullptr) {
    Result<std::vector<store::VenueEditionSummary>> venues = context.services.venues->ListEditions();
    if (!venues) return std::unexpected(venues.error());
    view->venues = *std::move(venues);
  }
  Response response = MakePageResponse(kHtmlType, RenderHomePage(*view, context.frame));
  if (view->harvest_progress && HasHarvestBanner(*view->harvest_progress)) {
    for (auto& [name, value] : response.headers) {
      if (name == "Cache-Control") value = "no-cache";
    }
    // While a new site fills, the reader's page follows; a failure alone does not reload it.
    if (view->harvest_progress->Filling()) response.headers.emplace_back("Refresh", "15");
  }
  return response;
}

// /arxiv/<expr> and /api/arxiv/<expr>, expr as LooksLikeCategoryExpr sees one: the list, or a
// redirect to the canonical spelling ("/arxiv/cs.CL,cs.AI" to "/arxiv/cs.AI,cs.CL", query kept)
// or to the path without trailing slashes (for ids too). Errors: ParseCategoryExpr's.
std::optional<Result<Route>> ParseList(const RouteTarget& target, Route route) {
  std::optional<ArxivSubject> arxiv = ReadArxivSubject(target, route);
  if (!arxiv) return std::nullopt;
  if (arxiv->redirect) return *std::move(arxiv->redirect);
  if (!LooksLikeCategoryExpr(arxiv->subject)) return std::nullopt;
  Result<CategoryExpr> expr = ParseCategoryExpr(arxiv->subject);
  if (!expr) return std::unexpected(expr.error());
  const std::string canonical = expr->ToString();
  if (canonical != arxiv->subject) {
    return RedirectRoute(arxiv->prefix, canonical, target.raw_query, route.api);
  }
  route.expr = *std::move(expr);
  return route;
}

// /arxiv/<expr>/feed (not under /api/): the list's Atom feed (feed/feed_route.cc), answered for
// the expression as written. Errors: ParseCategoryExpr's.
std::optional<Result<Route>> ParseListFeed(const RouteTarget& target, Route route) {
  if (route.api || !target.path.ends_with(kFeedSuffix)) return std::nullopt;
  std::optional<std::string_view> subject = PathSubject(target.path, kArxivPrefix);
  if (!subject || subject->size() <= kFeedSuffix.size()) return std::nullopt;
  subject->remove_suffix(kFeedSuffix.size());
  if (!LooksLikeCategoryExpr(*subject)) return std::nullopt;
  Result<CategoryExpr> expr = ParseCategoryExpr(*subject);
  if (!expr) return std::unexpected(expr.error());
  route.feed = true;
  route.expr = *std::move(expr);
  return route;
}

// The day asked (or the newest) of route.expr, skip and show applied. Errors: the store's;
// kNotFound for a day without listings.
Result<Response> HandleList(const RouteContext& context) {
  const Route& route = context.route;
  // sort=like ranks the whole day, then takes the slice asked.
  Result<ListView> view =
      LoadListView(context.store, context.services.harvest_state, route.expr, route.date,
                   route.like ? 0 : route.skip, route.like ? kMaxShow : route.show);
  if (!view) return std::unexpected(view.error());
  if (route.like) {
    if (Result<void> ranked = RankListView(context.services.searcher, route, *view); !ranked) {
      return std::unexpected(ranked.error());
    }
  }
  Response response =
      route.api ? MakePageResponse(kJsonType, RenderListJson(*view))
                : MakePageResponse(kHtmlType, route.fragment ? RenderListFragment(*view)
                                                             : RenderListPage(*view, context.frame));
  response.cache_tags = ListTags(*view, route.expr, !route.date);
  return response;
}

// The list's parameters: expression, day, skip, show, and fragment (HTML only). A list sorted
// by the reader's stars is not cached: the site keeps nothing of a reader's stars.
std::optional<std::string> ListCacheKey(const Route& route, Clock&) {
  if (route.like) return std::nullopt;
  return route.expr.ToString() + '|' + (route.date ? route.date->ToIso() : "newest") + '|' +
         std::to_string(route.skip) + '|' + std::to_string(route.show) +
         (route.fragment && !route.api ? "|fragment" : "");
}

// /api/days/<expr>: any spelling of the expression, answered in its canonical form rather than
// redirected. Errors: ParseCategoryExpr's (an empty expression too).
std::optional<Result<Route>> ParseDays(const RouteTarget& target, Route route) {
  constexpr std::string_view kDays = "/api/days/";
  if (!target.path.starts_with(kDays)) return std::nullopt;
  Result<CategoryExpr> expr = ParseCategoryExpr(target.path.substr(kDays.size()));
  if (!expr) return std::unexpected(expr.error());
  route.expr = *std::move(expr);
  return route;
}

// The days with listings for route.expr, JSON. Errors: the store's.
Result<Response> HandleDays(const RouteContext& context) {
  Result<std::vector<Date>> days = context.store.ListingDays(context.route.expr);
  if (!days) return std::unexpected(days.error());
  Response response = MakePageResponse(kJsonType, RenderDaysJson(context.route.expr, *days));
  response.cache_tags = CalendarTags(context.route.expr);
  return response;
}

// The expression.
std::optional<std::string> DaysCacheKey(const Route& route, Clock&) {
  return route.expr.ToString();
}

// For pages without parameters (the home page): "".
std::optional<std::string> NoParameters(const Route&, Clock&) { return std::string(); }

}  // namespace coolpapers::web
