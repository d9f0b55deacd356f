#include "web/router.h"

#include <algorithm>

#include "core/whitespace.h"
#include "store/paper_columns.h"
#include "web/like_ranking.h"
#include "web/route_table.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

Result<int64_t> ParseCount(std::string_view name, std::string_view value, int64_t min, int64_t max) {
  int64_t number = 0;
  // Nine digits cannot overflow and are more than any limit here.
  bool valid = !value.empty() && value.size() <= 9;
  for (size_t i = 0; valid && i < value.size(); ++i) {
    valid = value[i] >= '0' && value[i] <= '9';
    number = number * 10 + (value[i] - '0');
  }
  if (!valid || number < min || number > max) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid " + std::string(name) + " \"" + std::string(value) +
                    "\": expected a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max));
  }
  return number;
}

// A 0|1 parameter such as highlight=1.
Result<bool> ParseFlag(const std::string& name, const std::string& value) {
  if (value != "0" && value != "1") {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid " + name + " \"" + value + "\": expected 0 or 1");
  }
  return value == "1";
}

Result<void> ApplyParameter(const std::string& name, const std::string& value, Route& route) {
  if (name == "date") {
    Result<Date> date = Date::Parse(value);
    if (!date) return std::unexpected(date.error());
    route.date = *date;
  } else if (name == "show") {
    Result<int64_t> show = ParseCount(name, value, 1, kMaxShow);
    if (!show) return std::unexpected(show.error());
    route.show = *show;
  } else if (name == "skip") {
    Result<int64_t> skip = ParseCount(name, value, 0, kMaxSkip);
    if (!skip) return std::unexpected(skip.error());
    route.skip = *skip;
  } else if (name == "query") {
    // Runs of whitespace mean one space to the query language: "a  b " and "a b" are one
    // search, one cache entry, one page (issue #18 finding 6).
    route.query = CollapseWhitespace(value);
  } else if (name == "highlight") {
    Result<bool> highlight = ParseFlag(name, value);
    if (!highlight) return std::unexpected(highlight.error());
    route.highlight = *highlight;
  } else if (name == "sort") {
    route.prefer = value == "prefer";
    route.like = value == "like";
    if (value == "relevance" || value.empty() || route.prefer || route.like) {
      route.sort = SearchOrder::kRelevance;
    } else if (value == "time" || value == "0") {
      route.sort = SearchOrder::kTime;
    } else if (value == "stars" || value == "1") {
      route.sort = SearchOrder::kStars;
    } else {
      return Fail(ErrorCode::kInvalidArgument,
                  "invalid sort \"" + value +
                      "\": expected relevance, time or stars (day lists also take prefer or like)");
    }
  } else if (name == "stars") {
    Result<std::vector<ArxivId>> stars = ParseStarIds(value);
    if (!stars) return std::unexpected(stars.error());
    route.stars = *std::move(stars);
  } else if (name == "keywords") {
    Result<std::vector<std::string>> keywords = ParsePreferenceKeywords(value);
    if (!keywords) return std::unexpected(keywords.error());
    route.keywords = *std::move(keywords);
  } else if (name == "fragment") {
    Result<bool> fragment = ParseFlag(name, value);
    if (!fragment) return std::unexpected(fragment.error());
    route.fragment = *fragment;
  } else if (name == "fresh") {
    Result<bool> fresh = ParseFlag(name, value);
    if (!fresh) return std::unexpected(fresh.error());
    route.fresh = *fresh;
  } else if (name == "lang") {
    const std::optional<FaqLanguage> language = ParseFaqLanguage(value);
    if (!language) {
      return Fail(ErrorCode::kInvalidArgument, "invalid lang \"" + value + "\": expected en or zh");
    }
    route.language = *language;
  } else if (name == "kind") {
    if (value == store::ClickKindName(store::ClickKind::kPdf)) {
      route.click_kind = store::ClickKind::kPdf;
    } else if (value == store::ClickKindName(store::ClickKind::kFaq)) {
      route.click_kind = store::ClickKind::kFaq;
    } else {
      return Fail(ErrorCode::kInvalidArgument,
                  "invalid kind \"" + value + "\": expected pdf or faq");
    }
  }
  // Other parameters belong to features not built yet; ignoring them keeps papers.cool links
  // working.
  return {};
}

Result<void> ApplyQuery(std::string_view query, Route& route) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    Result<std::string> name = PercentDecode(pair.substr(0, eq), PlusMeans::kSpace);
    if (!name) return std::unexpected(name.error());
    Result<std::string> value = PercentDecode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), PlusMeans::kSpace);
    if (!value) return std::unexpected(value.error());
    if (Result<void> applied = ApplyParameter(*name, *value, route); !applied) return applied;
  }
  return {};
}

}  // namespace

