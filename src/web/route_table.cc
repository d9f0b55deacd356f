#include "web/route_table.h"

#include <array>
#include <cassert>

#include "web/click_route.h"
#include "web/faq_route.h"
#include "web/feed/feed_route.h"
#include "web/fixed_routes.h"
#include "web/page_routes.h"
#include "web/paper_route.h"
#include "web/pdf_route.h"
#include "web/related_route.h"
#include "web/search_route.h"
#include "web/translation_route.h"

namespace coolpapers::web {
namespace {

using enum CachePolicy;

// One entry per route, two or three lines each, so that the table reads as a table.
// clang-format off
constexpr std::array kEntries = {
    RouteEntry{.name = "home", .kind = RouteKind::kHome, .cache = kStorePages,
               .cache_key = NoParameters, .handler = HandleHome},
    RouteEntry{.name = "health", .kind = RouteKind::kHealth, .handler = HandleHealth},
    RouteEntry{.name = "status", .kind = RouteKind::kStatus, .handler = HandleStatus},
    RouteEntry{.name = "list", .kind = RouteKind::kList, .cache = kStorePages,
               .cache_key = ListCacheKey, .handler = HandleList},
    RouteEntry{.name = "list_feed", .kind = RouteKind::kList, .feed = true, .cache = kStorePages,
               .cache_key = ListCacheKey, .errors = ErrorFormat::kHtml, .handler = HandleFeed},
    RouteEntry{.name = "papers", .kind = RouteKind::kPapers, .cache = kStorePages,
               .cache_key = PapersCacheKey, .handler = HandlePapers},
    RouteEntry{.name = "redirect", .kind = RouteKind::kRedirect, .handler = HandleRedirect},
    RouteEntry{.name = "search", .kind = RouteKind::kSearch, .cache = kSearchPages,
               .cache_key = SearchCacheKey, .handler = HandleSearch},
    RouteEntry{.name = "search_feed", .kind = RouteKind::kSearch, .feed = true,
               .cache = kSearchPages, .cache_key = SearchCacheKey, .errors = ErrorFormat::kHtml,
               .handler = HandleFeed},
    RouteEntry{.name = "related", .kind = RouteKind::kRelated, .cache = kSearchPages,
               .cache_key = RelatedCacheKey, .handler = HandleRelated},
    RouteEntry{.name = "opensearch", .kind = RouteKind::kOpenSearch, .handler = HandleOpenSearch},
    RouteEntry{.name = "pdf", .kind = RouteKind::kPdf, .handler = HandlePdf},
    RouteEntry{.name = "faq", .kind = RouteKind::kFaq, .accepts_post = true, .handler = HandleFaq},
    RouteEntry{.name = "faq_stream", .kind = RouteKind::kFaqStream, .handler = HandleFaqStream},
    RouteEntry{.name = "days", .kind = RouteKind::kDays, .cache = kStorePages,
               .cache_key = DaysCacheKey, .handler = HandleDays},
    RouteEntry{.name = "clicks", .kind = RouteKind::kClicks, .accepts_post = true,
               .errors = ErrorFormat::kJson, .handler = HandleClicks},
    RouteEntry{.name = "translations", .kind = RouteKind::kTranslations, .accepts_post = true,
               .handler = HandleTranslations},
};
// clang-format on

const RouteEntry* FindEntry(RouteKind kind, bool feed) {
  for (const RouteEntry& entry : kEntries) {
    if (entry.kind == kind && entry.feed == feed) return &entry;
  }
  return nullptr;
}

}  // namespace

std::span<const RouteEntry> RouteEntries() { return kEntries; }

const RouteEntry& FindRouteEntry(const Route& route) {
  const RouteEntry* entry = FindEntry(route.kind, route.feed);
  assert(entry != nullptr && "every RouteKind the router makes has an entry");
  return *entry;
}

std::string_view AllowedMethods(const RouteEntry& entry) {
  return entry.accepts_post ? "GET, HEAD, POST" : "GET, HEAD";
}

ErrorFormat ErrorFormatFor(const RouteEntry& entry, const Route& route) {
  if (entry.errors) return *entry.errors;
  return route.api ? ErrorFormat::kJson : ErrorFormat::kHtml;
}

std::optional<std::string> CacheKeyFor(const RouteEntry& entry, const Route& route) {
  if (entry.cache == kNone || entry.cache_key == nullptr) return std::nullopt;
  std::optional<std::string> parameters = entry.cache_key(route);
  if (!parameters) return std::nullopt;
  std::string key(entry.name);
  key += route.api ? "|json|" : "|html|";
  key += *parameters;
  return key;
}

// Declared in router.h, where the method rules of a RouteKind were first asked for.
bool AcceptsPost(RouteKind kind) {
  const RouteEntry* entry = FindEntry(kind, false);
  return entry != nullptr && entry->accepts_post;
}

std::string_view AllowedMethods(RouteKind kind) {
  const RouteEntry* entry = FindEntry(kind, false);
  return entry != nullptr ? AllowedMethods(*entry) : "GET, HEAD";
}

}  // namespace coolpapers::web
