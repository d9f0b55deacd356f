// /api/openapi.json: the API's OpenAPI description (web/api/openapi_document.h). The entry is
// in route_table.cc.
#include <string>

#include "web/api/openapi_document.h"
#include "web/route_context.h"

namespace coolpapers::web {

// The document, cacheable for a minute like a page (and with its ETag: site.cc).
Result<Response> HandleOpenApi(const RouteContext&) {
  return MakePageResponse(kJsonType, std::string(OpenApiDocument()));
}

}  // namespace coolpapers::web
