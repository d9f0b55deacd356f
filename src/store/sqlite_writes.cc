#include "store/sqlite_writes.h"

#include <algorithm>
#include <optional>

#include "core/quoted_text.h"
#include "core/timestamp.h"
#include "store/change_stamp_sql.h"
#include "store/page_change_set.h"
#include "store/sqlite_page_changes.h"
#include "store/paper_columns.h"
#include "store/paper_record_rules.h"
#include "store/sqlite_reads.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kSelectPaperVersion = "SELECT version FROM papers WHERE id = ?1";
constexpr std::string_view kInsertPaper =
    "INSERT INTO papers (id, version, title, authors, abstract, categories, comments, "
    "journal_ref, doi, license, affiliations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
// Only when some field differs: an identical record writes nothing (and fires no change trigger).
constexpr std::string_view kUpdatePaper =
    "UPDATE papers SET version = ?2, title = ?3, authors = ?4, abstract = ?5, categories = ?6, "
    "comments = ?7, journal_ref = ?8, doi = ?9, license = ?10, affiliations = ?11 WHERE id = ?1 AND ("
    "version IS NOT ?2 OR title IS NOT ?3 OR authors IS NOT ?4 OR abstract IS NOT ?5 OR "
    "categories IS NOT ?6 OR comments IS NOT ?7 OR journal_ref IS NOT ?8 OR doi IS NOT ?9 OR "
    "license IS NOT ?10 OR affiliations IS NOT ?11)";
constexpr std::string_view kSelectVersions =
    "SELECT version, submitted FROM paper_versions WHERE paper_id = ?1 ORDER BY version";
constexpr std::string_view kLowerFirstListed =
    "UPDATE papers SET first_listed = ?2 "
    "WHERE id = ?1 AND (first_listed IS NULL OR first_listed > ?2)";
constexpr std::string_view kDeleteDayList = "DELETE FROM listings WHERE category = ?1 AND day = ?2";
constexpr std::string_view kSelectDayListRows =
    "SELECT paper_id, announce_type, position FROM listings WHERE category = ?1 AND day = ?2 "
    "ORDER BY paper_id";
constexpr std::string_view kDeleteVersions = "DELETE FROM paper_versions WHERE paper_id = ?1";
constexpr std::string_view kInsertVersion =
    "INSERT OR REPLACE INTO paper_versions (paper_id, version, submitted) VALUES (?1, ?2, ?3)";
// Keeping the smaller (type, position) makes the row independent of the order records arrive
// in, which is what lets an interrupted import be re-run to the same result.
constexpr std::string_view kUpsertListing =
    "INSERT INTO listings (day, category, paper_id, announce_type, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (category, day, paper_id) DO UPDATE "
    "SET announce_type = excluded.announce_type, position = excluded.position "
    "WHERE (excluded.announce_type, excluded.position) < (listings.announce_type, listings.position)";
// A click names an arXiv paper or a venue paper (any of its ids; the site sends the shown one).
constexpr std::string_view kSelectClickedPaperExists =
    "SELECT 1 FROM papers WHERE id = ?1 UNION ALL SELECT 1 FROM venue_paper_ids WHERE id = ?1";
constexpr std::string_view kRecordClickReader =
    "INSERT OR IGNORE INTO paper_click_readers (paper_id, kind, day, reader) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kPruneClickReaders =
    "DELETE FROM paper_click_readers WHERE day < ?1";
constexpr std::string_view kCountClick =
    "INSERT INTO paper_clicks (paper_id, kind, count) VALUES (?1, ?2, 1) "
    "ON CONFLICT (paper_id, kind) DO UPDATE SET count = count + 1";

enum class PaperWrite { kInserted, kUpdated, kUnchanged, kIdentical };

// True when the stored versions of the paper are exactly `paper.versions` (in version order).
Result<bool> SameVersions(SqliteConnection& connection, const Paper& paper) {
  auto select = connection.Prepare(kSelectVersions);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, paper.id);
  size_t i = 0;
  while (true) {
    auto row = (*select)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    if (i >= paper.versions.size() || (*select)->ColumnInt(0) != paper.versions[i].number ||
        (*select)->ColumnText(1) != FormatRfc3339(paper.versions[i].submitted)) {
      return false;
    }
    ++i;
  }
  return i == paper.versions.size();
}

// The stored version of a paper, or nullopt when the store does not hold it.
Result<std::optional<int64_t>> StoredVersion(SqliteConnection& connection, const std::string& id) {
  auto select = connection.Prepare(kSelectPaperVersion);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, id);
  auto row = (*select)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return std::nullopt;
  return (*select)->ColumnInt(0);
}

