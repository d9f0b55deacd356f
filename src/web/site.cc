#include "web/site.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "web/http_status.h"
#include "web/router.h"
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

}  // namespace

Site::Site(store::Store& store, SiteOptions options, SiteServices services)
    : store_(store),
      services_(std::move(services)),
      frame_(std::move(options.frame)),
      cache_(options.cache),
      watcher_([this] { return store_.ChangeStamp(); },
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
  Response response = Dispatch(request);
  // Every answer, page or not: no MIME sniffing, no full URLs in Referer to other sites, and
  // no framing by other sites (clickjacking).
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.emplace_back("Content-Security-Policy", "frame-ancestors 'self'");
  return response;
}

Response Site::Dispatch(const Request& request) {
  const bool api_target = IsApiTarget(request.target);
  Result<Route> route = ParseRoute(request.target);
  const RouteEntry* entry = route ? route->entry : nullptr;
  const bool post = request.method == "POST";
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
    return StaticAssetResponse(request.target, request.accepts_gzip);
  }
  if (!route) return MakeErrorResponse(route.error(), FormatFor(api_target), frame_);

  PageCache* cache = CacheFor(entry->cache);
  const std::optional<std::string> key = cache ? CacheKeyFor(*entry, *route) : std::nullopt;
  if (key) {
    if (std::optional<Response> hit = CachedResponse(*cache, *key, request)) return *hit;
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
