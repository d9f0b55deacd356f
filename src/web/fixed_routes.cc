#include "web/fixed_routes.h"

#include <memory>
#include <string>

#include "web/http_status.h"
#include "web/opensearch.h"

namespace coolpapers::web {

Result<Response> HandleHealth(const RouteContext& context) {
  Result<int64_t> count = context.store.PaperCount();
  if (!count) {
    return MakeErrorResponse(503, ErrorCodeName(count.error().code),
                             "the store does not answer: " + count.error().message,
                             ErrorFormat::kJson);
  }
  return MakeUncachedResponse(200, kTextType, "ok " + std::to_string(*count) + " papers\n");
}

Result<Response> HandleStatus(const RouteContext& context) {
  if (!context.services.status) {
    return MakeErrorResponse(404, "not_found", "this instance does not report its status",
                             ErrorFormat::kJson);
  }
  Result<std::string> status = context.services.status();
  if (!status) {
    return MakeErrorResponse(503, ErrorCodeName(status.error().code),
                             "the status cannot be read: " + status.error().message,
                             ErrorFormat::kJson);
  }
  return MakeUncachedResponse(200, kJsonType, *std::move(status));
}

Result<Response> HandleOpenSearch(const RouteContext&) {
  return MakePageResponse(kOpenSearchType, std::string(kOpenSearchXml));
}

Result<Response> HandleRedirect(const RouteContext& context) {
  const std::string& location = context.route.location;
  Response response;
  response.status = 301;
  response.content_type = kTextType;
  response.body = std::make_shared<const std::string>("Moved to " + location + "\n");
  response.headers.emplace_back("Location", location);
  response.headers.emplace_back("Cache-Control", "max-age=86400");
  return response;
}

}  // namespace coolpapers::web
