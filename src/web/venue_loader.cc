#include "web/venue_loader.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace coolpapers::web {
namespace {

bool SameNameIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// "ICLR.2024, ICLR.2023, NAACL.2024", or the sentence for an instance without editions.
std::string EditionList(const std::vector<store::VenueEditionSummary>& editions) {
  if (editions.empty()) return "this instance has no venue editions yet";
  std::string text;
  for (const store::VenueEditionSummary& summary : editions) {
    text += text.empty() ? "" : ", ";
    text += summary.edition.Tag();
  }
  return text;
}

std::string GroupNames(const std::vector<store::VenueGroupCount>& groups) {
  std::string names;
  for (const store::VenueGroupCount& count : groups) {
    if (count.group.empty()) continue;
    names += names.empty() ? "" : ", ";
    names += count.group;
  }
  return names;
}

}  // namespace

Result<VenueIndexView> LoadVenueIndex(store::VenueStore& venues) {
  Result<std::vector<store::VenueEditionSummary>> editions = venues.ListEditions();
  if (!editions) return std::unexpected(editions.error());
  return VenueIndexView{*std::move(editions)};
}

Result<std::string> ResolveEditionTag(store::VenueStore& venues, std::string_view subject) {
  Result<std::vector<store::VenueEditionSummary>> editions = venues.ListEditions();
  if (!editions) return std::unexpected(editions.error());
  const bool tag = subject.find('.') != std::string_view::npos;
  std::vector<store::VenueEditionSummary> of_venue;
  for (const store::VenueEditionSummary& summary : *editions) {
    if (tag && summary.edition.Tag() == subject) return std::string(subject);
    const std::string_view name =
        tag ? subject.substr(0, subject.rfind('.')) : subject;
    if (SameNameIgnoringCase(summary.edition.venue, name)) of_venue.push_back(summary);
  }
  // ListEditions gives a venue's newest edition first.
  if (!tag && !of_venue.empty()) return of_venue.front().edition.Tag();
  if (!of_venue.empty()) {
    return Fail(ErrorCode::kNotFound, "no venue edition " + std::string(subject) + ": " +
                                          of_venue.front().edition.venue +
                                          " has " + EditionList(of_venue));
  }
  return Fail(ErrorCode::kNotFound,
              std::string(tag ? "no venue edition " : "no venue ") + std::string(subject) +
                  " in this instance; stored editions: " + EditionList(*editions) +
                  " (all of them: /venue/)");
}

Result<VenueEditionView> LoadVenueEditionView(store::VenueStore& venues,
                                              const VenueEditionRequest& request) {
  Result<std::string> tag = ResolveEditionTag(venues, request.subject);
  if (!tag) return std::unexpected(tag.error());
  Result<std::optional<VenueEdition>> edition = venues.LoadEdition(*tag);
  if (!edition) return std::unexpected(edition.error());
  if (!*edition) return Fail(ErrorCode::kNotFound, "no venue edition " + *tag);
  VenueEditionView view;
  view.edition = **std::move(edition);
  Result<std::vector<store::VenueGroupCount>> groups = venues.GroupCounts(*tag);
  if (!groups) return std::unexpected(groups.error());
  view.groups = *std::move(groups);
  view.group = request.group;
  for (const store::VenueGroupCount& count : view.groups) {
    view.papers_stored += count.papers;
    view.accepted_stored += count.accepted;
    if (!view.group || count.group == *view.group) view.total += count.papers;
  }
  if (view.group && std::ranges::none_of(view.groups, [&](const store::VenueGroupCount& count) {
        return count.group == *view.group;
      })) {
    const std::string names = GroupNames(view.groups);
    return Fail(ErrorCode::kNotFound, *tag + " has no group \"" + *view.group + "\"" +
                                          (names.empty() ? ": it has no groups"
                                                         : "; its groups: " + names));
  }
  Result<std::vector<store::VenueEditionSummary>> editions = venues.ListEditions();
  if (!editions) return std::unexpected(editions.error());
  for (const store::VenueEditionSummary& summary : *editions) {
    if (summary.edition.venue == view.edition.venue) view.siblings.push_back(summary.edition.Tag());
  }
  view.skip = request.skip;
  view.show = request.show;
  std::optional<std::string_view> group;
  if (view.group) group = *view.group;
  Result<std::vector<VenuePaper>> papers =
      venues.PapersOfEdition(*tag, group, request.skip, request.show);
  if (!papers) return std::unexpected(papers.error());
  view.papers = *std::move(papers);
  return view;
}

Result<VenuePapersView> LoadVenuePapersView(store::VenueStore& venues,
                                            const std::vector<std::string>& ids) {
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
                                          " in this instance (the stored editions: /venue/)");
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

}  // namespace coolpapers::web
