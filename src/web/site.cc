#include "web/site.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utc_day.h"
#include "web/cache_tags.h"
#include "web/client_address.h"
#include "web/conditional_get.h"
#include "web/http_status.h"
#include "web/router.h"
#include "web/site_metrics.h"
#include "web/static_files.h"

namespace coolpapers::web {
namespace {

ErrorFormat FormatFor(bool api) { return api ? ErrorFormat::kJson : ErrorFormat::kHtml; }

// `options` with `share` of its byte bound.
PageCacheOptions WithBudget(PageCacheOptions options, double share) {
  options.max_bytes = static_cast<size_t>(static_cast<double>(options.max_bytes) * share);
  return options;
}

// The page stored under `key`, gzip-encoded when the client takes gzip and it is ready.
std::optional<Response> CachedResponse(const PageCache& cache, const std::string& key,
                                       const Request& request) {
  std::optional<CachedPage> page = cache.Lookup(key);
  if (!page) return std::nullopt;
  Response response;
  response.content_type = page->content_type;
  response.headers = *page->headers;
  if (request.accepts_gzip && page->gzip) {
    response.body = std::move(page->gzip);
    response.gzipped = true;
  } else {
    response.body = std::move(page->body);
  }
  return response;
}

// What search results depend on: the index (its commits and rebuilds) and the store (the cards'
// text), folded into one stamp that moves when either does.
Result<uint64_t> SearchStamp(store::Store& store, search::Searcher& searcher) {
  Result<uint64_t> store_stamp = store.ChangeStamp();
  if (!store_stamp) return std::unexpected(store_stamp.error());
  Result<uint64_t> revision = searcher.Revision();
  if (!revision) return std::unexpected(revision.error());
  return (*store_stamp * 0x9E3779B97F4A7C15ULL) ^ *revision;
}

// The answer to a CORS preflight (OPTIONS) for an API target: any origin may GET it, with the
// validators of a conditional request; POSTs stay same-origin.
Response PreflightResponse() {
  Response response;
  response.status = 204;
  response.content_type = kTextType;
  response.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD");
  response.headers.emplace_back("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
  response.headers.emplace_back("Access-Control-Max-Age", "86400");
  return response;
}

// A page a reader may keep (not no-store, not streamed) gets an ETag from its body when its
// handler gave none, so that a reload is answered 304 (server.cc) like a feed's.
void AddBodyValidator(Response& response) {
  if (response.status != 200 || response.stream || !response.Header("ETag").empty()) return;
  if (response.Header("Cache-Control") == "no-store") return;
  response.headers.emplace_back("ETag", BodyETag(*response.body));
}

// What the store's pages depend on: the store, and on the home page how the harvest stands
// (its banner), folded into one stamp that moves when either does.
Result<uint64_t> PageStamp(store::Store& store, const HarvestProgressReader& harvest_progress) {
  Result<uint64_t> store_stamp = store.ChangeStamp();
  if (!store_stamp || !harvest_progress) return store_stamp;
  Result<HarvestProgress> progress = harvest_progress();
  if (!progress) return std::unexpected(progress.error());
  uint64_t stamp = *store_stamp;
  const auto mix = [&stamp](uint64_t value) { stamp = (stamp ^ value) * 0x100000001B3ULL; };
  mix(static_cast<uint64_t>(progress->checked));
  mix(static_cast<uint64_t>(progress->pending));
  mix(static_cast<uint64_t>(progress->failing));
  mix(std::hash<std::string>{}(progress->problem));
  mix(progress->retry_at ? static_cast<uint64_t>(progress->retry_at->time_since_epoch().count()) : 0);
  return stamp;
}

}  // namespace

Site::Site(store::Store& store, SiteOptions options, SiteServices services)
    : store_(store),
      services_(std::move(services)),
      frame_(std::move(options.frame)),
      cache_(WithBudget(options.cache, kPageCacheShare)),
      page_sync_(store_, cache_, [this] { return PageStamp(store_, services_.harvest_progress); }),
      watcher_([this] { return page_sync_.Poll(); }, options.change_poll),
      search_cache_(WithBudget(options.cache, 1 - kPageCacheShare)),
      limiter_(std::move(options.limits), services_.clock),
      click_allowance_(limiter_.limits().click_readers_per_client, limiter_.limits().max_clients,
                       services_.clock),
      faq_watchers_(std::make_shared<WatcherQuota>(limiter_.limits().faq_streams_per_paper,
                                                   limiter_.limits().faq_streams_per_client)) {
  if (services_.searcher) {
    search_watcher_.emplace(
        [this]() -> Result<void> {
          Result<uint64_t> stamp = SearchStamp(store_, *services_.searcher);
          if (!stamp) return std::unexpected(stamp.error());
          search_cache_.Invalidate(*stamp);
          return {};
        },
        options.change_poll);
  }
}

PageCache* Site::CacheFor(CachePolicy policy) {
  switch (policy) {
    case CachePolicy::kNone:
      return nullptr;
    case CachePolicy::kStorePages:
      return &cache_;
    case CachePolicy::kSearchPages:
      return search_watcher_ ? &search_cache_ : nullptr;
  }
  return nullptr;
}

Response Site::Handle(const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string_view route_name = "none";
  std::optional<Response> response = Dispatch(request, route_name, Reach::kEverything);
  return Finish(request, route_name, started, *std::move(response));
}

std::optional<Response> Site::HandleQuick(const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string_view route_name = "none";
  std::optional<Response> response = Dispatch(request, route_name, Reach::kQuickOnly);
  if (!response) return std::nullopt;
  return Finish(request, route_name, started, *std::move(response));
}

Response Site::Finish(const Request& request, std::string_view route_name,
                      std::chrono::steady_clock::time_point started, Response response) const {
  if (services_.metrics != nullptr) {
    services_.metrics->RecordRequest(route_name, response.status,
                                     std::chrono::steady_clock::now() - started);
  }
  // The API is open to pages of any origin, for reading (CORS).
  if (IsApiTarget(request.target) && (IsReadMethod(request.method) || request.method == "OPTIONS")) {
    response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  }
  // Every answer, page or not: no MIME sniffing, no full URLs in Referer to other sites, and
  // no framing by other sites (clickjacking).
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.emplace_back("Content-Security-Policy", "frame-ancestors 'self'");
  return response;
}

std::optional<Response> Site::Dispatch(const Request& request, std::string_view& route_name,
                                       Reach reach) {
  const bool api_target = IsApiTarget(request.target);
  Result<Route> route = ParseRoute(request.target);
  const RouteEntry* entry = route ? route->entry : nullptr;
  if (entry != nullptr) route_name = entry->name;
  const bool post = request.method == "POST";
  if (request.method == "OPTIONS" && api_target) return PreflightResponse();
  // A POST to an /api/ target that does not parse (a click with kind=html) gets the route's
  // error, which says more than a 405 would.
  const bool allowed =
      IsReadMethod(request.method) || (post && (entry ? entry->accepts_post : api_target));
  if (!allowed) {
    const std::string_view methods = entry ? AllowedMethods(*entry) : "GET, HEAD";
    Response response = MakeErrorResponse(
        405, "method_not_allowed",
        "method " + std::string(request.method) + " is not allowed here: expected " +
            std::string(methods),
        FormatFor(api_target), frame_);
    response.headers.emplace_back("Allow", std::string(methods));
    return response;
  }
  // The front end's files, embedded and immutable: before the route's error and the page cache.
  if (IsAssetTarget(request.target)) {
    route_name = "asset";
    return StaticAssetResponse(request.target, request.accepts_gzip);
  }
  if (!route) {
    // A target that does not parse costs a token of the renders bucket, as a render would:
    // no reader mistypes thousands a second, and a flood of hostile paths (the strangers
    // benchmark's 15 KB category expressions, each refused in microseconds) then gets held
    // 429s instead of taking the cores from readers.
    if (!IsAdmin(request)) {
      if (std::optional<Response> refused =
              TakeToken(request, ClientOf(request), LimitClass::kRender, FormatFor(api_target))) {
        return refused;
      }
    }
    return MakeErrorResponse(route.error(), FormatFor(api_target), frame_);
  }

  PageCache* cache = CacheFor(entry->cache);
  std::optional<std::string> key =
      cache ? CacheKeyFor(*entry, *route, *services_.clock) : std::nullopt;
  if (key && entry->keyed_by_origin) *key += "|" + RequestOrigin(request);
  if (key) {
    std::optional<Response> hit = CachedResponse(*cache, *key, request);
    // A quick miss is looked up again by the full dispatch, which counts it.
    if (services_.metrics != nullptr && (hit || reach == Reach::kEverything)) {
      services_.metrics->RecordCacheLookup(cache == &cache_ ? "pages" : "search", hit.has_value());
    }
    if (hit) return *std::move(hit);
  }
  if (reach == Reach::kQuickOnly) return std::nullopt;
  const uint64_t generation = key ? cache->generation() : 0;
  const bool admin = IsAdmin(request);
  const std::string client = ClientOf(request);
  if (!admin && (post || !entry->limit_posts_only)) {
    if (std::optional<Response> refused =
            TakeToken(request, client, entry->limit, ErrorFormatFor(*entry, *route))) {
      return refused;
    }
  }
  if (entry->limit == LimitClass::kModel && post && services_.model_budget_spent &&
      services_.model_budget_spent()) {
    return Held(BudgetSpent(ErrorFormatFor(*entry, *route)), request.peer);
  }
  const RouteContext context{.route = *route,
                             .request = request,
                             .store = store_,
                             .services = services_,
                             .frame = frame_,
                             .post = post,
                             .admin = admin,
                             .client = client,
                             .click_allowance = &click_allowance_,
                             .faq_watchers = faq_watchers_.get()};
  Result<Response> response = entry->handler(context);
  if (!response) {
    if (HttpStatusFor(response.error().code) >= 500) LogServerError(request, response.error());
    return MakeErrorResponse(response.error(), ErrorFormatFor(*entry, *route), frame_);
  }
  AddBodyValidator(*response);
  if (key && response->status == 200) {
    std::vector<std::string> tags = std::move(response->cache_tags);
    if (tags.empty()) tags.emplace_back(kStoreTag);
    cache->Insert(*key, response->body, generation, response->headers, response->content_type,
                  std::move(tags));
  }
  return *std::move(response);
}

Response Site::TooManyRequests(LimitClass limit, std::chrono::seconds wait,
                               ErrorFormat format) const {
  const std::string seconds = std::to_string(wait.count());
  Response response = MakeErrorResponse(
      429, "rate_limited",
      "Too many " + std::string(LimitClassNoun(limit)) +
          " from your address in a short while. Please wait " + seconds +
          (wait.count() == 1 ? " second" : " seconds") + " and try again.",
      format, frame_);
  response.headers.emplace_back("Retry-After", seconds);
  return response;
}

std::string Site::ClientOf(const Request& request) const {
  return ClientAddress(request.peer, request.forwarded_for, limiter_.limits().trusted_proxies);
}

std::optional<Response> Site::TakeToken(const Request& request, std::string_view client,
                                        LimitClass limit, ErrorFormat format) {
  std::optional<std::chrono::seconds> wait = limiter_.Take(client, limit);
  if (!wait) return std::nullopt;
  return Held(TooManyRequests(limit, *wait, format), request.peer);
}

Response Site::Held(Response refusal, std::string_view peer) const {
  const std::vector<std::string>& proxies = limiter_.limits().trusted_proxies;
  if (std::ranges::find(proxies, peer) == proxies.end()) {
    refusal.hold = limiter_.limits().refusal_hold;
  }
  return refusal;
}

Response Site::BudgetSpent(ErrorFormat format) const {
  Response response = MakeErrorResponse(
      429, "model_budget_spent",
      "Today's budget of model answers is spent. New FAQs and translations can be asked for "
      "again after 00:00 UTC; the ones already made can still be read.",
      format, frame_);
  response.headers.emplace_back("Retry-After",
                                std::to_string(UntilNextUtcDay(*services_.clock).count()));
  return response;
}

bool Site::IsAdmin(const Request& request) const {
  return !services_.admin_token.empty() &&
         SameSecret(TokenOfCookie(request.cookie), services_.admin_token);
}

}  // namespace coolpapers::web
