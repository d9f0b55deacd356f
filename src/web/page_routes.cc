#include "web/page_routes.h"

#include <utility>
#include <vector>

#include "web/api/api_json.h"
#include "web/pages/home_page.h"
#include "web/pages/list_page.h"
#include "web/view_loader.h"

namespace coolpapers::web {

Result<Response> HandleHome(const RouteContext& context) {
  Result<HomeView> view = LoadHomeView(context.store, context.services.harvest_state);
  if (!view) return std::unexpected(view.error());
  return MakePageResponse(kHtmlType, RenderHomePage(*view));
}

Result<Response> HandleList(const RouteContext& context) {
  const Route& route = context.route;
  Result<ListView> view = LoadListView(context.store, context.services.harvest_state, route.expr,
                                       route.date, route.skip, route.show);
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderListJson(*view));
  return MakePageResponse(kHtmlType,
                          route.fragment ? RenderListFragment(*view) : RenderListPage(*view));
}

std::optional<std::string> ListCacheKey(const Route& route) {
  return route.expr.ToString() + '|' + (route.date ? route.date->ToIso() : "newest") + '|' +
         std::to_string(route.skip) + '|' + std::to_string(route.show) +
         (route.fragment && !route.api ? "|fragment" : "");
}

Result<Response> HandleDays(const RouteContext& context) {
  Result<std::vector<Date>> days = context.store.ListingDays(context.route.expr);
  if (!days) return std::unexpected(days.error());
  return MakePageResponse(kJsonType, RenderDaysJson(context.route.expr, *days));
}

std::optional<std::string> DaysCacheKey(const Route& route) { return route.expr.ToString(); }

std::optional<std::string> NoParameters(const Route&) { return std::string(); }

}  // namespace coolpapers::web
