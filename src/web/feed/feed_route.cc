#include "web/feed/feed_route.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>

#include "core/clock.h"
#include "web/cache_tags.h"
#include "web/conditional_get.h"
#include "web/feed/atom_feed.h"
#include "web/like_ranking.h"
#include "web/pages/search_page.h"
#include "web/route_context.h"
#include "web/search_loader.h"
#include "web/view_loader.h"

namespace coolpapers::web {
namespace {

UtcTime NewestOf(const std::vector<Paper>& papers, UtcTime at_least) {
  for (const Paper& paper : papers) at_least = std::max(at_least, PaperUpdated(paper));
  return at_least;
}

// Sets `cache_tags` to what the feed shows (cache_tags.h).
Result<std::string> RenderListFeed(store::Store& store, store::HarvestState* harvest,
                                   search::Searcher* searcher, const Route& route,
                                   std::string origin, std::vector<std::string>& cache_tags) {
  // A feed carries the whole day: readers see every paper, not the page's first slice.
  Result<ListView> list = LoadListView(store, harvest, route.expr, route.date, 0, kMaxShow);
  if (!list) return std::unexpected(list.error());
  cache_tags = ListTags(*list, route.expr, !route.date);
  FeedView feed;
  const std::string expression = route.expr.ToString();
  feed.title = "coolpapers: " + list->heading;
  // The personal feed: the day ranked by the reader's stars and keywords, best matches first.
  std::string query = LikeQuery(route);
  if (route.like) {
    Route whole_day = route;
    whole_day.skip = 0;
    whole_day.show = kMaxShow;
    if (Result<void> ranked = RankListView(searcher, whole_day, *list); !ranked) {
      return std::unexpected(ranked.error());
    }
    feed.title += ", like my stars";
  }
  // A dated feed says so in its links: its self link is what a reader subscribes to.
  if (route.date) query = "date=" + route.date->ToIso() + (query.empty() ? "" : "&" + query);
  const std::string parameters = query.empty() ? "" : "?" + query;
  feed.self_path = "/arxiv/" + expression + "/feed" + parameters;
  feed.html_path = "/arxiv/" + expression + parameters;
  feed.origin = std::move(origin);
  for (ListedCard& card : list->cards) feed.papers.push_back(std::move(card.paper));
  feed.updated = NewestOf(feed.papers, UtcTime(list->day.days()));
  return RenderAtomFeed(feed);
}

// The newest listing day of the whole store, as a time; `fallback` when nothing is listed. An
// empty search feed's <updated>: it changed no later than the store did, and never in 1970.
Result<UtcTime> NewestListingTime(store::Store& store, UtcTime fallback) {
  Result<std::vector<store::CategoryDay>> days = store.NewestDayPerCategory();
  if (!days) return std::unexpected(days.error());
  if (days->empty()) return fallback;
  Date newest = days->front().newest_day;
  for (const store::CategoryDay& day : *days) newest = std::max(newest, day.newest_day);
  return UtcTime(newest.days());
}

Result<std::string> RenderSearchFeed(store::Store& store, search::Searcher* searcher,
                                     const Route& route, std::string origin, Clock& clock) {
  // An Atom entry is an arXiv paper's (atom_feed.h): the venue papers a query matches are left
  // out (no venue store given), and the venue feeds are /venue/<NAME>/feed.
  Result<SearchView> view = LoadSearchViewIfIndexed(store, nullptr, searcher, route);
  if (!view) return std::unexpected(view.error());
  if (view->query.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "a search feed needs a query: /arxiv/search/feed?query=words");
  }
  FeedView feed;
  feed.title = "coolpapers search: " + view->query;
  feed.self_path = SearchUrl(*view, view->skip, "/arxiv/search/feed");
  // A feed's own default order is time (ParseSearchFeed), so relevance is written out.
  if (view->sort == SearchOrder::kRelevance) feed.self_path += "&sort=relevance";
  feed.html_path = SearchUrl(*view, view->skip);
  feed.origin = std::move(origin);
  for (SearchCard& card : view->cards) feed.papers.push_back(std::move(card.paper));
  if (feed.papers.empty()) {
    Result<UtcTime> newest = NewestListingTime(
        store, std::chrono::floor<std::chrono::seconds>(clock.WallNow()));
    if (!newest) return std::unexpected(newest.error());
    feed.updated = *newest;
  } else {
    feed.updated = NewestOf(feed.papers, UtcTime{});
  }
  return RenderAtomFeed(feed);
}

// "Wed, 14 May 2025 00:00:00 GMT" (RFC 9110's IMF-fixdate) from the feed's first
// "<updated>2025-05-14T00:00:00Z</updated>"; "" when the body has none.
std::string LastModified(const std::string& body) {
  constexpr std::string_view kOpen = "<updated>";
  const size_t at = body.find(kOpen);
  if (at == std::string::npos || at + kOpen.size() + 20 > body.size()) return {};
  int year = 0;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(body.c_str() + at + kOpen.size(), "%4d-%2u-%2uT%2u:%2u:%2uZ", &year, &month, &day,
                  &hour, &minute, &second) != 6) {
    return {};
  }
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month),
                                        std::chrono::day(day)};
  if (!ymd.ok()) return {};
  static constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::weekday weekday{std::chrono::sys_days(ymd)};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02u:%02u:%02u GMT",
                kWeekdays[weekday.c_encoding()], day, kMonths[month - 1], year, hour, minute,
                second);
  return text;
}

}  // namespace

// /arxiv/<expr>/feed: the list's day asked (or the newest), every paper of it; with sort=like,
// the reader's personal feed (like_ranking.h).
// services.harvest_state may be null. Errors as LoadListView.
Result<Response> HandleListFeed(const RouteContext& context) {
  std::vector<std::string> cache_tags;
  Result<std::string> body =
      RenderListFeed(context.store, context.services.harvest_state, context.services.searcher,
                     context.route, RequestOrigin(context.request), cache_tags);
  if (!body) return std::unexpected(body.error());
  Response response = FeedResponse(*std::move(body));
  response.cache_tags = std::move(cache_tags);
  return response;
}

// /arxiv/search/feed: the search's query, sort, skip and show. kUnavailable without a searcher;
// other errors as LoadSearchView.
Result<Response> HandleSearchFeed(const RouteContext& context) {
  Result<std::string> body =
      RenderSearchFeed(context.store, context.services.searcher, context.route,
                       RequestOrigin(context.request), *context.services.clock);
  if (!body) return std::unexpected(body.error());
  return FeedResponse(*std::move(body));
}

Response FeedResponse(std::string body) {
  PageHeaders validators = FeedValidators(body);
  Response response = MakePageResponse(kAtomType, std::move(body));
  // The validators belong to the identity body and hold for both encodings.
  response.headers.insert(response.headers.end(), validators.begin(), validators.end());
  return response;
}

PageHeaders FeedValidators(const std::string& body) {
  PageHeaders headers;
  headers.emplace_back("ETag", BodyETag(body));
  if (std::string modified = LastModified(body); !modified.empty()) {
    headers.emplace_back("Last-Modified", std::move(modified));
  }
  return headers;
}

}  // namespace coolpapers::web
