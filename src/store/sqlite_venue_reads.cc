#include "store/sqlite_venue_reads.h"

#include <nlohmann/json.hpp>

#include "store/change_stamp_sql.h"
#include "store/sqlite_venue_rows.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kEditionColumns =
    "e.venue, e.year, e.full_name, e.sources, e.start_date, e.end_date, e.published, "
    "e.location, e.url, e.official_count, e.official_count_source";
constexpr std::string_view kGroupCounts =
    "SELECT group_name, count(*), total(status = 'Accept') FROM venue_papers "
    "WHERE edition = ?1 GROUP BY group_name ORDER BY group_name";

// Reads kEditionColumns starting at `first`.
VenueEdition ReadEditionColumns(const SqliteStatement& row, int first) {
  VenueEdition edition;
  edition.venue = std::string(row.ColumnText(first));
  edition.year = static_cast<int>(row.ColumnInt(first + 1));
  edition.full_name = std::string(row.ColumnText(first + 2));
  edition.sources = SplitLines(row.ColumnText(first + 3));
  edition.start_date = std::string(row.ColumnText(first + 4));
  edition.end_date = std::string(row.ColumnText(first + 5));
  edition.published = std::string(row.ColumnText(first + 6));
  edition.location = std::string(row.ColumnText(first + 7));
  edition.url = std::string(row.ColumnText(first + 8));
  if (!row.ColumnIsNull(first + 9)) edition.official_count = row.ColumnInt(first + 9);
  edition.official_count_source = std::string(row.ColumnText(first + 10));
  return edition;
}

// Runs a statement made by SelectVenuePapers to the end and reads every row.
Result<std::vector<VenuePaper>> ReadPaperRows(SqliteStatement& select) {
  std::vector<VenuePaper> papers;
  for (;;) {
    auto row = select.Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    auto paper = ReadVenuePaperRow(select);
    if (!paper) return std::unexpected(std::move(paper.error()));
    papers.push_back(std::move(paper->paper));
  }
  return papers;
}

}  // namespace

Result<std::vector<VenueEditionSummary>> ReadVenueEditions(SqliteConnection& connection) {
  static const std::string kSelect =
      "SELECT (SELECT count(*) FROM venue_papers WHERE edition = e.edition), "
      "(SELECT count(*) FROM venue_papers WHERE edition = e.edition AND status = 'Accept'), " +
      std::string(kEditionColumns) +
      " FROM venue_editions AS e ORDER BY e.venue COLLATE NOCASE, e.year DESC";
  auto select = connection.Prepare(kSelect);
  if (!select) return std::unexpected(std::move(select.error()));
  std::vector<VenueEditionSummary> editions;
  for (;;) {
    auto row = (*select)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    VenueEditionSummary summary;
    summary.papers = (*select)->ColumnInt(0);
    summary.accepted = (*select)->ColumnInt(1);
    summary.edition = ReadEditionColumns(**select, 2);
    editions.push_back(std::move(summary));
  }
  return editions;
}

Result<std::optional<VenueEdition>> ReadVenueEdition(SqliteConnection& connection,
                                                     std::string_view tag) {
  static const std::string kSelect =
      "SELECT " + std::string(kEditionColumns) + " FROM venue_editions AS e WHERE e.edition = ?1";
  auto select = connection.Prepare(kSelect);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, tag);
  auto row = (*select)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return std::nullopt;
  return ReadEditionColumns(**select, 0);
}

Result<std::vector<VenueGroupCount>> ReadVenueGroupCounts(SqliteConnection& connection,
                                                          std::string_view tag) {
  auto select = connection.Prepare(kGroupCounts);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, tag);
  std::vector<VenueGroupCount> groups;
  for (;;) {
    auto row = (*select)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    groups.push_back({std::string((*select)->ColumnText(0)), (*select)->ColumnInt(1),
                      (*select)->ColumnInt(2)});
  }
  return groups;
}

Result<std::vector<VenuePaper>> ReadPapersOfEdition(SqliteConnection& connection,
                                                    std::string_view tag,
                                                    std::optional<std::string_view> group,
                                                    int64_t offset, int64_t limit) {
  // Each form walks one index in order: (edition, group_name, position) or (edition, position).
  // Two sources' positions can tie (NAACL's Anthology volumes and Paper Copilot's Findings both
  // count from 1): the title, not the order of import, breaks the tie.
  static const std::string kOfGroup = SelectVenuePapers(
      "WHERE p.edition = ?1 AND p.group_name = ?4 ORDER BY p.position, p.title_key, p.paper_key "
      "LIMIT ?3 OFFSET ?2");
  static const std::string kOfEdition = SelectVenuePapers(
      "WHERE p.edition = ?1 ORDER BY p.position, p.title_key, p.paper_key LIMIT ?3 OFFSET ?2");
  auto select = connection.Prepare(group ? kOfGroup : kOfEdition);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, tag).Bind(2, std::max<int64_t>(offset, 0)).Bind(3, std::max<int64_t>(limit, 0));
  if (group) (*select)->Bind(4, *group);
  return ReadPaperRows(**select);
}

Result<std::vector<VenuePaper>> ReadVenuePapersByIds(SqliteConnection& connection,
                                                     std::span<const std::string> ids) {
  if (ids.empty()) return std::vector<VenuePaper>{};
  // The ids come as one JSON array; the first occurrence of each paper keeps its place.
  static const std::string kSelect = SelectVenuePapers(
      "JOIN (SELECT i.paper_key, min(a.key) AS asked FROM json_each(?1) AS a "
      "JOIN venue_paper_ids AS i ON i.id = a.value GROUP BY i.paper_key) AS w "
      "ON w.paper_key = p.paper_key ORDER BY w.asked");
  const std::string ids_json = nlohmann::json(ids).dump();
  auto select = connection.Prepare(kSelect);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, ids_json);
  return ReadPaperRows(**select);
}

Result<std::vector<VenuePaper>> ReadVenuePapersOfArxiv(SqliteConnection& connection,
                                                       std::span<const std::string> arxiv_ids) {
  if (arxiv_ids.empty()) return std::vector<VenuePaper>{};
  static const std::string kSelect = SelectVenuePapers(
      "JOIN json_each(?1) AS a ON p.arxiv_id = a.value ORDER BY a.key, p.edition, p.position");
  const std::string ids_json = nlohmann::json(arxiv_ids).dump();
  auto select = connection.Prepare(kSelect);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, ids_json);
  return ReadPaperRows(**select);
}

Result<std::vector<VenuePaper>> ReadVenuePapersChangedSince(SqliteConnection& connection,
                                                            uint64_t stamp) {
  static const std::string kSelect = SelectVenuePapers(
      "WHERE p.venue_stamp > ?1 OR p.edition IN "
      "(SELECT edition FROM venue_editions WHERE venue_stamp > ?1) ORDER BY p.paper_key");
  auto select = connection.Prepare(kSelect);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, static_cast<int64_t>(stamp));
  return ReadPaperRows(**select);
}

Result<uint64_t> ReadVenueStamp(SqliteConnection& connection) {
  auto rows = connection.Prepare(kReadVenueStamp);
  if (!rows) return std::unexpected(std::move(rows.error()));
  auto row = (*rows)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return *row ? static_cast<uint64_t>((*rows)->ColumnInt(0)) : 0;
}

}  // namespace coolpapers::store