Result<void> ReplaceVersions(SqliteConnection& connection, const Paper& paper, bool had_rows) {
  if (had_rows) {
    auto remove = connection.Prepare(kDeleteVersions);
    if (!remove) return std::unexpected(std::move(remove.error()));
    auto removed = (*remove)->Bind(1, paper.id).Run();
    if (!removed) return removed;
  }
  for (const PaperVersion& version : paper.versions) {
    const std::string submitted = FormatRfc3339(version.submitted);
    auto insert = connection.Prepare(kInsertVersion);
    if (!insert) return std::unexpected(std::move(insert.error()));
    auto inserted = (*insert)->Bind(1, paper.id).Bind(2, version.number).Bind(3, submitted).Run();
    if (!inserted) return inserted;
  }
  return {};
}

Result<PaperWrite> UpsertPaper(SqliteConnection& connection, const Paper& paper) {
  auto stored = StoredVersion(connection, paper.id);
  if (!stored) return std::unexpected(std::move(stored.error()));
  // Version 0 means "unknown", so it never displaces a known version but does replace another 0.
  if (*stored && **stored > paper.version) return PaperWrite::kUnchanged;

  const std::string authors = JoinColumn(paper.authors, kAuthorSeparator);
  const std::string categories = JoinColumn(paper.categories, kCategorySeparator);
  const std::string affiliations = JoinAffiliations(paper);
  auto write = connection.Prepare(*stored ? kUpdatePaper : kInsertPaper);
  if (!write) return std::unexpected(std::move(write.error()));
  auto written = (*write)
                     ->Bind(1, paper.id)
                     .Bind(2, paper.version)
                     .Bind(3, paper.title)
                     .Bind(4, authors)
                     .Bind(5, paper.abstract)
                     .Bind(6, categories)
                     .Bind(7, paper.comments)
                     .Bind(8, paper.journal_ref)
                     .Bind(9, paper.doi)
                     .Bind(10, paper.license)
                     .Bind(11, affiliations)
                     .Run();
  if (!written) return std::unexpected(std::move(written.error()));
  if (*stored && connection.Changes() == 0) {
    auto same = SameVersions(connection, paper);
    if (!same) return std::unexpected(std::move(same.error()));
    if (*same) return PaperWrite::kIdentical;
  }
  auto versions = ReplaceVersions(connection, paper, stored->has_value());
  if (!versions) return std::unexpected(std::move(versions.error()));
  return *stored ? PaperWrite::kUpdated : PaperWrite::kInserted;
}

Result<void> LowerFirstListed(SqliteConnection& connection, const std::string& id, Date day) {
  const std::string iso = day.ToIso();
  auto update = connection.Prepare(kLowerFirstListed);
  if (!update) return std::unexpected(std::move(update.error()));
  return (*update)->Bind(1, id).Bind(2, iso).Run();
}

// Returns how many listing rows were inserted or improved.
Result<int64_t> UpsertListings(SqliteConnection& connection, std::span<const Listing> listings) {
  int64_t changed = 0;
  for (const Listing& listing : listings) {
    const std::string day = listing.day.ToIso();
    auto upsert = connection.Prepare(kUpsertListing);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    auto ran = (*upsert)
                   ->Bind(1, day)
                   .Bind(2, listing.category)
                   .Bind(3, listing.paper_id)
                   .Bind(4, static_cast<int64_t>(listing.type))
                   .Bind(5, listing.position)
                   .Run();
    if (!ran) return std::unexpected(std::move(ran.error()));
    changed += connection.Changes();
  }
  return changed;
}

Result<void> WriteRecord(SqliteConnection& connection, const PaperRecord& record,
                         WriteSummary& summary) {
  auto paper = UpsertPaper(connection, record.paper);
  if (!paper) return std::unexpected(std::move(paper.error()));
  switch (*paper) {
    case PaperWrite::kInserted: ++summary.papers_inserted; break;
    case PaperWrite::kUpdated: ++summary.papers_updated; break;
    case PaperWrite::kUnchanged:  // kept: the store's version is newer
    case PaperWrite::kIdentical: ++summary.papers_unchanged; break;
  }
  if (const std::optional<Date> first = FirstListedOf(record)) {
    auto lowered = LowerFirstListed(connection, record.paper.id, *first);
    if (!lowered) return lowered;
  }
  auto listings = UpsertListings(connection, record.listings);
  if (!listings) return std::unexpected(std::move(listings.error()));
  summary.listings_written += *listings;
  return {};
}

Result<DayListRows> ReadDayListRows(SqliteConnection& connection, const CategoryDayKey& list) {
  auto rows = connection.Prepare(kSelectDayListRows);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, list.category).Bind(2, list.day.ToIso());
  DayListRows listed;
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    listed.emplace_back(std::string((*rows)->ColumnText(0)), (*rows)->ColumnInt(1),
                        (*rows)->ColumnInt(2));
  }
  return listed;
}

}  // namespace

