#include "web/api/venue_json.h"

#include <nlohmann/json.hpp>

#include "core/venue_coverage.h"
#include "web/api/json_dump.h"
#include "web/pages/venue_card.h"

namespace coolpapers::web {
using nlohmann::json;

json VenuePaperJson(const VenuePaper& paper) {
  json authors = json::array();
  for (const VenueAuthor& author : paper.authors) {
    authors.push_back(json{{"name", author.name}, {"affiliation", author.affiliation}});
  }
  json other_ids = json::array();
  for (const VenuePaperId& id : paper.other_ids) other_ids.push_back(id.ToString());
  return json{{"id", paper.id.ToString()},
              {"other_ids", std::move(other_ids)},
              {"edition", paper.edition},
              {"title", paper.title},
              {"authors", std::move(authors)},
              {"abstract", paper.abstract},
              {"track", paper.track},
              {"group", paper.group},
              {"status", paper.status},
              {"presentation", paper.presentation},
              {"keywords", paper.keywords},
              {"pdf_url", paper.pdf_url},
              {"landing_url", paper.landing_url},
              {"doi", paper.doi},
              {"pages", paper.pages},
              {"arxiv_id", paper.arxiv_id.empty() ? json(nullptr) : json(paper.arxiv_id)},
              {"arxiv_link", ArxivLinkName(paper.arxiv_link)},
              {"url", VenuePaperPath(paper.id)}};
}

namespace {

// The edition's own fields and its coverage, shared by the index and the edition's page.
json EditionJson(const VenueEdition& edition, int64_t papers, int64_t accepted) {
  return json{
      {"edition", edition.Tag()},
      {"venue", edition.venue},
      {"year", edition.year},
      {"full_name", edition.full_name},
      {"sources", edition.sources},
      {"official_count", edition.official_count ? json(*edition.official_count) : json(nullptr)},
      {"official_count_source", edition.official_count_source},
      {"coverage", RenderVenueCoverage(edition, papers, accepted)},
      {"coverage_differs", VenueCoverageDiffers(edition, accepted)},
      {"url", "/venue/" + edition.Tag()}};
}

}  // namespace

std::string RenderVenueIndexJson(const VenueIndexView& view) {
  json editions = json::array();
  for (const store::VenueEditionSummary& summary : view.editions) {
    json edition = EditionJson(summary.edition, summary.papers, summary.accepted);
    edition["papers"] = summary.papers;
    edition["accepted"] = summary.accepted;
    editions.push_back(std::move(edition));
  }
  return DumpSafeJson(json{{"editions", std::move(editions)}});
}

std::string RenderVenueEditionJson(const VenueEditionView& view) {
  const VenueEdition& edition = view.edition;
  json groups = json::array();
  for (const store::VenueGroupCount& count : view.groups) {
    groups.push_back(
        json{{"group", count.group}, {"papers", count.papers}, {"accepted", count.accepted}});
  }
  json papers = json::array();
  for (const VenuePaper& paper : view.papers) papers.push_back(VenuePaperJson(paper));
  json document = EditionJson(edition, view.papers_stored, view.accepted_stored);
  document["papers_stored"] = view.papers_stored;
  document["accepted_stored"] = view.accepted_stored;
  document["editions"] = view.siblings;
  document["group"] = view.group ? json(*view.group) : json(nullptr);
  document["groups"] = std::move(groups);
  document["total"] = view.total;
  document["skip"] = view.skip;
  document["show"] = view.show;
  document["papers"] = std::move(papers);
  return DumpSafeJson(document);
}

std::string RenderVenuePapersJson(const VenuePapersView& view) {
  json papers = json::array();
  for (const auto& entry : view.papers) papers.push_back(VenuePaperJson(entry.first));
  return DumpSafeJson(json{{"papers", std::move(papers)}, {"missing", view.missing}});
}

}  // namespace coolpapers::web
