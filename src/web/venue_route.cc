// The venue branch: /venue/ (every edition), /venue/<NAME.YEAR> and /venue/<NAME> (its newest
// edition) [?group=G&show=N&skip=M&fragment=1; sort= is the browser's, as on a day list],
// /venue/<id>@<SOURCE>[,<id>...] (venue papers by id), with /api/venue/... as JSON, and the
// feeds /venue/<NAME>/feed, /venue/<NAME.YEAR>/feed and /venue/latest/feed. The entries are in
// route_table.cc; what is read in venue_loader.h, the pages in pages/venue_page.h, the JSON in api/venue_json.h, the
// feeds in feed/venue_feed.h.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/venue.h"
#include "web/api/venue_json.h"
#include "web/feed/feed_route.h"
#include "web/feed/venue_feed.h"
#include "web/http_status.h"
#include "web/pages/venue_page.h"
#include "web/route_context.h"
#include "web/venue_loader.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kVenuePrefix = "/venue/";
constexpr std::string_view kApiVenuePrefix = "/api/venue/";
constexpr std::string_view kFeedSuffix = "/feed";
// route.params[0]: which page; the rest are its subject.
constexpr std::string_view kIndexPage = "index";      // {}
constexpr std::string_view kEditionPage = "edition";  // {subject, [group]}
constexpr std::string_view kPapersPage = "papers";    // {id, id, ...}
// The feed of the newest editions (of any venue), /venue/latest/feed.
constexpr std::string_view kLatest = "latest";

// The ids of /venue/<id>[,<id>...], each parsed and spelled canonically ("0042@2024@IJCAI" as
// "42@2024@IJCAI"), duplicates dropped.
Result<Route> ParseIds(std::string_view subject, Route route) {
  route.params.emplace_back(kPapersPage);
  while (true) {
    const size_t comma = subject.find(',');
    Result<VenuePaperId> id = ParseVenuePaperId(subject.substr(0, comma));
    if (!id) return std::unexpected(id.error());
    std::string text = id->ToString();
    if (std::ranges::find(route.params, text) == route.params.end()) {
      if (route.params.size() > kMaxIdsPerPage) {
        return Fail(ErrorCode::kInvalidArgument,
                    "too many venue paper ids: expected at most " +
                        std::to_string(kMaxIdsPerPage) + " on one page");
      }
      route.params.push_back(std::move(text));
    }
    if (comma == std::string_view::npos) break;
    subject.remove_prefix(comma + 1);
  }
  return route;
}

// 501 when the site was started without a venue store (`serve` always opens one; a Site
// built for another purpose, e.g. a tool or a test, may not).
Response NoVenues(const RouteContext& context, ErrorFormat format) {
  return MakeErrorResponse(501, "not_implemented",
                           "this site serves no conference venues: it was started without a "
                           "venue store",
                           format, context.frame);
}

VenueEditionRequest EditionRequest(const Route& route) {
  VenueEditionRequest request;
  request.subject = route.params[1];
  if (route.params.size() > 2) request.group = route.params[2];
  request.skip = route.skip;
  request.show = route.show;
  return request;
}

}  // namespace

// /venue/<subject> and /api/venue/<subject>: ids (the subject holds "@"), or an edition tag or a
// venue's name (any other subject: the handler answers 404 naming what exists), with the
// optional ?group=; /venue/ and /api/venue/ alone, the index. Errors: ParseVenuePaperId's
// kInvalidArgument; too many ids (kMaxIdsPerPage).
std::optional<Result<Route>> ParseVenue(const RouteTarget& target, Route route) {
  const std::string_view prefix = route.api ? kApiVenuePrefix : kVenuePrefix;
  if (target.path == prefix || target.path == prefix.substr(0, prefix.size() - 1)) {
    route.params.emplace_back(kIndexPage);
    return route;
  }
  const std::optional<std::string_view> subject = PathSubject(target.path, prefix);
  if (!subject) return std::nullopt;
  if (subject->find('@') != std::string_view::npos) return ParseIds(*subject, std::move(route));
  route.params.emplace_back(kEditionPage);
  route.params.emplace_back(*subject);
  if (std::optional<std::string> group = target.Parameter("group")) {
    route.params.push_back(*std::move(group));
  }
  return route;
}

