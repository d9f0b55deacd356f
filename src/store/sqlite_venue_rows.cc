#include "store/sqlite_venue_rows.h"

#include <algorithm>

#include "core/quoted_text.h"

namespace coolpapers::store {

std::string SelectVenuePapers(std::string_view rest) {
  return "SELECT p.paper_key, p.edition, p.position, p.title, p.authors, p.affiliations, "
         "p.abstract, p.track, p.group_name, p.status, p.presentation, p.keywords, p.pdf_url, "
         "p.landing_url, p.doi, p.pages, p.arxiv_id, p.arxiv_link, p.field_rank, "
         "(SELECT group_concat(id, ' ') FROM (SELECT id FROM venue_paper_ids "
         "WHERE paper_key = p.paper_key ORDER BY rank, id)) FROM venue_papers AS p " +
         std::string(rest);
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += '\n';
    joined += items[i];
  }
  return joined;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find('\n', start);
    items.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return items;
}

std::string AuthorNames(const std::vector<VenueAuthor>& authors) {
  std::vector<std::string> names;
  for (const VenueAuthor& author : authors) names.push_back(author.name);
  return JoinLines(names);
}

std::string AuthorAffiliations(const std::vector<VenueAuthor>& authors) {
  // All empty is stored as '' rather than a row of newlines.
  const bool any = std::ranges::any_of(authors, [](const auto& a) { return !a.affiliation.empty(); });
  if (!any) return {};
  std::vector<std::string> affiliations;
  for (const VenueAuthor& author : authors) affiliations.push_back(author.affiliation);
  return JoinLines(affiliations);
}

Result<VenuePaperRow> ReadVenuePaperRow(const SqliteStatement& row) {
  VenuePaperRow read;
  read.paper_key = row.ColumnInt(0);
  VenuePaper& paper = read.paper;
  paper.edition = std::string(row.ColumnText(1));
  paper.position = row.ColumnInt(2);
  paper.title = std::string(row.ColumnText(3));
  const std::vector<std::string> names = SplitLines(row.ColumnText(4));
  const std::vector<std::string> affiliations = SplitLines(row.ColumnText(5));
  for (size_t i = 0; i < names.size(); ++i) {
    paper.authors.push_back({names[i], i < affiliations.size() ? affiliations[i] : ""});
  }
  paper.abstract = std::string(row.ColumnText(6));
  paper.track = std::string(row.ColumnText(7));
  paper.group = std::string(row.ColumnText(8));
  paper.status = std::string(row.ColumnText(9));
  paper.presentation = std::string(row.ColumnText(10));
  paper.keywords = SplitLines(row.ColumnText(11));
  paper.pdf_url = std::string(row.ColumnText(12));
  paper.landing_url = std::string(row.ColumnText(13));
  paper.doi = std::string(row.ColumnText(14));
  paper.pages = std::string(row.ColumnText(15));
  paper.arxiv_id = std::string(row.ColumnText(16));
  paper.arxiv_link = static_cast<ArxivLink>(row.ColumnInt(17));
  read.field_rank = static_cast<int>(row.ColumnInt(18));
  std::string_view ids = row.ColumnText(19);
  bool first = true;
  while (!ids.empty()) {
    const size_t space = ids.find(' ');
    const std::string_view text = ids.substr(0, space);
    ids = space == std::string_view::npos ? std::string_view() : ids.substr(space + 1);
    Result<VenuePaperId> id = ParseVenuePaperId(text);
    if (!id) {
      return Fail(ErrorCode::kCorrupt, "the store holds a damaged venue paper id",
                  "venue_paper_ids.id " + QuoteForMessage(text));
    }
    if (first) {
      paper.id = std::move(*id);
    } else {
      paper.other_ids.push_back(std::move(*id));
    }
    first = false;
  }
  if (first) {
    return Fail(ErrorCode::kCorrupt, "the store holds a venue paper without an id",
                "venue_papers.paper_key " + std::to_string(read.paper_key));
  }
  return read;
}

}  // namespace coolpapers::store
