#include "store/pg_paper_writes.h"

#include "core/quoted_text.h"
#include "core/timestamp.h"
#include "store/change_stamp_sql.h"
#include "store/page_change_set.h"
#include "store/pg_page_changes.h"
#include "store/paper_columns.h"
#include "store/paper_record_rules.h"

namespace coolpapers::store {
namespace {

// One statement per paper: inserted, replaced when the stored version is not newer (version 0
// never displaces a known one, and replaces another 0) and some field differs, or left alone
// (no row returned: kSelectVersion tells a newer stored paper from an identical one).
// xmax = 0 only on a row this statement inserted.
constexpr std::string_view kUpsertPaper =
    "INSERT INTO papers (id, version, title, authors, abstract, categories, comments, "
    "journal_ref, doi, license, affiliations) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
    "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, "
    "authors = EXCLUDED.authors, abstract = EXCLUDED.abstract, "
    "categories = EXCLUDED.categories, comments = EXCLUDED.comments, "
    "journal_ref = EXCLUDED.journal_ref, doi = EXCLUDED.doi, license = EXCLUDED.license, "
    "affiliations = EXCLUDED.affiliations "
    "WHERE papers.version <= EXCLUDED.version AND "
    "(papers.version, papers.title, papers.authors, papers.abstract, papers.categories, "
    " papers.comments, papers.journal_ref, papers.doi, papers.license, papers.affiliations) "
    "IS DISTINCT FROM "
    "(EXCLUDED.version, EXCLUDED.title, EXCLUDED.authors, EXCLUDED.abstract, EXCLUDED.categories, "
    " EXCLUDED.comments, EXCLUDED.journal_ref, EXCLUDED.doi, EXCLUDED.license, "
    " EXCLUDED.affiliations) "
    "RETURNING (xmax = 0) AS inserted";
constexpr std::string_view kSelectVersion = "SELECT version FROM papers WHERE id = $1";
constexpr std::string_view kSelectVersions =
    "SELECT version, extract(epoch FROM submitted)::bigint FROM paper_versions "
    "WHERE paper_id = $1 ORDER BY version";
constexpr std::string_view kDeleteVersions = "DELETE FROM paper_versions WHERE paper_id = $1";
constexpr std::string_view kInsertVersion =
    "INSERT INTO paper_versions (paper_id, version, submitted) VALUES ($1, $2, $3::timestamptz) "
    "ON CONFLICT (paper_id, version) DO UPDATE SET submitted = EXCLUDED.submitted";
constexpr std::string_view kLowerFirstListed =
    "UPDATE papers SET first_listed = $2::date "
    "WHERE id = $1 AND (first_listed IS NULL OR first_listed > $2::date)";
constexpr std::string_view kDeleteDayList =
    "DELETE FROM listings WHERE category = $1 AND day = $2::date";
constexpr std::string_view kSelectDayListRows =
    "SELECT paper_id, announce_type, position FROM listings WHERE category = $1 AND day = $2::date "
    "ORDER BY paper_id";
// Keeping the smaller (type, position) makes the row independent of the order records arrive
// in, which is what lets an interrupted import be re-run to the same result.
constexpr std::string_view kUpsertListing =
    "INSERT INTO listings (day, category, paper_id, announce_type, position) "
    "VALUES ($1::date, $2, $3, $4, $5) "
    "ON CONFLICT (category, day, paper_id) DO UPDATE "
    "SET announce_type = EXCLUDED.announce_type, position = EXCLUDED.position "
    "WHERE (EXCLUDED.announce_type, EXCLUDED.position) "
    "  < (listings.announce_type, listings.position)";
// The paper change lock (pg_migrations/0005), taken first: writers of papers then queue on it
// before they lock any row, as SQLite's one writer does. Taken later, by the change trigger
// alone, it would let two writers lock rows in opposite orders and deadlock.
constexpr std::string_view kLockPaperChanges = "SELECT pg_advisory_xact_lock(7007)";
// A click names an arXiv paper or a venue paper (any of its ids; the site sends the shown one).
constexpr std::string_view kSelectClickedPaperExists =
    "SELECT 1 FROM papers WHERE id = $1 UNION ALL SELECT 1 FROM venue_paper_ids WHERE id = $1";
constexpr std::string_view kRecordClickReader =
    "INSERT INTO paper_click_readers (paper_id, kind, day, reader) VALUES ($1, $2, $3::date, $4) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kPruneClickReaders =
    "DELETE FROM paper_click_readers WHERE day < $1::date";
constexpr std::string_view kCountClick =
    "INSERT INTO paper_clicks (paper_id, kind, count) VALUES ($1, $2, 1) "
    "ON CONFLICT (paper_id, kind) DO UPDATE SET count = paper_clicks.count + 1";
constexpr std::string_view kClicksOfPaper =
    "SELECT kind, count FROM paper_clicks WHERE paper_id = $1";

// True when the stored versions of the paper are exactly `paper.versions` (in version order).
bool SameVersions(PgQuery& query, const Paper& paper) {
  const pqxx::result stored = query.Run(kSelectVersions, paper.id);
  if (stored.size() != paper.versions.size()) return false;
  for (size_t i = 0; i < paper.versions.size(); ++i) {
    const pqxx::row row = stored[static_cast<pqxx::result::size_type>(i)];
    if (row[0].as<int>() != paper.versions[i].number ||
        row[1].as<int64_t>() != paper.versions[i].submitted.time_since_epoch().count()) {
      return false;
    }
  }
  return true;
}

// The paper's fields and versions written as the record has them; `inserted` when it is new.
void WritePaperVersions(PgQuery& query, const Paper& paper, bool inserted) {
  if (!inserted) query.Run(kDeleteVersions, paper.id);
  for (const PaperVersion& version : paper.versions) {
    query.Run(kInsertVersion, paper.id, version.number, FormatRfc3339(version.submitted));
  }
}

void WriteRecord(PgQuery& query, const PaperRecord& record, WriteSummary& summary) {
  const Paper& paper = record.paper;
  pqxx::result written =
      query.Run(kUpsertPaper, paper.id, paper.version, paper.title,
                JoinColumn(paper.authors, kAuthorSeparator), paper.abstract,
                JoinColumn(paper.categories, kCategorySeparator), paper.comments,
                paper.journal_ref, paper.doi, paper.license, JoinAffiliations(paper));
  if (!written.empty()) {
    const bool inserted = written[0][0].as<bool>();
    ++(inserted ? summary.papers_inserted : summary.papers_updated);
    WritePaperVersions(query, paper, inserted);
  } else if (query.Run(kSelectVersion, paper.id)[0][0].as<int64_t>() > paper.version) {
    ++summary.papers_unchanged;
  } else if (SameVersions(query, paper)) {
    ++summary.papers_unchanged;  // identical
  } else {  // the same fields, other versions
    ++summary.papers_updated;
    WritePaperVersions(query, paper, false);
  }
  if (const std::optional<Date> first = FirstListedOf(record)) {
    query.Run(kLowerFirstListed, paper.id, first->ToIso());
  }
  for (const Listing& listing : record.listings) {
    pqxx::result upserted =
        query.Run(kUpsertListing, listing.day.ToIso(), listing.category, listing.paper_id,
                  static_cast<int>(listing.type), listing.position);
    summary.listings_written += upserted.affected_rows();
  }
}

DayListRows ReadDayListRows(PgQuery& query, const CategoryDayKey& list) {
  DayListRows listed;
  for (const pqxx::row& row : query.Run(kSelectDayListRows, list.category, list.day.ToIso())) {
    listed.emplace_back(row[0].as<std::string>(), row[1].as<int64_t>(), row[2].as<int64_t>());
  }
  return listed;
}

}  // namespace

Result<WriteSummary> WritePgPaperRecords(PgConnectionPool& pool,
                                         std::span<const PaperRecord> records,
                                         const std::optional<CategoryDayKey>& replaced_list) {
  if (std::optional<Result<WriteSummary>> answer = AnswerWithoutWriting(records, replaced_list)) {
    return *std::move(answer);
  }
  WriteSummary summary;
  return pool.Transact<WriteSummary>("write papers", [&](PgQuery& query) -> Result<WriteSummary> {
    summary = WriteSummary{};  // a fresh count when a deadlock made PostgreSQL run this again
    query.Run(kLockPaperChanges);
    bool list_cleared = false;
    DayListRows list_before;
    if (replaced_list) {
      list_before = ReadDayListRows(query, *replaced_list);
      list_cleared = query.Run(kDeleteDayList, replaced_list->category,
                               replaced_list->day.ToIso()).affected_rows() > 0;
    }
    PageChangeSet changes;
    if (list_cleared) changes.AddList(replaced_list->category, replaced_list->day);
    for (const PaperRecord& record : records) {
      const WriteSummary before = summary;
      WriteRecord(query, record, summary);
      NoteRecordChanges(record, before, summary, changes);
    }
    // A list rewritten as it was changes nothing a page shows: no stamp, no page change.
    if (list_cleared && ReadDayListRows(query, *replaced_list) == list_before) {
      changes.RemoveList(replaced_list->category, replaced_list->day);
    }
    if (!changes.empty()) {
      query.Run(kBumpChangeStamp);
      RecordPgPageChanges(query, changes);
    }
    return summary;
  });
}

Result<int64_t> PrunePgClickReaders(PgConnectionPool& pool, Date before) {
  return pool.Transact<int64_t>("prune click readers", [&](PgQuery& query) -> Result<int64_t> {
    return static_cast<int64_t>(query.Run(kPruneClickReaders, before.ToIso()).affected_rows());
  });
}

Result<ClickCounts> AddPgPaperClick(PgConnectionPool& pool, const std::string& paper_id,
                                    ClickKind kind, std::string_view reader, Date day) {
  if (reader.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a click on " + QuoteForMessage(paper_id) +
                                                 " names no reader: expected a reader id");
  }
  const std::string kind_name(ClickKindName(kind));
  return pool.Transact<ClickCounts>("count a click", [&](PgQuery& query) -> Result<ClickCounts> {
    if (query.Run(kSelectClickedPaperExists, paper_id).empty()) {
      return Fail(ErrorCode::kNotFound, "no paper " + QuoteForMessage(paper_id) +
                                            " in the store: expected a listed paper or a venue paper");
    }
    // The reader's row was already there: a repeat the same day, which does not count again.
    if (query.Run(kRecordClickReader, paper_id, kind_name, day.ToIso(), std::string(reader))
            .affected_rows() > 0) {
      query.Run(kCountClick, paper_id, kind_name);
    }
    ClickCounts counts;
    for (const pqxx::row& row : query.Run(kClicksOfPaper, paper_id)) {
      (row[0].as<std::string>() == ClickKindName(ClickKind::kPdf) ? counts.pdf : counts.faq) =
          row[1].as<int64_t>();
    }
    return counts;
  });
}

}  // namespace coolpapers::store