std::optional<std::string> RouteTarget::Parameter(std::string_view name) const {
  std::optional<std::string> found;
  std::string_view query = raw_query;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const size_t eq = pair.find('=');
    Result<std::string> decoded_name = PercentDecode(pair.substr(0, eq), PlusMeans::kSpace);
    if (!decoded_name || *decoded_name != name) continue;
    Result<std::string> value = PercentDecode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), PlusMeans::kSpace);
    if (value) found = *std::move(value);
  }
  return found;
}

std::optional<std::string_view> PathSubject(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix) || path.size() == prefix.size()) return std::nullopt;
  return path.substr(prefix.size());
}

Route RedirectRoute(std::string_view prefix, std::string_view canonical, std::string_view raw_query,
                    bool api) {
  Route route;
  route.entry = &RouteEntryNamed("redirect");
  route.api = api;
  route.location.reserve(prefix.size() + canonical.size() + raw_query.size() + 1);
  route.location.append(prefix).append(canonical);
  if (!raw_query.empty()) route.location.append("?").append(raw_query);
  return route;
}

std::optional<Route> RedirectWithoutTrailingSlash(std::string_view prefix, std::string_view subject,
                                                  std::string_view raw_query, bool api) {
  if (!subject.ends_with('/')) return std::nullopt;
  const size_t end = subject.find_last_not_of('/');
  if (end == std::string_view::npos) return std::nullopt;
  return RedirectRoute(prefix, subject.substr(0, end + 1), raw_query, api);
}

std::optional<ArxivSubject> ReadArxivSubject(const RouteTarget& target, const Route& route) {
  const std::string_view prefix = route.api ? kApiArxivPrefix : kArxivPrefix;
  const std::optional<std::string_view> subject = PathSubject(target.path, prefix);
  if (!subject) return std::nullopt;
  return ArxivSubject{prefix, *subject,
                      RedirectWithoutTrailingSlash(prefix, *subject, target.raw_query, route.api)};
}

Result<std::string> ParseIds(std::string_view subject, Route& route, size_t max_ids) {
  std::string canonical;
  while (true) {
    const size_t comma = subject.find(',');
    Result<ArxivId> id = ArxivId::Parse(subject.substr(0, comma));
    if (!id) return std::unexpected(id.error());
    ArxivId plain = id->WithoutVersion();
    if (std::find(route.ids.begin(), route.ids.end(), plain) == route.ids.end()) {
      if (route.ids.size() == max_ids) {
        return Fail(ErrorCode::kInvalidArgument,
                    "too many paper ids: expected at most " + std::to_string(max_ids) +
                        (max_ids == kMaxIdsPerPage ? " on one page" : " in one request"));
      }
      if (!canonical.empty()) canonical += ',';
      canonical += plain.str();
      route.ids.push_back(std::move(plain));
    }
    if (comma == std::string_view::npos) break;
    subject.remove_prefix(comma + 1);
  }
  return canonical;
}

Result<Route> ParseRoute(std::string_view target) {
  if (!target.starts_with('/')) {
    return Fail(ErrorCode::kInvalidArgument, "invalid request target \"" + std::string(target) +
                                                 "\": expected a path starting with /");
  }
  const size_t question = target.find('?');
  const std::string_view raw_query =
      question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  Result<std::string> path = PercentDecode(target.substr(0, question), PlusMeans::kPlus);
  if (!path) return std::unexpected(path.error());
  Route route;
  route.api = IsApiTarget(*path);
  if (Result<void> applied = ApplyQuery(raw_query, route); !applied) {
    return std::unexpected(applied.error());
  }
  // The table's order settles paths two entries could claim (route_table.cc).
  const RouteTarget parts{.path = *path, .raw_query = raw_query};
  for (const RouteEntry& entry : RouteEntries()) {
    std::optional<Result<Route>> parsed;
    if (!entry.path.empty()) {
      if (parts.path == entry.path) parsed = route;
    } else if (entry.parse != nullptr) {
      parsed = entry.parse(parts, route);
    }
    if (!parsed) continue;
    if (*parsed && (*parsed)->entry == nullptr) (*parsed)->entry = &entry;
    return *std::move(parsed);
  }
  return Fail(ErrorCode::kNotFound, "no page at \"" + *path +
                                        "\": expected /, /arxiv/<categories> or /arxiv/<ids>");
}

bool IsApiTarget(std::string_view target) { return target.starts_with("/api/"); }

bool IsReadMethod(std::string_view method) { return method == "GET" || method == "HEAD"; }

}  // namespace coolpapers::web
