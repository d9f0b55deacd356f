#include "web/search_route.h"

#include "web/api/api_json.h"
#include "web/search_loader.h"

namespace coolpapers::web {

Result<std::string> RenderSearchRoute(store::Store& store, search::Searcher* searcher,
                                      const Route& route) {
  Result<SearchView> view = LoadSearchViewIfIndexed(store, searcher, route);
  if (!view) return std::unexpected(view.error());
  return route.api ? RenderSearchJson(*view) : RenderSearchPage(*view);
}

}  // namespace coolpapers::web