// /venue/<NAME>/feed, /venue/<NAME.YEAR>/feed (params {subject}) and /venue/latest/feed
// (params {"latest"}). Never under /api/.
std::optional<Result<Route>> ParseVenueFeed(const RouteTarget& target, Route route) {
  if (route.api) return std::nullopt;
  const std::optional<std::string_view> subject = PathSubject(target.path, kVenuePrefix);
  if (!subject || !subject->ends_with(kFeedSuffix)) return std::nullopt;
  const std::string_view name = subject->substr(0, subject->size() - kFeedSuffix.size());
  if (name.empty() || name.find('/') != std::string_view::npos) return std::nullopt;
  route.feed = true;
  route.params.emplace_back(name);
  return route;
}

// The index, the edition's slice (HTML, its fragment, or JSON) or the papers. 501 when the site
// keeps no venues; 404 for an edition, venue, group or ids the store lacks, naming what exists.
Result<Response> HandleVenue(const RouteContext& context) {
  const Route& route = context.route;
  store::VenueStore* venues = context.services.venues;
  if (venues == nullptr) {
    return NoVenues(context, route.api ? ErrorFormat::kJson : ErrorFormat::kHtml);
  }
  const std::string_view page = route.params.front();
  if (page == kIndexPage) {
    Result<VenueIndexView> view = LoadVenueIndex(*venues);
    if (!view) return std::unexpected(view.error());
    if (route.api) return MakePageResponse(kJsonType, RenderVenueIndexJson(*view));
    return MakePageResponse(kHtmlType, RenderVenueIndexPage(*view, context.frame));
  }
  if (page == kEditionPage) {
    Result<VenueEditionView> view =
        LoadVenueEditionView(*venues, EditionRequest(route));
    if (!view) return std::unexpected(view.error());
    if (route.api) return MakePageResponse(kJsonType, RenderVenueEditionJson(*view));
    if (route.fragment) return MakePageResponse(kHtmlType, RenderVenueEditionFragment(*view));
    return MakePageResponse(kHtmlType, RenderVenueEditionPage(*view, context.frame));
  }
  const std::vector<std::string> ids(route.params.begin() + 1, route.params.end());
  Result<VenuePapersView> view = LoadVenuePapersView(*venues, ids);
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderVenuePapersJson(*view));
  return MakePageResponse(kHtmlType, RenderVenuePapersPage(*view, context.frame));
}

// An edition's feed (every paper of it) or the latest editions'. Errors as HandleVenue's.
Result<Response> HandleVenueFeed(const RouteContext& context) {
  store::VenueStore* venues = context.services.venues;
  if (venues == nullptr) return NoVenues(context, ErrorFormat::kHtml);
  const std::string& subject = context.route.params.front();
  const std::string origin = RequestOrigin(context.request);
  if (subject == kLatest) {
    Result<VenueIndexView> index = LoadVenueIndex(*venues);
    if (!index) return std::unexpected(index.error());
    return FeedResponse(RenderLatestVenuesFeed(*index, origin));
  }
  VenueEditionRequest request;
  request.subject = subject;
  request.show = kVenueFeedPapers;
  Result<VenueEditionView> view = LoadVenueEditionView(*venues, request);
  if (!view) return std::unexpected(view.error());
  return FeedResponse(RenderVenueEditionFeed(*view, "/venue/" + subject + "/feed", origin));
}

// The page, the subject (tag, name or ids) and group, a "\x1f" apart so that no group name can
// fake another key, then the slice and the fragment flag.
std::optional<std::string> VenueCacheKey(const Route& route, Clock&) {
  std::string key;
  for (const std::string& param : route.params) key += param + '\x1f';
  key += std::to_string(route.skip) + '|' + std::to_string(route.show) + '|' +
         (route.fragment && !route.api ? "|fragment" : "");
  return key;
}

}  // namespace coolpapers::web
