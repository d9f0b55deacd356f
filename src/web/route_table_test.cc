#include "web/route_table.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

Route Parsed(std::string_view target) {
  Result<Route> route = ParseRoute(target);
  EXPECT_TRUE(route.has_value()) << target;
  return route ? *route : Route{};
}

TEST(RouteTable, HasOneEntryForEveryTargetTheRouterParses) {
  for (const char* target :
       {"/", "/healthz", "/api/status", "/arxiv/cs.AI", "/api/arxiv/cs.AI", "/arxiv/cs.AI/feed",
        "/arxiv/2401.06769", "/arxiv/cs.CL,cs.AI", "/arxiv/search?query=x",
        "/arxiv/search/feed?query=x", "/api/search?query=x", "/api/related/2401.06769",
        "/opensearch.xml", "/pdf/2401.06769", "/api/faq/2401.06769",
        "/api/faq/2401.06769/stream", "/api/days/cs.AI", "/api/clicks/2401.06769",
        "/api/translations/2401.06769"}) {
    const Route route = Parsed(target);
    const RouteEntry& entry = FindRouteEntry(route);
    EXPECT_EQ(entry.kind, route.kind) << target;
    EXPECT_EQ(entry.feed, route.feed) << target;
  }
}

TEST(RouteTable, EntriesAreWellFormed) {
  std::set<std::string_view> names;
  for (const RouteEntry& entry : RouteEntries()) {
    EXPECT_TRUE(names.insert(entry.name).second) << "two entries named " << entry.name;
    EXPECT_NE(entry.handler, nullptr) << entry.name;
    EXPECT_EQ(entry.cache == CachePolicy::kNone, entry.cache_key == nullptr) << entry.name;
  }
}

TEST(RouteTable, CacheKeysNameTheEntryAndTheFormat) {
  const Route list = Parsed("/arxiv/cs.AI?show=50");
  EXPECT_EQ(CacheKeyFor(FindRouteEntry(list), list), "list|html|cs.AI|newest|0|50");
  const Route feed = Parsed("/arxiv/cs.AI/feed?show=50");
  EXPECT_EQ(CacheKeyFor(FindRouteEntry(feed), feed), "list_feed|html|cs.AI|newest|0|50");
  const Route api = Parsed("/api/arxiv/cs.AI?show=50");
  EXPECT_EQ(CacheKeyFor(FindRouteEntry(api), api), "list|json|cs.AI|newest|0|50");
}

TEST(RouteTable, LeavesUncachedWhatMustNotBeKept) {
  for (const char* target : {"/api/clicks/2401.06769", "/api/faq/2401.06769", "/healthz",
                             "/arxiv/search?query=x&sort=stars"}) {
    const Route route = Parsed(target);
    EXPECT_EQ(CacheKeyFor(FindRouteEntry(route), route), std::nullopt) << target;
  }
}

TEST(RouteTable, ShowsErrorsAsJsonUnderApiAndForClicks) {
  const Route page = Parsed("/arxiv/cs.AI");
  EXPECT_EQ(ErrorFormatFor(FindRouteEntry(page), page), ErrorFormat::kHtml);
  const Route api = Parsed("/api/arxiv/cs.AI");
  EXPECT_EQ(ErrorFormatFor(FindRouteEntry(api), api), ErrorFormat::kJson);
  const Route feed = Parsed("/arxiv/search/feed?query=x");
  EXPECT_EQ(ErrorFormatFor(FindRouteEntry(feed), feed), ErrorFormat::kHtml);
}

}  // namespace
}  // namespace coolpapers::web
