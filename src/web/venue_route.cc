// The venue branch, /venue/<NAME.YEAR>[?group=G&show=N&skip=M] (an edition's papers) and
// /venue/<id>@<SOURCE>[,<id>...] (venue papers by id), with /api/venue/... as JSON. The entry is
// in route_table.cc; the pages in pages/venue_page.h, the JSON in api/venue_json.h.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/venue.h"
#include "web/api/venue_json.h"
#include "web/http_status.h"
#include "web/pages/venue_page.h"
#include "web/route_context.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kVenuePrefix = "/venue/";
constexpr std::string_view kApiVenuePrefix = "/api/venue/";
// route.params[0]: which of the two pages.
constexpr std::string_view kEditionPage = "edition";
constexpr std::string_view kPapersPage = "papers";

// What exists, for the 404 of an edition the store lacks.
std::string StoredEditions(store::VenueStore& venues) {
  Result<std::vector<store::VenueEditionSummary>> editions = venues.ListEditions();
  if (!editions || editions->empty()) return "this instance has no venue editions yet";
  std::string text = "stored editions: ";
  for (size_t i = 0; i < editions->size(); ++i) {
    if (i > 0) text += ", ";
    text += (*editions)[i].edition.Tag();
  }
  return text;
}

Result<VenueEditionView> LoadEditionView(store::VenueStore& venues, const Route& route) {
  const std::string& tag = route.params[1];
  Result<std::optional<VenueEdition>> edition = venues.LoadEdition(tag);
  if (!edition) return std::unexpected(edition.error());
  if (!*edition) {
    return Fail(ErrorCode::kNotFound, "no venue edition " + tag + ": " + StoredEditions(venues));
  }
  VenueEditionView view;
  view.edition = **std::move(edition);
  Result<std::vector<store::VenueGroupCount>> groups = venues.GroupCounts(tag);
  if (!groups) return std::unexpected(groups.error());
  view.groups = *std::move(groups);
  if (route.params.size() > 2) view.group = route.params[2];
  for (const store::VenueGroupCount& count : view.groups) {
    if (!view.group || count.group == *view.group) view.total += count.papers;
  }
  if (view.group && std::ranges::none_of(view.groups, [&](const store::VenueGroupCount& count) {
        return count.group == *view.group;
      })) {
    std::string names;
    for (const store::VenueGroupCount& count : view.groups) {
      if (count.group.empty()) continue;
      names += names.empty() ? "" : ", ";
      names += count.group;
    }
    return Fail(ErrorCode::kNotFound, tag + " has no group \"" + *view.group + "\"" +
                                          (names.empty() ? ": it has no groups"
                                                         : "; its groups: " + names));
  }
  view.skip = route.skip;
  view.show = route.show;
  std::optional<std::string_view> group;
  if (view.group) group = *view.group;
  Result<std::vector<VenuePaper>> papers =
      venues.PapersOfEdition(tag, group, route.skip, route.show);
  if (!papers) return std::unexpected(papers.error());
  view.papers = *std::move(papers);
  return view;
}

Result<VenuePapersView> LoadPapersView(store::VenueStore& venues, const Route& route) {
  const std::vector<std::string> ids(route.params.begin() + 1, route.params.end());
  Result<std::vector<VenuePaper>> papers = venues.VenuePapersByIds(ids);
  if (!papers) return std::unexpected(papers.error());
  VenuePapersView view;
  for (const std::string& id : ids) {
    const bool found = std::ranges::any_of(*papers, [&](const VenuePaper& paper) {
      if (paper.id.ToString() == id) return true;
      return std::ranges::any_of(paper.other_ids,
                                 [&](const VenuePaperId& other) { return other.ToString() == id; });
    });
    if (!found) view.missing.push_back(id);
  }
  if (papers->empty()) {
    return Fail(ErrorCode::kNotFound, "no venue paper " + ids.front() +
                                          (ids.size() > 1 ? " or the others asked for" : "") +
                                          " in this instance");
  }
  for (VenuePaper& paper : *papers) {
    std::string conference;
    if (Result<std::optional<VenueEdition>> edition = venues.LoadEdition(paper.edition);
        edition && *edition) {
      conference = (*edition)->full_name;
    }
    view.papers.emplace_back(std::move(paper), std::move(conference));
  }
  return view;
}

}  // namespace

