#include "store/sqlite_venue_rows.h"

#include <algorithm>

#include "core/quoted_text.h"

namespace coolpapers::store {

std::string SelectVenuePapers(std::string_view rest) {
  return "SELECT " + std::string(kVenuePaperColumns) +
         ", (SELECT group_concat(id, ' ') FROM (SELECT id FROM venue_paper_ids "
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

VenueEdition MergeStoredEdition(const VenueEdition& stored, const VenueEdition& incoming) {
  VenueEdition merged = incoming;
  const auto keep = [](std::string& field, const std::string& stored_field) {
    if (field.empty()) field = stored_field;
  };
  keep(merged.full_name, stored.full_name);
  keep(merged.start_date, stored.start_date);
  keep(merged.end_date, stored.end_date);
  keep(merged.published, stored.published);
  keep(merged.location, stored.location);
  keep(merged.url, stored.url);
  if (!merged.official_count && stored.official_count) {
    merged.official_count = stored.official_count;
    merged.official_count_source = stored.official_count_source;
  }
  merged.sources = stored.sources;
  for (const std::string& source : incoming.sources) {
    if (!source.empty() && std::ranges::find(merged.sources, source) == merged.sources.end()) {
      merged.sources.push_back(source);
    }
  }
  return merged;
}

bool SameStoredFields(const VenuePaper& a, const VenuePaper& b) {
  return a.edition == b.edition && a.position == b.position && a.title == b.title &&
         a.authors == b.authors && a.abstract == b.abstract && a.track == b.track &&
         a.group == b.group && a.status == b.status && a.presentation == b.presentation &&
         a.keywords == b.keywords && a.pdf_url == b.pdf_url && a.landing_url == b.landing_url &&
         a.doi == b.doi && a.pages == b.pages && a.arxiv_id == b.arxiv_id &&
         a.arxiv_link == b.arxiv_link;
}

namespace {

class SqliteVenuePaperColumns final : public VenuePaperColumns {
 public:
  explicit SqliteVenuePaperColumns(const SqliteStatement& row) : row_(row) {}
  std::string_view Text(int column) const override { return row_.ColumnText(column); }
  int64_t Int(int column) const override { return row_.ColumnInt(column); }

 private:
  const SqliteStatement& row_;
};

}  // namespace

Result<VenuePaperRow> ReadVenuePaperRow(const SqliteStatement& row) {
  return ReadVenuePaperColumns(SqliteVenuePaperColumns(row));
}

Result<VenuePaperRow> ReadVenuePaperColumns(const VenuePaperColumns& row) {
  VenuePaperRow read;
  read.paper_key = row.Int(0);
  VenuePaper& paper = read.paper;
  paper.edition = std::string(row.Text(1));
  paper.position = row.Int(2);
  paper.title = std::string(row.Text(3));
  const std::vector<std::string> names = SplitLines(row.Text(4));
  const std::vector<std::string> affiliations = SplitLines(row.Text(5));
  for (size_t i = 0; i < names.size(); ++i) {
    paper.authors.push_back({names[i], i < affiliations.size() ? affiliations[i] : ""});
  }
  paper.abstract = std::string(row.Text(6));
  paper.track = std::string(row.Text(7));
  paper.group = std::string(row.Text(8));
  paper.status = std::string(row.Text(9));
  paper.presentation = std::string(row.Text(10));
  paper.keywords = SplitLines(row.Text(11));
  paper.pdf_url = std::string(row.Text(12));
  paper.landing_url = std::string(row.Text(13));
  paper.doi = std::string(row.Text(14));
  paper.pages = std::string(row.Text(15));
  paper.arxiv_id = std::string(row.Text(16));
  paper.arxiv_link = static_cast<ArxivLink>(row.Int(17));
  read.field_rank = static_cast<int>(row.Int(18));
  std::string_view ids = row.Text(19);
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
