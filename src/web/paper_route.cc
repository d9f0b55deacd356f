// /arxiv/<id>[,<id>...] and /api/arxiv/<ids>: papers by arXiv id, as a page or JSON. A single
// paper the store lacks is fetched from arXiv when the site offers it (SiteServices::fetch_paper):
// the reader gets a 202 page that refreshes itself until the paper is in. The entry is in
// route_table.cc.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/arxiv_id.h"
#include "core/faq_answer.h"
#include "faq/faq_service.h"
#include "web/api/api_json.h"
#include "web/cache_tags.h"
#include "web/http_status.h"
#include "web/pages/fetch_page.h"
#include "web/pages/paper_page.h"
#include "web/route_context.h"
#include "web/view_loader.h"

namespace coolpapers::web {
namespace {


// The languages `id`'s FAQ is stored in; none when the site has no FAQ or cannot tell.
std::vector<std::string> StoredFaqLanguages(faq::FaqService* faq, const ArxivId& id) {
  std::vector<std::string> languages;
  if (faq == nullptr) return languages;
  for (const FaqLanguage language : {FaqLanguage::kEnglish, FaqLanguage::kChinese}) {
    Result<faq::FaqStatus> status = faq->Get(id, language);
    if (status && status->state == faq::FaqStatus::State::kAnswered) {
      languages.emplace_back(FaqLanguageCode(language));
    }
  }
  return languages;
}

// The venue papers linked to arXiv paper `id`; none when the site keeps no venues or cannot
// read them now (the arXiv page does not fail for want of its conference links).
std::vector<VenuePaper> VenueVersions(store::VenueStore* venues, const std::string& id) {
  if (venues == nullptr) return {};
  const std::string ids[] = {id};
  Result<std::vector<VenuePaper>> papers = venues->VenuePapersOfArxiv(ids);
  return papers ? *std::move(papers) : std::vector<VenuePaper>{};
}

Result<Response> RenderPapers(const RouteContext& context) {
  Result<PapersView> view = LoadPapersView(context.store, context.route.ids);
  if (!view) return std::unexpected(view.error());
  // Every id asked, those the store lacks too: the page changes when one arrives.
  std::vector<std::string> cache_tags;
  for (const ArxivId& id : context.route.ids) cache_tags.push_back(PaperTag(id.WithoutVersion().str()));
  if (context.route.api) {
    Response response = MakePageResponse(kJsonType, RenderPapersJson(*view));
    response.cache_tags = std::move(cache_tags);
    return response;
  }
  std::vector<std::string> stored_faq;
  if (view->papers.size() == 1) {
    stored_faq = StoredFaqLanguages(context.services.faq, context.route.ids.front());
    view->venue_versions = VenueVersions(context.services.venues, view->papers.front().id);
  }
  Response response = MakePageResponse(kHtmlType, RenderPaperPage(*view, context.frame, stored_faq));
  response.cache_tags = std::move(cache_tags);
  return response;
}

// A paper we do not have: its fetch from arXiv.
Result<Response> FetchResponse(const RouteContext& context) {
  const Route& route = context.route;
  const ErrorFormat format = route.api ? ErrorFormat::kJson : ErrorFormat::kHtml;
  const ArxivId& id = route.ids.front();
  Result<PaperFetch> fetch = context.services.fetch_paper(id, context.admin, context.client);
  if (!fetch) {
    LogServerError(context.request, fetch.error());
    return MakeErrorResponse(fetch.error(), format, context.frame);
  }
  switch (fetch->state) {
    case PaperFetch::State::kStored: {
      // Fetched since the store was read: render it now.
      Result<Response> page = RenderPapers(context);
      if (page) return page;
      return MakeErrorResponse(page.error(), format, context.frame);
    }
    case PaperFetch::State::kNotFound:
      return MakeErrorResponse(404, "not_found", "arXiv has no paper " + id.str(), format,
                               context.frame);
    case PaperFetch::State::kFailed:
      return MakeErrorResponse(
          503, "unavailable",
          "could not fetch " + id.str() + " from arXiv: " + fetch->error + " (try again later)",
          format, context.frame);
    case PaperFetch::State::kQueued:
    case PaperFetch::State::kRunning:
      break;
  }
  Response response =
      route.api ? MakeUncachedResponse(202, kJsonType, RenderFetchJson(id, *fetch))
                : MakeUncachedResponse(202, kHtmlType, RenderFetchPage(id, *fetch, context.frame));
  response.headers.emplace_back("Refresh", std::to_string(kFetchRefreshSeconds));
  return response;
}

}  // namespace

// /arxiv/<ids> and /api/arxiv/<ids> (after the list entry: a category expression is a list): the
// papers, or a redirect to their canonical spelling ("/arxiv/1406.02661" to "/arxiv/1406.2661",
// "/arxiv/2401.06769v2" to "/arxiv/2401.06769", query kept). Errors: ParseIds's.
std::optional<Result<Route>> ParsePapers(const RouteTarget& target, Route route) {
  std::optional<ArxivSubject> arxiv = ReadArxivSubject(target, route);
  if (!arxiv) return std::nullopt;
  if (arxiv->redirect) return *std::move(arxiv->redirect);
  Result<std::string> canonical = ParseIds(arxiv->subject, route);
  if (!canonical) return std::unexpected(canonical.error());
  if (*canonical != arxiv->subject) {
    return RedirectRoute(arxiv->prefix, *canonical, target.raw_query, route.api);
  }
  return route;
}

// papers.cool's FAQ links, /arxiv/kimi?paper=<id> (and its 2023 form /arxiv/kimi/<id>): a
// redirect to the paper's page with its FAQ open ("#faq", which card_actions.js reads).
// Errors: ArxivId::Parse's for a malformed or missing id.
std::optional<Result<Route>> ParseFaqLink(const RouteTarget& target, Route /*route*/) {
  constexpr std::string_view kFaqLinkPath = "/arxiv/kimi";
  if (!target.path.starts_with(kFaqLinkPath)) return std::nullopt;
  std::string subject(target.path.substr(kFaqLinkPath.size()));
  if (subject.empty()) {
    subject = target.Parameter("paper").value_or("");
  } else if (subject.starts_with('/')) {
    subject.erase(0, 1);
  } else {
    return std::nullopt;  // "/arxiv/kimix": not this route's
  }
  Result<ArxivId> id = ArxivId::Parse(subject);
  if (!id) return std::unexpected(id.error());
  return RedirectRoute(kArxivPrefix, id->WithoutVersion().str() + "#faq", {}, false);
}

// The papers of route.ids. For one paper the store lacks, with fetch_paper set: 202 with the
// fetch's state (Refresh header, no-store), 404 when arXiv has no such paper, 503 when arXiv
// cannot be reached, or the page when the paper arrived meanwhile. Errors: kNotFound for
// papers the store lacks (several, or no fetcher); the store's and the fetcher's errors.
Result<Response> HandlePapers(const RouteContext& context) {
  Result<Response> page = RenderPapers(context);
  // Only a single-paper page fetches: it is what the browser extension and shared links open.
  if (!page && page.error().code == ErrorCode::kNotFound && context.route.ids.size() == 1 &&
      context.services.fetch_paper) {
    return FetchResponse(context);
  }
  return page;
}

// The ids, in the route's (canonical) order.
std::optional<std::string> PapersCacheKey(const Route& route, Clock&) {
  std::string key;
  for (const ArxivId& id : route.ids) key += '|' + id.str();
  return key;
}

}  // namespace coolpapers::web
