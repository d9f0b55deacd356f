// /api/related/<id>: the papers most related to one paper ([REL] on its card) and the keywords
// that relate them, which the front end also uses for preference sorting and the word cloud.
// The entry is in route_table.cc.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/venue.h"
#include "search/searcher.h"
#include "web/api/api_json.h"
#include "web/route_context.h"
#include "web/search_loader.h"

namespace coolpapers::web {
namespace {

// The paper whose related papers are asked for: an arXiv id (route.ids) or a venue id
// (route.params), as ParseRelated put it.
const std::string& RelatedId(const Route& route) {
  return route.params.empty() ? route.ids.front().str() : route.params.front();
}

}  // namespace

// /api/related/<id>, the id as written (its version ignored), or a venue paper's id
// ("2024.naacl-long.431@ACL", kept in route.params). Errors: ArxivId::Parse's or
// ParseVenuePaperId's.
std::optional<Result<Route>> ParseRelated(const RouteTarget& target, Route route) {
  constexpr std::string_view kRelated = "/api/related/";
  if (!target.path.starts_with(kRelated)) return std::nullopt;
  const std::string_view subject = target.path.substr(kRelated.size());
  if (subject.find('@') != std::string_view::npos) {
    Result<VenuePaperId> venue_id = ParseVenuePaperId(subject);
    if (!venue_id) return std::unexpected(venue_id.error());
    route.params.push_back(venue_id->ToString());
    return route;
  }
  Result<ArxivId> id = ArxivId::Parse(subject);
  if (!id) return std::unexpected(id.error());
  route.ids.push_back(*std::move(id));
  return route;
}

// {"id", "keywords": [...], "papers": [...]}, at most route.show papers. kUnavailable without an
// index (services.searcher null), kNotFound for a paper the index does not hold; store and
// index errors pass through.
Result<Response> HandleRelated(const RouteContext& context) {
  const Route& route = context.route;
  search::Searcher* searcher = context.services.searcher;
  if (searcher == nullptr) {
    return Fail(ErrorCode::kUnavailable, "related papers are not available on this instance yet",
                "the site was started without a search index");
  }
  const std::string& id = RelatedId(route);
  Result<search::RelatedPapers> related =
      searcher->Related(id, static_cast<int>(std::min<int64_t>(route.show, search::kMaxResults)));
  if (!related) return std::unexpected(related.error());
  std::vector<std::string> ids;
  ids.reserve(related->hits.size());
  for (const search::SearchHit& hit : related->hits) ids.push_back(hit.paper_id);
  // Related papers cross branches: an arXiv paper's may be venue papers, and the other way round.
  Result<std::vector<SearchCard>> papers = LoadCards(context.store, context.services.venues, ids);
  if (!papers) return std::unexpected(papers.error());
  return MakePageResponse(kJsonType, RenderRelatedJson(id, related->keywords, *papers));
}

// The paper and show.
std::optional<std::string> RelatedCacheKey(const Route& route, Clock&) {
  return RelatedId(route) + '|' + std::to_string(route.show);
}

}  // namespace coolpapers::web
