#include "web/click_route.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/quoted_text.h"
#include "core/venue.h"
#include "web/api/api_json.h"
#include "web/route_context.h"

namespace coolpapers::web {
namespace {

constexpr size_t kMinReaderLength = 16;
constexpr size_t kMaxReaderLength = 64;

bool IsReaderChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

}  // namespace

Result<std::string_view> ParseReaderId(std::string_view value) {
  if (value.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "no coolpapers_reader cookie: a click needs the reader's id (16 to 64 of A-Z, "
                "a-z, 0-9, _ and -), which the site's pages set");
  }
  if (value.size() < kMinReaderLength || value.size() > kMaxReaderLength ||
      !std::all_of(value.begin(), value.end(), IsReaderChar)) {
    // The value is not echoed past 64 characters: a cookie can be long and is the reader's own.
    return Fail(ErrorCode::kInvalidArgument,
                "invalid coolpapers_reader cookie " +
                    QuoteForMessage(value.substr(0, kMaxReaderLength)) +
                    ": expected 16 to 64 of A-Z, a-z, 0-9, _ and -");
  }
  return value;
}

Result<std::string> CountClickRoute(store::Store& store, const Route& route,
                                    std::string_view reader, Date day, DailyAllowance* allowance,
                                    std::string_view client) {
  const size_t papers = route.ids.size() + route.params.size();
  if (papers != 1) {
    return Fail(ErrorCode::kInvalidArgument,
                "a click names " + std::to_string(papers) +
                    " papers: expected exactly one, as in POST /api/clicks/2401.06769?kind=pdf");
  }
  const std::string& id = route.ids.empty() ? route.params.front() : route.ids.front().str();
  if (!route.click_kind) {
    return Fail(ErrorCode::kInvalidArgument,
                "a click has no kind: expected kind=pdf or kind=faq, as in "
                "POST /api/clicks/" +
                    id + "?kind=pdf");
  }
  Result<std::string_view> checked = ParseReaderId(reader);
  if (!checked) return std::unexpected(checked.error());
  const std::string allowance_key =
      std::string(client) + "|" + id + (*route.click_kind == store::ClickKind::kPdf ? "|pdf" : "|faq");
  if (allowance != nullptr && !allowance->Take(allowance_key)) {
    Result<std::vector<store::ClickCounts>> counts = store.ClicksFor(std::span(&id, 1));
    if (!counts) return std::unexpected(counts.error());
    if (counts->empty()) return Fail(ErrorCode::kInternal, "the store answered no click counts");
    return RenderClickJson(id, counts->front());
  }
  Result<store::ClickCounts> counts = store.AddClick(id, *route.click_kind, *checked, day);
  if (!counts) return std::unexpected(counts.error());
  return RenderClickJson(id, *counts);
}

Result<std::string> RenderClickCountsRoute(store::Store& store, const Route& route) {
  std::vector<std::string> ids;
  ids.reserve(route.ids.size() + route.params.size());
  for (const ArxivId& id : route.ids) ids.push_back(id.str());
  ids.insert(ids.end(), route.params.begin(), route.params.end());
  Result<std::vector<store::ClickCounts>> counts = store.ClicksFor(ids);
  if (!counts) return std::unexpected(counts.error());
  return RenderClickCountsJson(ids, *counts);
}

// /api/clicks/<ids>, 1..2000 ids (a whole day's list, or an edition's), canonicalised in place
// (not redirected: a POST must not be sent elsewhere): arXiv ids in route.ids, venue papers'
// ids ("2024.naacl-long.431@ACL": they hold '@', arXiv ids never) in route.params. Errors:
// ParseIds's, ParseVenuePaperId's, too many ids.
std::optional<Result<Route>> ParseClicks(const RouteTarget& target, Route route) {
  constexpr std::string_view kClicks = "/api/clicks/";
  if (!target.path.starts_with(kClicks)) return std::nullopt;
  std::string_view subject = target.path.substr(kClicks.size());
  std::string arxiv;  // the arXiv ids, for ParseIds
  bool any_arxiv = false;
  while (true) {
    const size_t comma = subject.find(',');
    const std::string_view part = subject.substr(0, comma);
    if (part.find('@') == std::string_view::npos) {
      if (any_arxiv) arxiv += ',';
      arxiv += part;
      any_arxiv = true;
    } else {
      Result<VenuePaperId> id = ParseVenuePaperId(part);
      if (!id) return std::unexpected(id.error());
      std::string canonical = id->ToString();
      if (std::find(route.params.begin(), route.params.end(), canonical) == route.params.end()) {
        route.params.push_back(std::move(canonical));
      }
    }
    if (comma == std::string_view::npos) break;
    subject.remove_prefix(comma + 1);
  }
  if (any_arxiv) {
    Result<std::string> ids = ParseIds(arxiv, route, kMaxIdsPerClickCount);
    if (!ids) return std::unexpected(ids.error());
  }
  if (route.ids.size() + route.params.size() > kMaxIdsPerClickCount) {
    return Fail(ErrorCode::kInvalidArgument, "too many paper ids: expected at most " +
                                                 std::to_string(kMaxIdsPerClickCount) +
                                                 " in one request");
  }
  return route;
}

// The route's handler: POST counts the click of the reader in the kReaderCookie cookie under
// context.Today(), GET reads the counts; JSON, never cached (no-store): the counts move with
// every reader's click. Errors: those of CountClickRoute and RenderClickCountsRoute.
Result<Response> HandleClicks(const RouteContext& context) {
  Result<std::string> body =
      context.post ? CountClickRoute(context.store, context.route,
                                     CookieValue(context.request.cookie, kReaderCookie),
                                     context.Today(), context.click_allowance, context.client)
                   : RenderClickCountsRoute(context.store, context.route);
  if (!body) return std::unexpected(body.error());
  return MakeUncachedResponse(200, kJsonType, *std::move(body));
}

}  // namespace coolpapers::web
