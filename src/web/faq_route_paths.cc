// The paths of the FAQ routes, /api/faq/<id> and /api/faq/<id>/stream, whose handlers are in
// faq_route.cc and whose entries are in route_table.cc. TODO(#13): move these parsers into
// faq_route.cc once the annotated-mutex change that is rewriting it has landed.
#include <optional>
#include <string_view>
#include <utility>

#include "core/arxiv_id.h"
#include "web/router.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kFaqPrefix = "/api/faq/";
constexpr std::string_view kStreamSuffix = "/stream";

// The paper of a FAQ path, its version kept when given. Errors: ArxivId::Parse's.
Result<Route> FaqRoute(std::string_view subject, Route route) {
  Result<ArxivId> id = ArxivId::Parse(subject);
  if (!id) return std::unexpected(id.error());
  route.ids.push_back(*std::move(id));
  return route;
}

}  // namespace

// /api/faq/<id>/stream (before /api/faq/<id>, which would read "<id>/stream" as the id).
std::optional<Result<Route>> ParseFaqStream(const RouteTarget& target, Route route) {
  if (!target.path.starts_with(kFaqPrefix) || !target.path.ends_with(kStreamSuffix) ||
      target.path.size() < kFaqPrefix.size() + kStreamSuffix.size()) {
    return std::nullopt;
  }
  std::string_view subject = target.path.substr(kFaqPrefix.size());
  subject.remove_suffix(kStreamSuffix.size());
  return FaqRoute(subject, std::move(route));
}

// /api/faq/<id>.
std::optional<Result<Route>> ParseFaq(const RouteTarget& target, Route route) {
  if (!target.path.starts_with(kFaqPrefix)) return std::nullopt;
  return FaqRoute(target.path.substr(kFaqPrefix.size()), std::move(route));
}

}  // namespace coolpapers::web
