// The routes that answer without a page: /healthz, /api/status, /opensearch.xml and the 301
// from a non-canonical spelling of a list, paper or PDF URL to the canonical one.
#ifndef COOLPAPERS_WEB_FIXED_ROUTES_H_
#define COOLPAPERS_WEB_FIXED_ROUTES_H_

#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"

namespace coolpapers::web {

// /healthz: "ok <N> papers" (text, no-store), or a 503 error JSON when the store does not answer.
[[nodiscard]] Result<Response> HandleHealth(const RouteContext& context);

// /api/status: the JSON of SiteServices::status (no-store); 404 error JSON when the instance
// does not report its status, 503 when it cannot be read.
[[nodiscard]] Result<Response> HandleStatus(const RouteContext& context);

// /opensearch.xml: the OpenSearch description (web/opensearch.h), cacheable for a minute.
[[nodiscard]] Result<Response> HandleOpenSearch(const RouteContext& context);

// kRedirect: 301 to route.location, which browsers may keep for a day.
[[nodiscard]] Result<Response> HandleRedirect(const RouteContext& context);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FIXED_ROUTES_H_
