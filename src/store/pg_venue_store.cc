#include "store/pg_venue_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/quoted_text.h"
#include "core/title_key.h"
#include "core/venue_merge.h"
#include "store/change_stamp_sql.h"
#include "store/pg_migrator.h"
#include "store/pg_paper_reads.h"
#include "store/sqlite_venue_rows.h"

namespace coolpapers::store {
namespace {

// Venue writers take turns, as SQLite's one writer does: a paper is looked up by its ids and
// then inserted or merged, and two writers of the same paper must not both insert it.
constexpr std::string_view kLockVenueWrites = "SELECT pg_advisory_xact_lock(7014)";

constexpr std::string_view kEditionColumns =
    "e.venue, e.year, e.full_name, e.sources, e.start_date, e.end_date, e.published, "
    "e.location, e.url, e.official_count, e.official_count_source";
constexpr std::string_view kUpsertEdition =
    "INSERT INTO venue_editions (edition, venue, year, full_name, sources, start_date, "
    "end_date, published, location, url, official_count, official_count_source, venue_stamp) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "ON CONFLICT (edition) DO UPDATE SET venue = EXCLUDED.venue, year = EXCLUDED.year, "
    "full_name = EXCLUDED.full_name, sources = EXCLUDED.sources, "
    "start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, "
    "published = EXCLUDED.published, location = EXCLUDED.location, url = EXCLUDED.url, "
    "official_count = EXCLUDED.official_count, "
    "official_count_source = EXCLUDED.official_count_source, venue_stamp = EXCLUDED.venue_stamp";
constexpr std::string_view kEditionExists = "SELECT 1 FROM venue_editions WHERE edition = $1";
constexpr std::string_view kSelectPaperKeyOfIds =
    "SELECT i.paper_key FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS a(id, n) "
    "JOIN venue_paper_ids AS i ON i.id = a.id ORDER BY a.n LIMIT 1";
constexpr std::string_view kInsertPaper =
    "INSERT INTO venue_papers (edition, position, title, title_key, authors, affiliations, "
    "abstract, track, group_name, status, presentation, keywords, pdf_url, landing_url, doi, "
    "pages, arxiv_id, arxiv_link, field_rank, venue_stamp) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20) RETURNING paper_key";
constexpr std::string_view kUpdatePaper =
    "UPDATE venue_papers SET edition = $1, position = $2, title = $3, title_key = $4, "
    "authors = $5, affiliations = $6, abstract = $7, track = $8, group_name = $9, status = $10, "
    "presentation = $11, keywords = $12, pdf_url = $13, landing_url = $14, doi = $15, "
    "pages = $16, arxiv_id = $17, arxiv_link = $18, field_rank = $19, venue_stamp = $20 "
    "WHERE paper_key = $21";
// A paper given a new id: the id it is shown under may have changed.
constexpr std::string_view kStampPaper =
    "UPDATE venue_papers SET venue_stamp = $2 WHERE paper_key = $1";
// Moves the venue stamp and returns its new value, which marks the rows the transaction changes.
constexpr std::string_view kBumpVenueStampReturning =
    "INSERT INTO meta (key, value) VALUES ('venue_stamp', 1) "
    "ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value";
constexpr std::string_view kChangedSince =
    "WHERE p.venue_stamp > $1 OR p.edition IN "
    "(SELECT edition FROM venue_editions WHERE venue_stamp > $1) ORDER BY p.paper_key";
// The ids and their ranks come as two parallel JSON arrays: one statement per paper.
constexpr std::string_view kInsertIds =
    "INSERT INTO venue_paper_ids (id, paper_key, rank) "
    "SELECT a.id, $2, r.rank::int "
    "FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS a(id, n) "
    "JOIN jsonb_array_elements_text($3::jsonb) WITH ORDINALITY AS r(rank, n) ON r.n = a.n "
    "ON CONFLICT (id) DO NOTHING";

constexpr std::string_view kTitleKeysSequence =
    "SELECT value FROM meta WHERE key = 'arxiv_title_keys_sequence' FOR UPDATE";
constexpr std::string_view kSetTitleKeysSequence =
    "UPDATE meta SET value = $1 WHERE key = 'arxiv_title_keys_sequence'";
constexpr std::string_view kChangedPapers =
    "SELECT c.sequence, p.id, p.title FROM paper_changes AS c JOIN papers AS p ON p.id = c.paper_id "
    "WHERE c.sequence > $1 ORDER BY c.sequence LIMIT $2";
constexpr std::string_view kDeleteTitleKeys =
    "DELETE FROM arxiv_title_keys WHERE paper_id IN (SELECT jsonb_array_elements_text($1::jsonb))";
constexpr std::string_view kInsertTitleKeys =
    "INSERT INTO arxiv_title_keys (title_key, paper_id) "
    "SELECT k.key, p.id FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS k(key, n) "
    "JOIN jsonb_array_elements_text($2::jsonb) WITH ORDINALITY AS p(id, n) ON p.n = k.n "
    "WHERE k.key <> '' ON CONFLICT DO NOTHING";
// As SQLite's: keys of 12 characters or more, and exactly one arXiv paper per key.
constexpr std::string_view kLinkByTitle =
    "UPDATE venue_papers SET arxiv_link = 2, arxiv_id = "
    "(SELECT paper_id FROM arxiv_title_keys AS k WHERE k.title_key = venue_papers.title_key) "
    "WHERE arxiv_id IS NULL AND length(title_key) >= 12 AND "
    "(SELECT count(*) FROM arxiv_title_keys AS k WHERE k.title_key = venue_papers.title_key) = 1";
constexpr int64_t kTitleKeyChunk = 5000;

constexpr std::string_view kGroupCounts =
    "SELECT group_name, count(*), count(*) FILTER (WHERE status = 'Accept') FROM venue_papers "
    "WHERE edition = $1 GROUP BY group_name ORDER BY group_name";

// "SELECT <the paper columns>, <its ids> FROM venue_papers AS p " + `rest`.
std::string SelectPgVenuePapers(std::string_view rest) {
  return "SELECT " + std::string(kVenuePaperColumns) +
         ", (SELECT string_agg(id, ' ' ORDER BY rank, id) FROM venue_paper_ids "
         "WHERE paper_key = p.paper_key) FROM venue_papers AS p " +
         std::string(rest);
}

class PgVenuePaperColumns final : public VenuePaperColumns {
 public:
  explicit PgVenuePaperColumns(const pqxx::row& row) : row_(row) {}
  std::string_view Text(int column) const override {
    const pqxx::field field = row_[column];
    return field.is_null() ? std::string_view() : std::string_view(field.c_str(), field.size());
  }
  int64_t Int(int column) const override {
    const pqxx::field field = row_[column];
    return field.is_null() ? 0 : field.as<int64_t>();
  }

