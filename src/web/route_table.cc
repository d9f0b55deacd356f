#include "web/route_table.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace coolpapers::web {

// Each route's functions, defined in its handler file (named on the right) and declared only
// here, next to the entry that uses them; their contracts are in the handler files. Handlers:
// route_context.h's RouteHandler. Parsers: router.h's RouteParser, claiming the targets named.
// Cache keys: CacheKeyFunction, every parameter that changes the answer.

// page_routes.cc
Result<Response> HandleHome(const RouteContext& context);
Result<Response> HandleList(const RouteContext& context);
Result<Response> HandleDays(const RouteContext& context);
std::optional<Result<Route>> ParseList(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseListFeed(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseDays(const RouteTarget& target, Route route);
std::optional<std::string> ListCacheKey(const Route& route, Clock&);
std::optional<std::string> DaysCacheKey(const Route& route, Clock&);
std::optional<std::string> NoParameters(const Route& route, Clock&);
// paper_route.cc
Result<Response> HandlePapers(const RouteContext& context);
std::optional<Result<Route>> ParsePapers(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseFaqLink(const RouteTarget& target, Route route);
std::optional<std::string> PapersCacheKey(const Route& route, Clock&);
// fixed_routes.cc
Result<Response> HandleHealth(const RouteContext& context);
Result<Response> HandleStatus(const RouteContext& context);
Result<Response> HandleOpenSearch(const RouteContext& context);
Result<Response> HandleRobots(const RouteContext& context);
Result<Response> HandleRedirect(const RouteContext& context);
// search_route.cc
Result<Response> HandleSearch(const RouteContext& context);
std::optional<Result<Route>> ParseSearch(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseSearchFeed(const RouteTarget& target, Route route);
std::optional<std::string> SearchCacheKey(const Route& route, Clock& clock);
// feed/feed_route.cc
Result<Response> HandleListFeed(const RouteContext& context);
Result<Response> HandleSearchFeed(const RouteContext& context);
// related_route.cc
Result<Response> HandleRelated(const RouteContext& context);
std::optional<Result<Route>> ParseRelated(const RouteTarget& target, Route route);
std::optional<std::string> RelatedCacheKey(const Route& route, Clock&);
// pdf_route.cc
Result<Response> HandlePdf(const RouteContext& context);
std::optional<Result<Route>> ParsePdf(const RouteTarget& target, Route route);
// faq_route.cc
Result<Response> HandleFaq(const RouteContext& context);
Result<Response> HandleFaqStream(const RouteContext& context);
std::optional<Result<Route>> ParseFaq(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseFaqStream(const RouteTarget& target, Route route);
// click_route.cc
Result<Response> HandleClicks(const RouteContext& context);
std::optional<Result<Route>> ParseClicks(const RouteTarget& target, Route route);
// metrics_route.cc
Result<Response> HandleMetrics(const RouteContext& context);
// token_route.cc
Result<Response> HandleToken(const RouteContext& context);
// translation_route.cc
Result<Response> HandleTranslations(const RouteContext& context);
std::optional<Result<Route>> ParseTranslations(const RouteTarget& target, Route route);
// openapi_route.cc
Result<Response> HandleOpenApi(const RouteContext& context);
// venue_route.cc
Result<Response> HandleVenue(const RouteContext& context);
std::optional<Result<Route>> ParseVenue(const RouteTarget& target, Route route);
std::optional<Result<Route>> ParseVenueFeed(const RouteTarget& target, Route route);
std::optional<std::string> VenueCacheKey(const Route& route, Clock&);
Result<Response> HandleVenueFeed(const RouteContext& context);

namespace {

using enum CachePolicy;


// One entry per route, two or three lines each, so that the table reads as a table. The order
// is the router's: the first entry that claims a path answers it, so search comes before the
// lists (/arxiv/search is no category), the feeds before their lists, and faq_stream before faq.
// clang-format off
constexpr std::array kEntries = {
    RouteEntry{.name = "home", .path = "/", .cache = kStorePages, .cache_key = NoParameters,
               .limit = LimitClass::kRender, .handler = HandleHome},
    RouteEntry{.name = "health", .path = "/healthz", .handler = HandleHealth},
    RouteEntry{.name = "search", .parse = ParseSearch, .cache = kSearchPages,
               .cache_key = SearchCacheKey, .limit = LimitClass::kSearch,
               .handler = HandleSearch},
    RouteEntry{.name = "search_feed", .parse = ParseSearchFeed, .cache = kSearchPages,
               .cache_key = SearchCacheKey, .errors = ErrorFormat::kHtml,
               .keyed_by_origin = true, .limit = LimitClass::kSearch, .handler = HandleSearchFeed},
    RouteEntry{.name = "days", .parse = ParseDays, .cache = kStorePages,
               .cache_key = DaysCacheKey, .limit = LimitClass::kRender, .handler = HandleDays},
    RouteEntry{.name = "clicks", .parse = ParseClicks, .accepts_post = true,
               .errors = ErrorFormat::kJson, .limit = LimitClass::kClick, .limit_posts_only = true,
               .handler = HandleClicks},
    RouteEntry{.name = "translations", .parse = ParseTranslations, .accepts_post = true,
               .limit = LimitClass::kModel, .limit_posts_only = true,
               .handler = HandleTranslations},
    RouteEntry{.name = "related", .parse = ParseRelated, .cache = kSearchPages,
               .cache_key = RelatedCacheKey, .limit = LimitClass::kSearch,
               .handler = HandleRelated},
    RouteEntry{.name = "pdf", .parse = ParsePdf, .limit = LimitClass::kPdf, .handler = HandlePdf},
    RouteEntry{.name = "faq_stream", .parse = ParseFaqStream, .handler = HandleFaqStream},
    RouteEntry{.name = "faq", .parse = ParseFaq, .accepts_post = true, .limit = LimitClass::kModel,
               .limit_posts_only = true, .handler = HandleFaq},
    RouteEntry{.name = "opensearch", .path = "/opensearch.xml", .handler = HandleOpenSearch},
    RouteEntry{.name = "robots", .path = "/robots.txt", .handler = HandleRobots},
    RouteEntry{.name = "status", .path = "/api/status", .handler = HandleStatus},
    RouteEntry{.name = "openapi", .path = "/api/openapi.json", .handler = HandleOpenApi},
    // Before the lists, which would read "kimi" as a category.
    RouteEntry{.name = "faq_link", .parse = ParseFaqLink, .handler = HandleRedirect},
    RouteEntry{.name = "metrics", .path = "/metrics", .errors = ErrorFormat::kJson,
               .handler = HandleMetrics},
    RouteEntry{.name = "token", .path = "/api/token", .accepts_post = true,
               .errors = ErrorFormat::kJson, .limit = LimitClass::kToken,
               .limit_posts_only = true, .handler = HandleToken},
    RouteEntry{.name = "list_feed", .parse = ParseListFeed, .cache = kStorePages,
               .cache_key = ListCacheKey, .errors = ErrorFormat::kHtml, .keyed_by_origin = true,
               .limit = LimitClass::kRender, .handler = HandleListFeed},
    RouteEntry{.name = "list", .parse = ParseList, .cache = kStorePages,
               .cache_key = ListCacheKey, .limit = LimitClass::kRender, .handler = HandleList},
    RouteEntry{.name = "papers", .parse = ParsePapers, .cache = kStorePages,
               .cache_key = PapersCacheKey, .limit = LimitClass::kRender,
               .handler = HandlePapers},
    // Before venue, which would read "ICLR/feed" as a venue's name.
    RouteEntry{.name = "venue_feed", .parse = ParseVenueFeed, .cache = kStorePages,
               .cache_key = VenueCacheKey, .errors = ErrorFormat::kHtml, .keyed_by_origin = true,
               .limit = LimitClass::kRender, .handler = HandleVenueFeed},
    RouteEntry{.name = "venue", .parse = ParseVenue, .cache = kStorePages,
               .cache_key = VenueCacheKey, .limit = LimitClass::kRender, .handler = HandleVenue},
    // Reached through RedirectRoute, from the list, papers, pdf, search and faq_link parsers.
    RouteEntry{.name = "redirect", .handler = HandleRedirect},
};
// clang-format on

}  // namespace

std::span<const RouteEntry> RouteEntries() { return kEntries; }

const RouteEntry& RouteEntryNamed(std::string_view name) {
  const auto* entry = std::find_if(kEntries.begin(), kEntries.end(),
                                   [name](const RouteEntry& e) { return e.name == name; });
  assert(entry != kEntries.end() && "RouteEntryNamed asks for an entry of the table");
  return *entry;
}

std::string_view AllowedMethods(const RouteEntry& entry) {
  return entry.accepts_post ? "GET, HEAD, POST" : "GET, HEAD";
}

ErrorFormat ErrorFormatFor(const RouteEntry& entry, const Route& route) {
  if (entry.errors) return *entry.errors;
  return route.api ? ErrorFormat::kJson : ErrorFormat::kHtml;
}

std::optional<std::string> CacheKeyFor(const RouteEntry& entry, const Route& route,
                                       Clock& clock) {
  if (entry.cache == kNone || entry.cache_key == nullptr) return std::nullopt;
  std::optional<std::string> parameters = entry.cache_key(route, clock);
  if (!parameters) return std::nullopt;
  std::string key(entry.name);
  key += route.api ? "|json|" : "|html|";
  key += *parameters;
  return key;
}

}  // namespace coolpapers::web
