#include "store/sqlite_page_changes.h"

#include <string>
#include <string_view>
#include <utility>

#include "core/quoted_text.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kInsertList =
    "INSERT INTO page_changes (category, day) VALUES (?1, ?2)";
constexpr std::string_view kInsertPaper = "INSERT INTO page_changes (paper_id) VALUES (?1)";
constexpr std::string_view kInsertEveryPaper = "INSERT INTO page_changes (category) VALUES ('*')";
constexpr std::string_view kPrune = "DELETE FROM page_changes WHERE sequence <= ?1";
constexpr std::string_view kMarkPruned =
    "UPDATE meta SET value = MAX(value, ?1) WHERE key = 'page_changes_pruned'";
constexpr std::string_view kSelectPruned =
    "SELECT value FROM meta WHERE key = 'page_changes_pruned'";
constexpr std::string_view kChangesSince =
    "SELECT sequence, category, day, paper_id FROM page_changes WHERE sequence > ?1 "
    "ORDER BY sequence LIMIT ?2";
// AUTOINCREMENT's high-water mark: it stays put when the newest rows are pruned.
constexpr std::string_view kLatest = "SELECT seq FROM sqlite_sequence WHERE name = 'page_changes'";

Result<void> Run(SqliteConnection& connection, std::string_view sql) {
  auto statement = connection.Prepare(sql);
  if (!statement) return std::unexpected(std::move(statement.error()));
  return (*statement)->Run();
}

Result<uint64_t> ReadOne(SqliteConnection& connection, std::string_view sql) {
  auto rows = connection.Prepare(sql);
  if (!rows) return std::unexpected(std::move(rows.error()));
  auto row = (*rows)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return *row ? static_cast<uint64_t>((*rows)->ColumnInt(0)) : 0;
}

Result<void> Prune(SqliteConnection& connection) {
  Result<uint64_t> latest = ReadOne(connection, kLatest);
  if (!latest) return std::unexpected(latest.error());
  const int64_t through = static_cast<int64_t>(*latest) - kPageChangesKept;
  if (through <= 0) return {};
  auto prune = connection.Prepare(kPrune);
  if (!prune) return std::unexpected(std::move(prune.error()));
  if (Result<void> pruned = (*prune)->Bind(1, through).Run(); !pruned) return pruned;
  if (connection.Changes() == 0) return {};
  auto mark = connection.Prepare(kMarkPruned);
  if (!mark) return std::unexpected(std::move(mark.error()));
  return (*mark)->Bind(1, through).Run();
}

}  // namespace

Result<void> RecordPageChanges(SqliteConnection& connection, const PageChangeSet& changes) {
  if (changes.empty()) return {};
  for (const auto& [category, day] : changes.lists()) {
    auto insert = connection.Prepare(kInsertList);
    if (!insert) return std::unexpected(std::move(insert.error()));
    if (Result<void> done = (*insert)->Bind(1, category).Bind(2, day).Run(); !done) return done;
  }
  if (changes.every_paper()) {
    if (Result<void> done = Run(connection, kInsertEveryPaper); !done) return done;
  } else {
    for (const std::string& paper_id : changes.papers()) {
      auto insert = connection.Prepare(kInsertPaper);
      if (!insert) return std::unexpected(std::move(insert.error()));
      if (Result<void> done = (*insert)->Bind(1, paper_id).Run(); !done) return done;
    }
  }
  return Prune(connection);
}

Result<PageChanges> ReadPageChangesSince(SqliteConnection& connection, uint64_t since,
                                         int limit) {
  if (limit <= 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "a page of changes needs a positive limit, not " + std::to_string(limit));
  }
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  PageChanges changes;
  changes.last_sequence = since;
  Result<uint64_t> pruned = ReadOne(connection, kSelectPruned);
  if (!pruned) return std::unexpected(pruned.error());
  if (since < *pruned) {
    Result<uint64_t> latest = ReadOne(connection, kLatest);
    if (!latest) return std::unexpected(latest.error());
    changes.pruned = true;
    changes.last_sequence = *latest;
    return changes;
  }
  auto rows = connection.Prepare(kChangesSince);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, static_cast<int64_t>(since)).Bind(2, static_cast<int64_t>(limit));
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    PageChange change;
    if (!(*rows)->ColumnIsNull(3)) {
      change.paper_id = std::string((*rows)->ColumnText(3));
    } else if ((*rows)->ColumnText(1) == "*") {
      change.every_paper = true;
    } else {
      Result<Date> day = Date::Parse((*rows)->ColumnText(2));
      if (!day) {
        return Fail(ErrorCode::kCorrupt,
                    "the store holds a damaged page change day: " +
                        QuoteForMessage((*rows)->ColumnText(2)),
                    "expected YYYY-MM-DD (src/store/migrations/0016_page_changes.sql)");
      }
      change.list = CategoryDayKey{std::string((*rows)->ColumnText(1)), *day};
    }
    changes.changes.push_back(std::move(change));
    changes.last_sequence = static_cast<uint64_t>((*rows)->ColumnInt(0));
  }
  return changes;
}

Result<uint64_t> ReadLatestPageChange(SqliteConnection& connection) {
  return ReadOne(connection, kLatest);
}

}  // namespace coolpapers::store
