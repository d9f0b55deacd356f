#include "web/site.h"

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "web/api/api_json.h"
#include "web/http_status.h"
#include "web/pages/home_page.h"
#include "web/router.h"
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
    case RouteKind::kHealth:
    case RouteKind::kRedirect:
      break;  // never cached
  }
  return key;
}

Result<std::string> RenderRoute(store::Store& store, const Route& route) {
  switch (route.kind) {
    case RouteKind::kHome: {
      Result<HomeView> view = LoadHomeView(store);
      if (!view) return std::unexpected(view.error());
      return RenderHomePage(*view);
    }
    case RouteKind::kList: {
      Result<ListView> view = LoadListView(store, route.expr, route.date, route.skip, route.show);
      if (!view) return std::unexpected(view.error());
      if (route.api) return RenderListJson(*view);
      return route.fragment ? RenderListFragment(*view) : RenderListPage(*view);
    }
    case RouteKind::kPapers: {
      Result<PapersView> view = LoadPapersView(store, route.ids);
      if (!view) return std::unexpected(view.error());
      return route.api ? RenderPapersJson(*view) : RenderPaperPage(*view);
    }
    case RouteKind::kHealth:
    case RouteKind::kRedirect:
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

}  // namespace

Site::Site(store::Store& store, SiteOptions options)
    : store_(store),
      cache_(options.cache),
      watcher_([this] { return store_.ChangeStamp(); },
               [this](uint64_t stamp) { cache_.Invalidate(stamp); }, options.change_poll) {}

Response Site::Handle(const Request& request) {
  const bool api_target = IsApiTarget(request.target);
  if (!IsReadMethod(request.method)) {
    Response response = MakeErrorResponse(
        405, "method_not_allowed",
        "method " + std::string(request.method) + " is not allowed here: expected GET or HEAD",
        FormatFor(api_target));
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  Result<Route> route = ParseRoute(request.target);
  if (!route) return MakeErrorResponse(route.error(), FormatFor(api_target));
  if (route->kind == RouteKind::kRedirect) return RedirectResponse(std::move(route->location));
  if (route->kind == RouteKind::kHealth) return HealthResponse(store_);

  const std::string key = CacheKey(*route);
  if (std::optional<CachedPage> page = cache_.Lookup(key)) {
    if (request.accepts_gzip && page->gzip) {
      Response response = PageResponse(*route, std::move(page->gzip));
      response.gzipped = true;
      return response;
    }
    return PageResponse(*route, std::move(page->body));
  }

  const uint64_t generation = cache_.generation();
  Result<std::string> body = RenderRoute(store_, *route);
  if (!body) {
    if (HttpStatusFor(body.error().code) >= 500) LogServerError(request, body.error());
    return MakeErrorResponse(body.error(), FormatFor(route->api));
  }
  auto shared = std::make_shared<const std::string>(*std::move(body));
  cache_.Insert(key, shared, generation);
  return PageResponse(*route, std::move(shared));
}

}  // namespace coolpapers::web