Result<WriteSummary> WritePaperRecords(SqliteConnection& connection,
                                       std::span<const PaperRecord> records,
                                       const std::optional<CategoryDayKey>& replaced_list) {
  if (std::optional<Result<WriteSummary>> answer = AnswerWithoutWriting(records, replaced_list)) {
    return *std::move(answer);
  }
  WriteSummary summary;

  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  bool list_cleared = false;
  DayListRows list_before;
  if (replaced_list) {
    auto rows = ReadDayListRows(connection, *replaced_list);
    if (!rows) return std::unexpected(std::move(rows.error()));
    list_before = *std::move(rows);
    const std::string day = replaced_list->day.ToIso();
    auto remove = connection.Prepare(kDeleteDayList);
    if (!remove) return std::unexpected(std::move(remove.error()));
    auto removed = (*remove)->Bind(1, replaced_list->category).Bind(2, day).Run();
    if (!removed) return std::unexpected(std::move(removed.error()));
    list_cleared = connection.Changes() > 0;
  }
  PageChangeSet changes;
  if (list_cleared) changes.AddList(replaced_list->category, replaced_list->day);
  for (const PaperRecord& record : records) {
    const WriteSummary before = summary;
    auto written = WriteRecord(connection, record, summary);
    if (!written) return std::unexpected(std::move(written.error()));
    NoteRecordChanges(record, before, summary, changes);
  }
  if (list_cleared) {
    auto list_after = ReadDayListRows(connection, *replaced_list);
    if (!list_after) return std::unexpected(std::move(list_after.error()));
    if (*list_after == list_before) changes.RemoveList(replaced_list->category, replaced_list->day);
  }
  // A list rewritten as it was changes nothing a page shows: no stamp, no page change.
  if (!changes.empty()) {
    auto stamp = connection.Prepare(kBumpChangeStamp);
    if (!stamp) return std::unexpected(std::move(stamp.error()));
    auto bumped = (*stamp)->Run();
    if (!bumped) return std::unexpected(std::move(bumped.error()));
    if (Result<void> logged = RecordPageChanges(connection, changes); !logged) {
      return std::unexpected(logged.error());
    }
  }
  auto committed = transaction->Commit();
  if (!committed) return std::unexpected(std::move(committed.error()));
  return summary;
}

Result<int64_t> PruneClickReaderRows(SqliteConnection& connection, Date before) {
  auto prune = connection.Prepare(kPruneClickReaders);
  if (!prune) return std::unexpected(std::move(prune.error()));
  auto pruned = (*prune)->Bind(1, before.ToIso()).Run();
  if (!pruned) return std::unexpected(std::move(pruned.error()));
  return static_cast<int64_t>(connection.Changes());
}

Result<ClickCounts> AddPaperClick(SqliteConnection& connection, const std::string& paper_id,
                                  ClickKind kind, std::string_view reader, Date day) {
  if (reader.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a click on " + QuoteForMessage(paper_id) +
                                                 " names no reader: expected a reader id");
  }
  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  {
    auto exists = connection.Prepare(kSelectClickedPaperExists);
    if (!exists) return std::unexpected(std::move(exists.error()));
    auto row = (*exists)->Bind(1, paper_id).Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) {
      return Fail(ErrorCode::kNotFound, "no paper " + QuoteForMessage(paper_id) +
                                            " in the store: expected a listed paper or a venue paper");
    }
  }
  const std::string_view kind_name = ClickKindName(kind);
  const std::string iso_day = day.ToIso();
  auto record = connection.Prepare(kRecordClickReader);
  if (!record) return std::unexpected(std::move(record.error()));
  auto recorded =
      (*record)->Bind(1, paper_id).Bind(2, kind_name).Bind(3, iso_day).Bind(4, reader).Run();
  if (!recorded) return std::unexpected(std::move(recorded.error()));
  // The reader's row was already there: a repeat the same day, which does not count again.
  if (connection.Changes() > 0) {
    auto count = connection.Prepare(kCountClick);
    if (!count) return std::unexpected(std::move(count.error()));
    auto counted = (*count)->Bind(1, paper_id).Bind(2, kind_name).Run();
    if (!counted) return std::unexpected(std::move(counted.error()));
  }
  auto counts = ReadClicksOfPaper(connection, paper_id);
  if (!counts) return std::unexpected(std::move(counts.error()));
  auto committed = transaction->Commit();
  if (!committed) return std::unexpected(std::move(committed.error()));
  return *counts;
}

}  // namespace coolpapers::store
