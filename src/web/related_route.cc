#include "web/related_route.h"

#include <vector>

#include "search/searcher.h"
#include "web/api/api_json.h"

namespace coolpapers::web {

Result<Response> HandleRelated(const RouteContext& context) {
  const Route& route = context.route;
  search::Searcher* searcher = context.services.searcher;
  if (searcher == nullptr) {
    return Fail(ErrorCode::kUnavailable, "related papers are not available on this instance yet",
                "the site was started without a search index");
  }
  const std::string& id = route.ids.front().str();
  Result<search::RelatedPapers> related =
      searcher->Related(id, static_cast<int>(std::min<int64_t>(route.show, search::kMaxResults)));
  if (!related) return std::unexpected(related.error());
  std::vector<std::string> ids;
  ids.reserve(related->hits.size());
  for (const search::SearchHit& hit : related->hits) ids.push_back(hit.paper_id);
  Result<std::vector<Paper>> papers = context.store.PapersByIds(ids);
  if (!papers) return std::unexpected(papers.error());
  return MakePageResponse(kJsonType, RenderRelatedJson(id, related->keywords, *papers));
}

std::optional<std::string> RelatedCacheKey(const Route& route) {
  return route.ids.front().str() + '|' + std::to_string(route.show);
}

}  // namespace coolpapers::web
