// /api/related/<id>: the papers most related to one paper ([REL] on its card) and the keywords
// that relate them, which the front end also uses for preference sorting and the word cloud.
#ifndef COOLPAPERS_WEB_RELATED_ROUTE_H_
#define COOLPAPERS_WEB_RELATED_ROUTE_H_

#include <optional>
#include <string>

#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {

// {"id", "keywords": [...], "papers": [...]} for the route (kRelated), at most route.show
// papers. kUnavailable without an index (services.searcher null), kNotFound for a paper the
// index does not hold; store and index errors pass through.
[[nodiscard]] Result<Response> HandleRelated(const RouteContext& context);

// The paper and show.
std::optional<std::string> RelatedCacheKey(const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_RELATED_ROUTE_H_