 private:
  const pqxx::row& row_;
};

Result<std::vector<VenuePaper>> ReadPaperRows(const pqxx::result& rows) {
  std::vector<VenuePaper> papers;
  for (const pqxx::row& row : rows) {
    auto paper = ReadVenuePaperColumns(PgVenuePaperColumns(row));
    if (!paper) return std::unexpected(std::move(paper.error()));
    papers.push_back(std::move(paper->paper));
  }
  return papers;
}

VenueEdition ReadEditionColumns(const pqxx::row& row, int first) {
  VenueEdition edition;
  edition.venue = row[first].as<std::string>();
  edition.year = row[first + 1].as<int>();
  edition.full_name = row[first + 2].as<std::string>();
  edition.sources = SplitLines(row[first + 3].as<std::string>());
  edition.start_date = row[first + 4].as<std::string>();
  edition.end_date = row[first + 5].as<std::string>();
  edition.published = row[first + 6].as<std::string>();
  edition.location = row[first + 7].as<std::string>();
  edition.url = row[first + 8].as<std::string>();
  if (!row[first + 9].is_null()) edition.official_count = row[first + 9].as<int64_t>();
  edition.official_count_source = row[first + 10].as<std::string>();
  return edition;
}

std::optional<VenueEdition> LoadEditionIn(PgQuery& query, const std::string& tag) {
  static const std::string kSelect =
      "SELECT " + std::string(kEditionColumns) + " FROM venue_editions AS e WHERE e.edition = $1";
  const pqxx::result rows = query.Run(kSelect, tag);
  if (rows.empty()) return std::nullopt;
  return ReadEditionColumns(rows[0], 0);
}

std::vector<std::string> IdsOfPaper(const VenuePaper& paper) {
  std::vector<std::string> ids = {paper.id.ToString()};
  for (const VenuePaperId& id : paper.other_ids) ids.push_back(id.ToString());
  return ids;
}

// Runs kInsertPaper or kUpdatePaper (then with `paper_key` as $21) for `paper`, marking the row
// with `venue_stamp`.
pqxx::result WritePaperColumns(PgQuery& query, std::string_view sql, const VenuePaper& paper,
                               int field_rank, int64_t venue_stamp,
                               std::optional<int64_t> paper_key = std::nullopt) {
  const std::optional<std::string> arxiv_id =
      paper.arxiv_id.empty() ? std::nullopt : std::optional<std::string>(paper.arxiv_id);
  const auto run = [&](auto&&... key) {
    return query.Run(sql, paper.edition, paper.position, paper.title, MakeTitleKey(paper.title),
                     AuthorNames(paper.authors), AuthorAffiliations(paper.authors),
                     paper.abstract, paper.track, paper.group, paper.status, paper.presentation,
                     JoinLines(paper.keywords), paper.pdf_url, paper.landing_url, paper.doi,
                     paper.pages, arxiv_id, static_cast<int>(paper.arxiv_link), field_rank,
                     venue_stamp, key...);
  };
  return paper_key ? run(*paper_key) : run();
}

enum class PaperWrite { kInserted, kMerged };

Result<PaperWrite> WriteOnePaper(PgQuery& query, const VenuePaper& paper, int64_t venue_stamp) {
  const int rank = VenueRecordRank(paper);
  const std::vector<std::string> ids = IdsOfPaper(paper);
  std::vector<std::string> ranks;
  ranks.push_back(std::to_string(VenueSourceRank(paper.id.source)));
  for (const VenuePaperId& id : paper.other_ids) {
    ranks.push_back(std::to_string(VenueSourceRank(id.source)));
  }
  const std::string ids_json = PgJsonList(ids);
  const std::string ranks_json = PgJsonList(ranks);
  const pqxx::result found = query.Run(kSelectPaperKeyOfIds, ids_json);
  if (found.empty()) {
    const int64_t paper_key =
        WritePaperColumns(query, kInsertPaper, paper, rank, venue_stamp)[0][0].as<int64_t>();
    query.Run(kInsertIds, ids_json, paper_key, ranks_json);
    return PaperWrite::kInserted;
  }
  const int64_t paper_key = found[0][0].as<int64_t>();
  static const std::string kSelectPaperByKey = SelectPgVenuePapers("WHERE p.paper_key = $1");
  const pqxx::result stored_rows = query.Run(kSelectPaperByKey, paper_key);
  if (stored_rows.empty()) {
    return Fail(ErrorCode::kInternal, "a venue paper vanished while being written");
  }
  auto stored = ReadVenuePaperColumns(PgVenuePaperColumns(stored_rows[0]));
  if (!stored) return std::unexpected(std::move(stored.error()));
  const VenuePaper merged = MergeVenuePapers(stored->paper, stored->field_rank, paper, rank);
  const int merged_rank = std::min(stored->field_rank, rank);
  const bool fields_changed =
      !SameStoredFields(merged, stored->paper) || merged_rank != stored->field_rank;
  if (fields_changed) {
    WritePaperColumns(query, kUpdatePaper, merged, merged_rank, venue_stamp, paper_key);
  }
  const bool ids_added = query.Run(kInsertIds, ids_json, paper_key, ranks_json).affected_rows() > 0;
  if (ids_added && !fields_changed) query.Run(kStampPaper, paper_key, venue_stamp);
  return PaperWrite::kMerged;
}

// Takes in up to kTitleKeyChunk arXiv papers changed since the last call; false when there
// were none left.
bool CatchUpTitleKeyChunk(PgQuery& query) {
  const pqxx::result sequence_rows = query.Run(kTitleKeysSequence);
  int64_t sequence = sequence_rows.empty() ? 0 : sequence_rows[0][0].as<int64_t>();
  std::vector<std::string> ids;
  std::vector<std::string> keys;
  for (const pqxx::row& row : query.Run(kChangedPapers, sequence, kTitleKeyChunk)) {
    sequence = row[0].as<int64_t>();
    ids.push_back(row[1].as<std::string>());
    keys.push_back(MakeTitleKey(row[2].as<std::string>()));
  }
  if (ids.empty()) return false;
  const std::string ids_json = PgJsonList(ids);
  query.Run(kDeleteTitleKeys, ids_json);
  query.Run(kInsertTitleKeys, PgJsonList(keys), ids_json);
  query.Run(kSetTitleKeysSequence, sequence);
  return true;
}

class PgVenueStore final : public VenueStore {
 public:
  explicit PgVenueStore(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<void> WriteEdition(const VenueEdition& edition) override {
    if (edition.venue.empty() || edition.year < 1000 || edition.year > 9999) {
      return Fail(ErrorCode::kInvalidArgument,
                  "cannot store venue edition " + QuoteForMessage(edition.Tag()) +
                      ": expected a venue name and a four-digit year");
    }
    const std::string tag = edition.Tag();
    return pool_->Transact<void>("store a venue edition", [&](PgQuery& query) -> Result<void> {
      query.Run(kLockVenueWrites);
      const std::optional<VenueEdition> stored = LoadEditionIn(query, tag);
      const VenueEdition merged = stored ? MergeStoredEdition(*stored, edition) : edition;
      query.Run(kBumpChangeStamp);
      const int64_t venue_stamp = query.Run(kBumpVenueStampReturning)[0][0].as<int64_t>();
      // An unchanged edition keeps its stamp: its papers' documents need not be made again.
      if (stored && *stored == merged) return {};
      query.Run(kUpsertEdition, tag, merged.venue, merged.year, merged.full_name,
                JoinLines(merged.sources), merged.start_date, merged.end_date, merged.published,
                merged.location, merged.url, merged.official_count,
                merged.official_count_source, venue_stamp);
      return {};
    });
  }

  Result<VenueWriteSummary> WriteVenuePapers(std::span<const VenuePaper> papers) override {
    if (papers.empty()) return VenueWriteSummary{};
    return pool_->Transact<VenueWriteSummary>(
        "store venue papers", [&](PgQuery& query) -> Result<VenueWriteSummary> {
          query.Run(kLockVenueWrites);
          const int64_t venue_stamp = query.Run(kBumpVenueStampReturning)[0][0].as<int64_t>();
          VenueWriteSummary summary;
          std::unordered_set<std::string> known_editions;
          for (const VenuePaper& paper : papers) {
            if (paper.title.empty()) {
              return Fail(ErrorCode::kInvalidArgument,
                          "venue paper " + QuoteForMessage(paper.id.ToString()) + " has no title");
            }
            if (!known_editions.contains(paper.edition)) {
              if (query.Run(kEditionExists, paper.edition).empty()) {
                return Fail(ErrorCode::kNotFound,
                            "venue paper " + QuoteForMessage(paper.id.ToString()) +
                                " belongs to edition " + QuoteForMessage(paper.edition) +
                                ", which the store does not hold");
              }
              known_editions.insert(paper.edition);
            }
            auto written = WriteOnePaper(query, paper, venue_stamp);
            if (!written) return std::unexpected(std::move(written.error()));
            ++(*written == PaperWrite::kInserted ? summary.papers_new : summary.papers_updated);
          }
          query.Run(kBumpChangeStamp);
          return summary;
        });
  }

  Result<int64_t> LinkArxivByTitle() override {
    for (;;) {
      auto more = pool_->Transact<bool>("take in arXiv titles", [&](PgQuery& query) -> Result<bool> {
        query.Run(kLockVenueWrites);
        return CatchUpTitleKeyChunk(query);
      });
      if (!more) return std::unexpected(std::move(more.error()));
      if (!*more) break;
    }
    return pool_->Transact<int64_t>("link venue papers to arXiv",
                                    [&](PgQuery& query) -> Result<int64_t> {
                                      query.Run(kLockVenueWrites);
                                      const int64_t linked = query.Run(kLinkByTitle).affected_rows();
                                      if (linked > 0) query.Run(kBumpChangeStamp);
                                      return linked;
                                    });
  }

  Result<uint64_t> VenueStamp() override {
    return pool_->Autocommit<uint64_t>("read the venue stamp", [&](PgQuery& query) -> Result<uint64_t> {
      return static_cast<uint64_t>(query.Run(kReadVenueStamp)[0][0].as<int64_t>());
    });
  }

  Result<std::vector<VenuePaper>> VenuePapersChangedSince(uint64_t stamp) override {
    static const std::string kSelect = SelectPgVenuePapers(kChangedSince);
    return pool_->Autocommit<std::vector<VenuePaper>>(
        "read the changed venue papers", [&](PgQuery& query) -> Result<std::vector<VenuePaper>> {
          return ReadPaperRows(query.Run(kSelect, static_cast<int64_t>(stamp)));
        });
  }

  Result<std::vector<VenueEditionSummary>> ListEditions() override {
    static const std::string kSelect =
        "SELECT (SELECT count(*) FROM venue_papers WHERE edition = e.edition), "
        "(SELECT count(*) FROM venue_papers WHERE edition = e.edition AND status = 'Accept'), " +
        std::string(kEditionColumns) +
        " FROM venue_editions AS e ORDER BY lower(e.venue) COLLATE \"C\", e.year DESC";
    return pool_->Autocommit<std::vector<VenueEditionSummary>>(
        "list venue editions", [&](PgQuery& query) -> Result<std::vector<VenueEditionSummary>> {
          std::vector<VenueEditionSummary> editions;
          for (const pqxx::row& row : query.Run(kSelect)) {
            editions.push_back({ReadEditionColumns(row, 2), row[0].as<int64_t>(),
                                row[1].as<int64_t>()});
          }
          return editions;
        });
  }

  Result<std::optional<VenueEdition>> LoadEdition(std::string_view tag) override {
    const std::string tag_text(tag);
    return pool_->Autocommit<std::optional<VenueEdition>>(
        "read a venue edition", [&](PgQuery& query) -> Result<std::optional<VenueEdition>> {
          return LoadEditionIn(query, tag_text);
        });
  }

  Result<std::vector<VenueGroupCount>> GroupCounts(std::string_view tag) override {
    const std::string tag_text(tag);
    return pool_->Autocommit<std::vector<VenueGroupCount>>(
        "count a venue edition's groups",
        [&](PgQuery& query) -> Result<std::vector<VenueGroupCount>> {
          std::vector<VenueGroupCount> groups;
          for (const pqxx::row& row : query.Run(kGroupCounts, tag_text)) {
            groups.push_back(
                {row[0].as<std::string>(), row[1].as<int64_t>(), row[2].as<int64_t>()});
          }
          return groups;
        });
  }

  Result<std::vector<VenuePaper>> PapersOfEdition(std::string_view tag,
                                                  std::optional<std::string_view> group,
                                                  int64_t offset, int64_t limit) override {
    // As SQLite's: ties of position (two sources' lists) are broken by the title.
    static const std::string kOfGroup = SelectPgVenuePapers(
        "WHERE p.edition = $1 AND p.group_name = $4 "
        "ORDER BY p.position, p.title_key, p.paper_key LIMIT $3 OFFSET $2");
    static const std::string kOfEdition = SelectPgVenuePapers(
        "WHERE p.edition = $1 ORDER BY p.position, p.title_key, p.paper_key LIMIT $3 OFFSET $2");
    const std::string tag_text(tag);
    const int64_t skip = std::max<int64_t>(offset, 0);
    const int64_t show = std::max<int64_t>(limit, 0);
    return pool_->Autocommit<std::vector<VenuePaper>>(
        "read a venue edition's papers", [&](PgQuery& query) -> Result<std::vector<VenuePaper>> {
          return ReadPaperRows(group ? query.Run(kOfGroup, tag_text, skip, show, std::string(*group))
                                     : query.Run(kOfEdition, tag_text, skip, show));
        });
  }

  Result<std::vector<VenuePaper>> VenuePapersByIds(std::span<const std::string> ids) override {
    if (ids.empty()) return std::vector<VenuePaper>{};
    static const std::string kSelect = SelectPgVenuePapers(
        "JOIN (SELECT i.paper_key, min(a.n) AS asked "
        "FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS a(id, n) "
        "JOIN venue_paper_ids AS i ON i.id = a.id GROUP BY i.paper_key) AS w "
        "ON w.paper_key = p.paper_key ORDER BY w.asked");
    const std::string ids_json = PgJsonList(ids);
    return pool_->Autocommit<std::vector<VenuePaper>>(
        "read venue papers", [&](PgQuery& query) -> Result<std::vector<VenuePaper>> {
          return ReadPaperRows(query.Run(kSelect, ids_json));
        });
  }

  Result<std::vector<VenuePaper>> VenuePapersOfArxiv(
      std::span<const std::string> arxiv_ids) override {
    if (arxiv_ids.empty()) return std::vector<VenuePaper>{};
    static const std::string kSelect = SelectPgVenuePapers(
        "JOIN jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS a(id, n) "
        "ON p.arxiv_id = a.id ORDER BY a.n, p.edition, p.position");
    const std::string ids_json = PgJsonList(arxiv_ids);
    return pool_->Autocommit<std::vector<VenuePaper>>(
        "read the venue papers of arXiv papers",
        [&](PgQuery& query) -> Result<std::vector<VenuePaper>> {
          return ReadPaperRows(query.Run(kSelect, ids_json));
        });
  }

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<VenueStore>> OpenPgVenueStore(const std::string& url,
                                                     const PgOptions& options) {
  auto pool = OpenMigratedPgPool(url, options.connections);
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgVenueStore>(std::move(*pool));
}

}  // namespace coolpapers::store
