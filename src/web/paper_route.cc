#include "web/paper_route.h"

#include <utility>

#include "web/api/api_json.h"
#include "web/http_status.h"
#include "web/pages/fetch_page.h"
#include "web/pages/paper_page.h"
#include "web/view_loader.h"

namespace coolpapers::web {
namespace {

Result<Response> RenderPapers(const RouteContext& context) {
  Result<PapersView> view = LoadPapersView(context.store, context.route.ids);
  if (!view) return std::unexpected(view.error());
  if (context.route.api) return MakePageResponse(kJsonType, RenderPapersJson(*view));
  return MakePageResponse(kHtmlType, RenderPaperPage(*view));
}

// A paper we do not have: its fetch from arXiv.
Result<Response> FetchResponse(const RouteContext& context) {
  const Route& route = context.route;
  const ErrorFormat format = route.api ? ErrorFormat::kJson : ErrorFormat::kHtml;
  const ArxivId& id = route.ids.front();
  Result<PaperFetch> fetch = context.services.fetch_paper(id, context.admin);
  if (!fetch) {
    LogServerError(context.request, fetch.error());
    return MakeErrorResponse(fetch.error(), format);
  }
  switch (fetch->state) {
    case PaperFetch::State::kStored: {
      // Fetched since the store was read: render it now.
      Result<Response> page = RenderPapers(context);
      if (page) return page;
      return MakeErrorResponse(page.error(), format);
    }
    case PaperFetch::State::kNotFound:
      return MakeErrorResponse(404, "not_found", "arXiv has no paper " + id.str(), format);
    case PaperFetch::State::kFailed:
      return MakeErrorResponse(
          503, "unavailable",
          "could not fetch " + id.str() + " from arXiv: " + fetch->error + " (try again later)",
          format);
    case PaperFetch::State::kQueued:
    case PaperFetch::State::kRunning:
      break;
  }
  Response response = route.api ? MakeUncachedResponse(202, kJsonType, RenderFetchJson(id, *fetch))
                                : MakeUncachedResponse(202, kHtmlType, RenderFetchPage(id, *fetch));
  response.headers.emplace_back("Refresh", std::to_string(kFetchRefreshSeconds));
  return response;
}

}  // namespace

Result<Response> HandlePapers(const RouteContext& context) {
  Result<Response> page = RenderPapers(context);
  // Only a single-paper page fetches: it is what the browser extension and shared links open.
  if (!page && page.error().code == ErrorCode::kNotFound && context.route.ids.size() == 1 &&
      context.services.fetch_paper) {
    return FetchResponse(context);
  }
  return page;
}

std::optional<std::string> PapersCacheKey(const Route& route) {
  std::string key;
  for (const ArxivId& id : route.ids) key += '|' + id.str();
  return key;
}

}  // namespace coolpapers::web
