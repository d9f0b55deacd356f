#include "web/search_route.h"

#include "web/api/api_json.h"
#include "web/search_loader.h"

namespace coolpapers::web {

Result<Response> HandleSearch(const RouteContext& context) {
  const Route& route = context.route;
  Result<SearchView> view =
      LoadSearchViewIfIndexed(context.store, context.services.searcher, route);
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderSearchJson(*view));
  return MakePageResponse(kHtmlType, RenderSearchPage(*view));
}

std::optional<std::string> SearchCacheKey(const Route& route) {
  if (route.sort == SearchOrder::kStars) return std::nullopt;
  // The query last: it may hold any character, '|' too.
  return std::to_string(route.skip) + '|' + std::to_string(route.show) + '|' +
         std::to_string(static_cast<int>(route.sort)) + (route.highlight ? "|marked|" : "|") +
         route.query;
}

}  // namespace coolpapers::web
