#include "web/site.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "web/api/api_json.h"
#include "web/click_route.h"
#include "web/faq_route.h"
#include "web/translation_route.h"
#include "web/pages/fetch_page.h"
#include "web/http_status.h"
#include "web/pages/home_page.h"
#include "web/pdf_route.h"
#include "web/related_route.h"
#include "web/router.h"
#include "web/search_route.h"
#include "web/static_files.h"
#include "web/feed/atom_feed.h"
#include "web/feed/feed_route.h"
#include "web/opensearch.h"
#include "web/view_loader.h"

namespace coolpapers::web {
namespace {

// Short enough that a reader sees a new day soon after an import, long enough for a reload.
constexpr std::string_view kPageCacheControl = "max-age=60";

ErrorFormat FormatFor(bool api) { return api ? ErrorFormat::kJson : ErrorFormat::kHtml; }

// Every parameter that changes a page's bytes, so two requests share an entry exactly when
// they would render the same page.
std::string CacheKey(const Route& route) {
  std::string key = route.api ? "json|" : "html|";
  switch (route.kind) {
    case RouteKind::kHome:
      key += "home";
      break;
    case RouteKind::kList:
      key += "list|" + route.expr.ToString() + '|' + (route.date ? route.date->ToIso() : "newest") +
             '|' + std::to_string(route.skip) + '|' + std::to_string(route.show) +
             (route.fragment && !route.api ? "|fragment" : "");
      break;
    case RouteKind::kPapers:
      key += "papers";
      for (const ArxivId& id : route.ids) key += '|' + id.str();
      break;
    case RouteKind::kDays:
      key += "days|" + route.expr.ToString();
      break;
    case RouteKind::kSearch:  // the query last: it may hold any character, '|' too
      key += "search|" + std::to_string(route.skip) + '|' + std::to_string(route.show) + '|' +
             std::to_string(static_cast<int>(route.sort)) + (route.highlight ? "|marked|" : "|") +
             route.query;
      break;
    case RouteKind::kRelated:
      key += "related|" + route.ids.front().str() + '|' + std::to_string(route.show);
      break;
    case RouteKind::kHealth:
    case RouteKind::kStatus:
    case RouteKind::kRedirect:
    case RouteKind::kOpenSearch:
    case RouteKind::kPdf:
    case RouteKind::kFaq:
    case RouteKind::kFaqStream:
    case RouteKind::kClicks:
    case RouteKind::kTranslations:
      break;  // never cached
  }
  return key;
}

Result<std::string> RenderRoute(store::Store& store, store::HarvestState* harvest,
                                const Route& route) {
  switch (route.kind) {
    case RouteKind::kHome: {
      Result<HomeView> view = LoadHomeView(store, harvest);
      if (!view) return std::unexpected(view.error());
      return RenderHomePage(*view);
    }
    case RouteKind::kList: {
      Result<ListView> view = LoadListView(store, harvest, route.expr, route.date, route.skip, route.show);
      if (!view) return std::unexpected(view.error());
      if (route.api) return RenderListJson(*view);
      return route.fragment ? RenderListFragment(*view) : RenderListPage(*view);
    }
    case RouteKind::kPapers: {
      Result<PapersView> view = LoadPapersView(store, route.ids);
      if (!view) return std::unexpected(view.error());
      return route.api ? RenderPapersJson(*view) : RenderPaperPage(*view);
    }
    case RouteKind::kDays: {
      Result<std::vector<Date>> days = store.ListingDays(route.expr);
      if (!days) return std::unexpected(days.error());
      return RenderDaysJson(route.expr, *days);
    }
    case RouteKind::kHealth:
    case RouteKind::kStatus:
    case RouteKind::kRedirect:
    case RouteKind::kSearch:
    case RouteKind::kRelated:
    case RouteKind::kOpenSearch:
    case RouteKind::kPdf:
    case RouteKind::kFaq:
    case RouteKind::kFaqStream:
    case RouteKind::kClicks:
    case RouteKind::kTranslations:
      break;
  }
  return Fail(ErrorCode::kInternal, "this page cannot be rendered", "RenderRoute: unexpected kind");
}

Response PageResponse(const Route& route, std::shared_ptr<const std::string> body) {
  Response response;
  response.content_type = route.api ? kJsonType : kHtmlType;
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", kPageCacheControl);
  response.headers.emplace_back("Vary", "Accept-Encoding");
  return response;
}

// The page stored under `key`, gzip-encoded when the client takes gzip and it is ready.
std::optional<Response> CachedResponse(const PageCache& cache, const std::string& key,
                                       const Route& route, const Request& request) {
  std::optional<CachedPage> page = cache.Lookup(key);
  if (!page) return std::nullopt;
  if (request.accepts_gzip && page->gzip) {
    Response response = PageResponse(route, std::move(page->gzip));
    response.gzipped = true;
    return response;
  }
  return PageResponse(route, std::move(page->body));
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

Response RedirectResponse(std::string location) {
  Response response;
  response.status = 301;
  response.content_type = kTextType;
  response.body = std::make_shared<const std::string>("Moved to " + location + "\n");
  response.headers.emplace_back("Location", std::move(location));
  response.headers.emplace_back("Cache-Control", "max-age=86400");
  return response;
}

Response HealthResponse(store::Store& store) {
  Result<int64_t> count = store.PaperCount();
  if (!count) {
    Response response = MakeErrorResponse(503, ErrorCodeName(count.error().code),
                                          "the store does not answer: " + count.error().message,
                                          ErrorFormat::kJson);
    return response;
  }
  Response response;
  response.content_type = kTextType;
  response.body = std::make_shared<const std::string>("ok " + std::to_string(*count) + " papers\n");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The user sees the error's message; the log gets the detail, which never reaches the page.
void LogServerError(const Request& request, const Error& error) {
  std::fprintf(stderr, "coolpapers: %.*s %.*s failed: %s (%s)\n",
               static_cast<int>(request.method.size()), request.method.data(),
               static_cast<int>(request.target.size()), request.target.data(),
               error.message.c_str(), error.detail.c_str());
}

// Reads one cookie's value from a Cookie header ("a=1; coolpapers_token=xyz").
std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

Response UncachedResponse(int status, std::string_view content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = content_type;
  response.body = std::make_shared<const std::string>(std::move(body));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

Site::Site(store::Store& store, SiteOptions options, SiteServices services)
    : store_(store),
      services_(std::move(services)),
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

PageCache* Site::SearchCache(const Route& route) {
  // Sorted by stars, the order moves with readers' clicks, which change no stamp.
  if (!search_watcher_ || (route.kind == RouteKind::kSearch && route.sort == SearchOrder::kStars)) {
    return nullptr;
  }
  return &search_cache_;
}

Response Site::Handle(const Request& request) {
  const bool api_target = IsApiTarget(request.target);
  Result<Route> route = ParseRoute(request.target);
  const bool post = request.method == "POST";
  // A POST to an /api/ target that does not parse (a click with kind=html) gets the route's
  // error, which says more than a 405 would.
  const bool allowed = IsReadMethod(request.method) ||
                       (post && (route ? AcceptsPost(route->kind) : api_target));
  if (!allowed) {
    const std::string_view methods = AllowedMethods(route ? route->kind : RouteKind::kHome);
    Response response = MakeErrorResponse(
        405, "method_not_allowed",
        "method " + std::string(request.method) + " is not allowed here: expected " +
            std::string(methods),
        FormatFor(api_target));
    response.headers.emplace_back("Allow", std::string(methods));
    return response;
  }
  // The front end's files, embedded and immutable: before the route's error and the page cache.
  if (IsAssetTarget(request.target)) return StaticAssetResponse(request.target, request.accepts_gzip);
  if (!route) return MakeErrorResponse(route.error(), FormatFor(api_target));
  if (route->kind == RouteKind::kFaq) {
    return FaqResponse(services_.faq, *route, post, IsAdmin(request));
  }
  if (route->kind == RouteKind::kFaqStream) return FaqStreamResponse(services_.faq, *route);
  if (route->kind == RouteKind::kClicks) return ClicksResponse(*route, request, post);
  if (route->kind == RouteKind::kTranslations) {
    return TranslationsResponse(services_.translations, *route, post, IsAdmin(request));
  }
  if (route->kind == RouteKind::kRedirect) return RedirectResponse(std::move(route->location));
  if (route->kind == RouteKind::kHealth) return HealthResponse(store_);
  if (route->kind == RouteKind::kStatus) return StatusResponse();
  if (route->kind == RouteKind::kPdf) {
    return RespondPdf(store_, services_, *route, request, IsAdmin(request));
  }
  if (route->feed) return FeedResponse(*route, request);
  if (route->kind == RouteKind::kOpenSearch) {
    Response response = PageResponse(*route, std::make_shared<const std::string>(kOpenSearchXml));
    response.content_type = kOpenSearchType;
    return response;
  }
  if (route->kind == RouteKind::kSearch || route->kind == RouteKind::kRelated) {
    // Kept in their own cache, dropped when the index or the store changes (SearchStamp).
    PageCache* cache = SearchCache(*route);
    const std::string key = cache ? CacheKey(*route) : std::string();
    if (cache) {
      if (std::optional<Response> hit = CachedResponse(*cache, key, *route, request)) return *hit;
    }
    const uint64_t generation = cache ? cache->generation() : 0;
    Result<std::string> body = route->kind == RouteKind::kSearch
                                   ? RenderSearchRoute(store_, services_.searcher, *route)
                                   : RenderRelatedRoute(store_, services_.searcher, *route);
    if (!body) {
      if (HttpStatusFor(body.error().code) >= 500) LogServerError(request, body.error());
      return MakeErrorResponse(body.error(), FormatFor(route->api));
    }
    auto shared = std::make_shared<const std::string>(*std::move(body));
    if (cache) cache->Insert(key, shared, generation);
    return PageResponse(*route, std::move(shared));
  }

  const std::string key = CacheKey(*route);
  if (std::optional<Response> hit = CachedResponse(cache_, key, *route, request)) return *hit;

  const uint64_t generation = cache_.generation();
  Result<std::string> body = RenderRoute(store_, services_.harvest_state, *route);
  if (!body && body.error().code == ErrorCode::kNotFound) {
    if (std::optional<Response> fetching = FetchResponse(*route, request)) return *fetching;
  }
  if (!body) {
    if (HttpStatusFor(body.error().code) >= 500) LogServerError(request, body.error());
    return MakeErrorResponse(body.error(), FormatFor(route->api));
  }
  auto shared = std::make_shared<const std::string>(*std::move(body));
  cache_.Insert(key, shared, generation);
  return PageResponse(*route, std::move(shared));
}



Response Site::FeedResponse(const Route& route, const Request& request) {
  // The validators belong to the identity body and are the same for both encodings.
  const auto respond = [&](std::shared_ptr<const std::string> body, bool gzipped,
                           const PageHeaders& validators) {
    Response response = PageResponse(route, std::move(body));
    response.content_type = kAtomType;
    response.gzipped = gzipped;
    response.headers.insert(response.headers.end(), validators.begin(), validators.end());
    return response;
  };
  // A list's feed is cached until the store changes, like its page; a search feed until the
  // index or the store does, like the search page.
  PageCache* cache = route.kind == RouteKind::kList ? &cache_ : SearchCache(route);
  const std::string key = cache ? "feed|" + CacheKey(route) : std::string();
  if (cache) {
    if (std::optional<CachedPage> page = cache->Lookup(key)) {
      if (request.accepts_gzip && page->gzip) return respond(page->gzip, true, *page->headers);
      return respond(page->body, false, *page->headers);
    }
  }
  const uint64_t generation = cache ? cache->generation() : 0;
  Result<std::string> body =
      RenderFeedRoute(store_, services_.harvest_state, services_.searcher, route);
  if (!body) {
    if (HttpStatusFor(body.error().code) >= 500) LogServerError(request, body.error());
    return MakeErrorResponse(body.error(), ErrorFormat::kHtml);
  }
  auto shared = std::make_shared<const std::string>(*std::move(body));
  PageHeaders validators = FeedValidators(*shared);
  if (cache) cache->Insert(key, shared, generation, validators);
  return respond(shared, false, validators);
}

bool Site::IsAdmin(const Request& request) const {
  return !services_.admin_token.empty() &&
         CookieValue(request.cookie, "coolpapers_token") == services_.admin_token;
}

std::optional<Response> Site::FetchResponse(const Route& route, const Request& request) {
  // Only a single-paper page fetches: it is what the browser extension and shared links open.
  if (route.kind != RouteKind::kPapers || route.ids.size() != 1 || !services_.fetch_paper) {
    return std::nullopt;
  }
  const ArxivId& id = route.ids.front();
  Result<PaperFetch> fetch = services_.fetch_paper(id, IsAdmin(request));
  if (!fetch) {
    LogServerError(request, fetch.error());
    return MakeErrorResponse(fetch.error(), FormatFor(route.api));
  }
  switch (fetch->state) {
    case PaperFetch::State::kStored: {
      // Fetched since the store was read: render it now (the next reader gets it cached).
      Result<std::string> body = RenderRoute(store_, services_.harvest_state, route);
      if (body) return PageResponse(route, std::make_shared<const std::string>(*std::move(body)));
      return MakeErrorResponse(body.error(), FormatFor(route.api));
    }
    case PaperFetch::State::kNotFound:
      return MakeErrorResponse(404, "not_found", "arXiv has no paper " + id.str(),
                               FormatFor(route.api));
    case PaperFetch::State::kFailed:
      return MakeErrorResponse(503, "unavailable",
                               "could not fetch " + id.str() + " from arXiv: " + fetch->error +
                                   " (try again later)",
                               FormatFor(route.api));
    case PaperFetch::State::kQueued:
    case PaperFetch::State::kRunning:
      break;
  }
  Response response =
      route.api ? UncachedResponse(202, kJsonType, RenderFetchJson(id, *fetch))
                : UncachedResponse(202, kHtmlType, RenderFetchPage(id, *fetch));
  response.headers.emplace_back("Refresh", std::to_string(kFetchRefreshSeconds));
  return response;
}

Response Site::ClicksResponse(const Route& route, const Request& request, bool post) {
  // Never cached, here or by the browser: the counts move with every reader's click.
  Result<std::string> body =
      post ? CountClickRoute(store_, route, CookieValue(request.cookie, kReaderCookie), Today())
           : RenderClickCountsRoute(store_, route);
  if (!body) {
    if (HttpStatusFor(body.error().code) >= 500) LogServerError(request, body.error());
    return MakeErrorResponse(body.error(), ErrorFormat::kJson);
  }
  return UncachedResponse(200, kJsonType, *std::move(body));
}

Date Site::Today() const {
  if (services_.today) return services_.today();
  return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

Response Site::StatusResponse() {
  if (!services_.status) {
    return MakeErrorResponse(404, "not_found", "this instance does not report its status",
                             ErrorFormat::kJson);
  }
  Result<std::string> status = services_.status();
  if (!status) {
    return MakeErrorResponse(503, ErrorCodeName(status.error().code),
                             "the status cannot be read: " + status.error().message,
                             ErrorFormat::kJson);
  }
  return UncachedResponse(200, kJsonType, *std::move(status));
}

}  // namespace coolpapers::web
