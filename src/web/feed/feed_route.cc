#include "web/feed/feed_route.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>

#include "web/feed/atom_feed.h"
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

Result<std::string> RenderListFeed(store::Store& store, store::HarvestState* harvest,
                                   const Route& route) {
  // A feed carries the whole day: readers see every paper, not the page's first slice.
  Result<ListView> list = LoadListView(store, harvest, route.expr, route.date, 0, kMaxShow);
  if (!list) return std::unexpected(list.error());
  FeedView feed;
  const std::string expression = route.expr.ToString();
  feed.title = "coolpapers: " + list->heading;
  feed.self_path = "/arxiv/" + expression + "/feed";
  feed.html_path = "/arxiv/" + expression;
  for (ListedCard& card : list->cards) feed.papers.push_back(std::move(card.paper));
  feed.updated = NewestOf(feed.papers, UtcTime(list->day.days()));
  return RenderAtomFeed(feed);
}

Result<std::string> RenderSearchFeed(store::Store& store, search::Searcher* searcher,
                                     const Route& route) {
  Result<SearchView> view = LoadSearchViewIfIndexed(store, searcher, route);
  if (!view) return std::unexpected(view.error());
  if (view->query.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "a search feed needs a query: /arxiv/search/feed?query=words");
  }
  FeedView feed;
  feed.title = "coolpapers search: " + view->query;
  feed.self_path = SearchUrl(*view, view->skip, "/arxiv/search/feed");
  feed.html_path = SearchUrl(*view, view->skip);
  for (SearchCard& card : view->cards) feed.papers.push_back(std::move(card.paper));
  feed.updated = NewestOf(feed.papers, UtcTime{});
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

// Atom, cacheable for a minute, with its validators (FeedValidators).
Response FeedResponse(std::string body) {
  PageHeaders validators = FeedValidators(body);
  Response response = MakePageResponse(kAtomType, std::move(body));
  // The validators belong to the identity body and hold for both encodings.
  response.headers.insert(response.headers.end(), validators.begin(), validators.end());
  return response;
}

}  // namespace

// /arxiv/<expr>/feed: the list's day asked (or the newest), every paper of it.
// services.harvest_state may be null. Errors as LoadListView.
Result<Response> HandleListFeed(const RouteContext& context) {
  Result<std::string> body =
      RenderListFeed(context.store, context.services.harvest_state, context.route);
  if (!body) return std::unexpected(body.error());
  return FeedResponse(*std::move(body));
}

// /arxiv/search/feed: the search's query, sort, skip and show. kUnavailable without a searcher;
// other errors as LoadSearchView.
Result<Response> HandleSearchFeed(const RouteContext& context) {
  Result<std::string> body =
      RenderSearchFeed(context.store, context.services.searcher, context.route);
  if (!body) return std::unexpected(body.error());
  return FeedResponse(*std::move(body));
}

PageHeaders FeedValidators(const std::string& body) {
  PageHeaders headers;
  char etag[24];
  std::snprintf(etag, sizeof etag, "\"%016zx\"", std::hash<std::string>{}(body));
  headers.emplace_back("ETag", etag);
  if (std::string modified = LastModified(body); !modified.empty()) {
    headers.emplace_back("Last-Modified", std::move(modified));
  }
  return headers;
}

}  // namespace coolpapers::web
