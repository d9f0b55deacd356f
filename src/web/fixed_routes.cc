// The routes that answer without a page: /healthz, /api/status, /opensearch.xml (exact paths in
// their entries, route_table.cc) and the 301 from a non-canonical spelling of a list, paper or
// PDF URL to the canonical one (RedirectRoute).
#include <memory>
#include <string>
#include <string_view>

#include "web/http_status.h"
#include "web/opensearch.h"
#include "web/route_context.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kRobotsTxt =
    "User-agent: *\n"
    "Disallow: /api/\n"
    "Disallow: /pdf/\n"
    "Disallow: /arxiv/search\n"
    "Disallow: /venue/search\n";

}  // namespace

// /healthz: "ok <N> papers" (text, no-store), or a 503 error JSON when the store does not answer.
Result<Response> HandleHealth(const RouteContext& context) {
  Result<int64_t> count = context.store.PaperCount();
  if (!count) {
    return MakeErrorResponse(503, ErrorCodeName(count.error().code),
                             "the store does not answer: " + count.error().message,
                             ErrorFormat::kJson);
  }
  return MakeUncachedResponse(200, kTextType, "ok " + std::to_string(*count) + " papers\n");
}

// /api/status: the JSON of SiteServices::status (no-store); 404 error JSON when the instance
// does not report its status, 503 when it cannot be read.
Result<Response> HandleStatus(const RouteContext& context) {
  if (!context.services.status) {
    return MakeErrorResponse(404, "not_found", "this instance does not report its status",
                             ErrorFormat::kJson);
  }
  Result<std::string> status = context.services.status(context.admin);
  if (!status) {
    return MakeErrorResponse(503, ErrorCodeName(status.error().code),
                             "the status cannot be read: " + status.error().message,
                             ErrorFormat::kJson);
  }
  return MakeUncachedResponse(200, kJsonType, *std::move(status));
}

// /opensearch.xml: the OpenSearch description (web/opensearch.h), cacheable for a minute.
Result<Response> HandleOpenSearch(const RouteContext&) {
  return MakePageResponse(kOpenSearchType, std::string(kOpenSearchXml));
}

// /robots.txt: crawlers are welcome on the day lists, papers and feeds (cached pages), and kept
// off what costs work per request: the API, PDFs, search and the FAQ.
Result<Response> HandleRobots(const RouteContext&) {
  return MakePageResponse(kTextType, std::string(kRobotsTxt));
}

// 301 to route.location, which browsers may keep for a day.
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