// /venue/<subject> and /api/venue/<subject>: ids (the subject holds "@"), each parsed and
// spelled canonically ("0042@2024@IJCAI" as "42@2024@IJCAI"), or an edition tag with the
// optional ?group=. Errors: ParseVenuePaperId's or ParseEditionTag's kInvalidArgument; too many
// ids (kMaxIdsPerPage).
std::optional<Result<Route>> ParseVenue(const RouteTarget& target, Route route) {
  const std::string_view prefix = route.api ? kApiVenuePrefix : kVenuePrefix;
  const std::optional<std::string_view> subject = PathSubject(target.path, prefix);
  if (!subject) return std::nullopt;
  if (subject->find('@') != std::string_view::npos) {
    route.params.emplace_back(kPapersPage);
    std::string_view rest = *subject;
    while (true) {
      const size_t comma = rest.find(',');
      Result<VenuePaperId> id = ParseVenuePaperId(rest.substr(0, comma));
      if (!id) return std::unexpected(id.error());
      std::string text = id->ToString();
      if (std::ranges::find(route.params, text) == route.params.end()) {
        if (route.params.size() > kMaxIdsPerPage) {
          return Fail(ErrorCode::kInvalidArgument,
                      "too many venue paper ids: expected at most " +
                          std::to_string(kMaxIdsPerPage) + " on one page");
        }
        route.params.push_back(std::move(text));
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    return route;
  }
  Result<VenueEdition> edition = ParseEditionTag(*subject);
  if (!edition) {
    return Fail(ErrorCode::kInvalidArgument,
                edition.error().message +
                    " (venue pages are /venue/<NAME>.<YEAR> such as /venue/ICLR.2024, or "
                    "/venue/<id>@<SOURCE> such as /venue/2024.naacl-long.431@ACL)");
  }
  route.params.emplace_back(kEditionPage);
  route.params.push_back(edition->Tag());
  if (std::optional<std::string> group = target.Parameter("group")) {
    route.params.push_back(*std::move(group));
  }
  return route;
}

// The edition's slice or the papers, as a page or JSON. 501 when the site keeps no venues (a
// PostgreSQL store); 404 for an edition, group or ids the store lacks, naming what exists.
Result<Response> HandleVenue(const RouteContext& context) {
  const Route& route = context.route;
  store::VenueStore* venues = context.services.venues;
  if (venues == nullptr) {
    return MakeErrorResponse(501, "not_implemented",
                             "venues are not yet kept in PostgreSQL: this instance's store has "
                             "no venue papers (import them into a SQLite store)",
                             route.api ? ErrorFormat::kJson : ErrorFormat::kHtml, context.frame);
  }
  if (route.params.front() == kEditionPage) {
    Result<VenueEditionView> view = LoadEditionView(*venues, route);
    if (!view) return std::unexpected(view.error());
    if (route.api) return MakePageResponse(kJsonType, RenderVenueEditionJson(*view));
    return MakePageResponse(kHtmlType, RenderVenueEditionPage(*view, context.frame));
  }
  Result<VenuePapersView> view = LoadPapersView(*venues, route);
  if (!view) return std::unexpected(view.error());
  if (route.api) return MakePageResponse(kJsonType, RenderVenuePapersJson(*view));
  return MakePageResponse(kHtmlType, RenderVenuePapersPage(*view, context.frame));
}

// The page, the tag or ids, the group (a "\x1f" apart, so no group name can fake another key),
// and the slice.
std::optional<std::string> VenueCacheKey(const Route& route, Clock&) {
  std::string key;
  for (const std::string& param : route.params) key += param + '\x1f';
  key += std::to_string(route.skip) + '|' + std::to_string(route.show);
  return key;
}

}  // namespace coolpapers::web
