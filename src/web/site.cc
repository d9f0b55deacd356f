#include "web/site.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <functional>
#include <utility>

#include "web/conditional_get.h"
#include "web/http_status.h"
#include "web/router.h"
#include "web/site_metrics.h"
#include "web/static_files.h"

namespace coolpapers::web {
namespace {

ErrorFormat FormatFor(bool api) { return api ? ErrorFormat::kJson : ErrorFormat::kHtml; }


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
      cache_(options.cache),
      watcher_([this] { return PageStamp(store_, services_.harvest_progress); },
               [this](uint64_t stamp) { cache_.Invalidate(stamp); }, options.change_poll),
      search_cache_(options.cache) {
  if (services_.searcher) {
    search_watcher_.emplace([this] { return SearchStamp(store_, *services_.searcher); },
                            [this](uint64_t stamp) { search_cache_.Invalidate(stamp); },
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
  Response response = Dispatch(request, route_name);
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

Response Site::Dispatch(const Request& request, std::string_view& route_name) {
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
  if (!route) return MakeErrorResponse(route.error(), FormatFor(api_target), frame_);

  PageCache* cache = CacheFor(entry->cache);
  std::optional<std::string> key = cache ? CacheKeyFor(*entry, *route) : std::nullopt;
  if (key && entry->keyed_by_origin) *key += "|" + RequestOrigin(request);
  if (key) {
    std::optional<Response> hit = CachedResponse(*cache, *key, request);
    if (services_.metrics != nullptr) {
      services_.metrics->RecordCacheLookup(cache == &cache_ ? "pages" : "search", hit.has_value());
    }
    if (hit) return *std::move(hit);
  }
  const uint64_t generation = key ? cache->generation() : 0;
  const RouteContext context{.route = *route,
                             .request = request,
                             .store = store_,
                             .services = services_,
                             .frame = frame_,
                             .post = post,
                             .admin = IsAdmin(request)};
  Result<Response> response = entry->handler(context);
  if (!response) {
    if (HttpStatusFor(response.error().code) >= 500) LogServerError(request, response.error());
    return MakeErrorResponse(response.error(), ErrorFormatFor(*entry, *route), frame_);
  }
  AddBodyValidator(*response);
  if (key && response->status == 200) {
    cache->Insert(*key, response->body, generation, response->headers, response->content_type);
  }
  return *std::move(response);
}

bool Site::IsAdmin(const Request& request) const {
  return !services_.admin_token.empty() &&
         SameSecret(TokenOfCookie(request.cookie), services_.admin_token);
}

}  // namespace coolpapers::web
