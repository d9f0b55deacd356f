#include "web/route_table.h"

#include <chrono>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace coolpapers::web {
namespace {

Route Parsed(std::string_view target) {
  Result<Route> route = ParseRoute(target);
  EXPECT_TRUE(route.has_value()) << target;
  return route ? *route : Route{};
}

const RouteEntry& EntryOf(const Route& route) { return *route.entry; }

// 2025-05-14 12:00:30 UTC: half a minute into a minute.
constexpr std::chrono::sys_seconds kNoonAndAHalfMinute{std::chrono::seconds(1'747'224'030)};

TEST(RouteTable, HasAnEntryForEveryTargetTheRouterParses) {
  const struct {
    const char* target;
    std::string_view entry;
  } kCases[] = {
      {"/", "home"},
      {"/healthz", "health"},
      {"/api/status", "status"},
      {"/api/openapi.json", "openapi"},
      {"/api/token", "token"},
      {"/arxiv/cs.AI", "list"},
      {"/api/arxiv/cs.AI", "list"},
      {"/arxiv/cs.AI/feed", "list_feed"},
      {"/arxiv/2401.06769", "papers"},
      {"/arxiv/cs.CL,cs.AI", "redirect"},
      {"/pdf/1406.02661", "redirect"},
      {"/arxiv/search?query=x", "search"},
      {"/arxiv/search/feed?query=x", "search_feed"},
      {"/api/search?query=x", "search"},
      {"/api/related/2401.06769", "related"},
      {"/opensearch.xml", "opensearch"},
      {"/pdf/2401.06769", "pdf"},
      {"/api/faq/2401.06769", "faq"},
      {"/api/faq/2401.06769/stream", "faq_stream"},
      {"/api/days/cs.AI", "days"},
      {"/api/clicks/2401.06769", "clicks"},
      {"/api/translations/2401.06769", "translations"},
  };
  for (const auto& c : kCases) {
    const Route route = Parsed(c.target);
    ASSERT_NE(route.entry, nullptr) << c.target;
    EXPECT_EQ(route.entry->name, c.entry) << c.target;
    EXPECT_EQ(&RouteEntryNamed(c.entry), route.entry) << c.target;
  }
}

TEST(RouteTable, EntriesAreWellFormed) {
  std::set<std::string_view> names;
  for (const RouteEntry& entry : RouteEntries()) {
    EXPECT_TRUE(names.insert(entry.name).second) << "two entries named " << entry.name;
    EXPECT_NE(entry.handler, nullptr) << entry.name;
    EXPECT_EQ(entry.cache == CachePolicy::kNone, entry.cache_key == nullptr) << entry.name;
    EXPECT_FALSE(!entry.path.empty() && entry.parse != nullptr)
        << entry.name << " has both an exact path and a parser";
  }
}

TEST(AllowedMethods, OffersPostOnlyWhereARouteTakesIt) {
  for (const std::string_view name : {"faq", "clicks", "translations"}) {
    EXPECT_EQ(AllowedMethods(RouteEntryNamed(name)), "GET, HEAD, POST") << name;
  }
  for (const std::string_view name : {"home", "list", "papers", "days", "faq_stream", "search"}) {
    EXPECT_EQ(AllowedMethods(RouteEntryNamed(name)), "GET, HEAD") << name;
    EXPECT_FALSE(RouteEntryNamed(name).accepts_post) << name;
  }
}

TEST(RouteTable, CacheKeysNameTheEntryAndTheFormat) {
  coolpapers::testing::FakeClock clock(kNoonAndAHalfMinute);
  const Route list = Parsed("/arxiv/cs.AI?show=50");
  EXPECT_EQ(CacheKeyFor(EntryOf(list), list, clock), "list|html|cs.AI|newest|0|50");
  const Route feed = Parsed("/arxiv/cs.AI/feed?show=50");
  EXPECT_EQ(CacheKeyFor(EntryOf(feed), feed, clock), "list_feed|html|cs.AI|newest|0|50");
  const Route api = Parsed("/api/arxiv/cs.AI?show=50");
  EXPECT_EQ(CacheKeyFor(EntryOf(api), api, clock), "list|json|cs.AI|newest|0|50");
}

// Issue #18 finding 6: the key was the raw query, so a trailing space missed the cache, and
// sort=stars was never cached.
TEST(RouteTable, ASearchsKeyIgnoresSpacingAndParameterOrder) {
  coolpapers::testing::FakeClock clock(kNoonAndAHalfMinute);
  const Route plain = Parsed("/arxiv/search?query=deep+learning&sort=time&show=50");
  const auto key = CacheKeyFor(EntryOf(plain), plain, clock);
  ASSERT_TRUE(key.has_value());
  for (const char* target : {"/arxiv/search?show=50&sort=time&query=deep+learning",
                             "/arxiv/search?query=deep%20%20learning%20&sort=time&show=50",
                             "/arxiv/search?query=%09deep%0Alearning&show=50&sort=time"}) {
    const Route route = Parsed(target);
    EXPECT_EQ(route.query, "deep learning") << target;
    EXPECT_EQ(CacheKeyFor(EntryOf(route), route, clock), key) << target;
  }
  const Route other = Parsed("/arxiv/search?query=deep+learning&sort=time&show=25");
  EXPECT_NE(CacheKeyFor(EntryOf(other), other, clock), key);
  // Stars: cached too, under the minute (clicks move that order without any stamp).
  const Route stars = Parsed("/arxiv/search?query=x&sort=stars");
  const auto stars_key = CacheKeyFor(EntryOf(stars), stars, clock);
  ASSERT_TRUE(stars_key.has_value());
  EXPECT_NE(stars_key->find('@'), std::string::npos) << *stars_key;
}

// The stars order is kept for the site clock's minute (not the machine's), so a test can
// drive it: the same key until the minute turns, another one after.
TEST(RouteTable, AStarsSearchsKeyChangesWithTheSiteClocksMinute) {
  coolpapers::testing::FakeClock clock(kNoonAndAHalfMinute);
  const Route stars = Parsed("/arxiv/search?query=x&sort=stars");
  const auto first = CacheKeyFor(EntryOf(stars), stars, clock);
  ASSERT_TRUE(first.has_value());
  EXPECT_NE(first->find("@29120400"), std::string::npos) << *first;  // minutes since 1970
  clock.Advance(std::chrono::seconds(29));
  EXPECT_EQ(CacheKeyFor(EntryOf(stars), stars, clock), first);
  clock.Advance(std::chrono::seconds(1));
  const auto next = CacheKeyFor(EntryOf(stars), stars, clock);
  EXPECT_NE(next, first);
  EXPECT_NE(next->find("@29120401"), std::string::npos) << *next;
  // Other orders hold no time.
  const Route time = Parsed("/arxiv/search?query=x&sort=time");
  EXPECT_EQ(CacheKeyFor(EntryOf(time), time, clock).value().find('@'), std::string::npos);
}

TEST(RouteTable, ASearchPageHoldsAtMost1000Results) {
  EXPECT_TRUE(ParseRoute("/arxiv/search?query=x&show=1000").has_value());
  const Result<Route> more = ParseRoute("/arxiv/search?query=x&show=2000&highlight=1");
  ASSERT_FALSE(more.has_value());
  EXPECT_EQ(more.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(more.error().message.find("expected 1..1000"), std::string::npos) << more.error().message;
  EXPECT_TRUE(ParseRoute("/arxiv/cs.AI?show=2000").has_value());  // lists keep 2000
}

TEST(RouteTable, LeavesUncachedWhatMustNotBeKept) {
  coolpapers::testing::FakeClock clock;
  for (const char* target : {"/api/clicks/2401.06769", "/api/faq/2401.06769", "/healthz"}) {
    const Route route = Parsed(target);
    EXPECT_EQ(CacheKeyFor(EntryOf(route), route, clock), std::nullopt) << target;
  }
}

TEST(RouteTable, ShowsErrorsAsJsonUnderApiAndForClicks) {
  const Route page = Parsed("/arxiv/cs.AI");
  EXPECT_EQ(ErrorFormatFor(EntryOf(page), page), ErrorFormat::kHtml);
  const Route api = Parsed("/api/arxiv/cs.AI");
  EXPECT_EQ(ErrorFormatFor(EntryOf(api), api), ErrorFormat::kJson);
  const Route feed = Parsed("/arxiv/search/feed?query=x");
  EXPECT_EQ(ErrorFormatFor(EntryOf(feed), feed), ErrorFormat::kHtml);
}

}  // namespace
}  // namespace coolpapers::web
