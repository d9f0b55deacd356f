#include "store/pg_page_changes.h"

#include <string>
#include <string_view>
#include <utility>

#include "core/quoted_text.h"

namespace coolpapers::store {
namespace {

// pg_migrations/0005's paper change lock: writers of papers hold it already (a no-op then).
constexpr std::string_view kLock = "SELECT pg_advisory_xact_lock(7007)";
constexpr std::string_view kInsertList =
    "INSERT INTO page_changes (sequence, category, day) "
    "VALUES (nextval('page_change_sequence'), $1, $2::date)";
constexpr std::string_view kInsertPaper =
    "INSERT INTO page_changes (sequence, paper_id) VALUES (nextval('page_change_sequence'), $1)";
constexpr std::string_view kInsertEveryPaper =
    "INSERT INTO page_changes (sequence, category) VALUES (nextval('page_change_sequence'), '*')";
constexpr std::string_view kLatest = "SELECT COALESCE(MAX(sequence), 0) FROM page_changes";
constexpr std::string_view kPrune = "DELETE FROM page_changes WHERE sequence <= $1";
constexpr std::string_view kMarkPruned =
    "UPDATE meta SET value = GREATEST(value, $1) WHERE key = 'page_changes_pruned'";
constexpr std::string_view kSelectPruned =
    "SELECT value FROM meta WHERE key = 'page_changes_pruned'";
constexpr std::string_view kChangesSince =
    "SELECT sequence, category, to_char(day, 'YYYY-MM-DD'), paper_id FROM page_changes "
    "WHERE sequence > $1 ORDER BY sequence LIMIT $2";

}  // namespace

void RecordPgPageChanges(PgQuery& query, const PageChangeSet& changes) {
  if (changes.empty()) return;
  query.Run(kLock);
  for (const auto& [category, day] : changes.lists()) query.Run(kInsertList, category, day);
  if (changes.every_paper()) {
    query.Run(kInsertEveryPaper);
  } else {
    for (const std::string& paper_id : changes.papers()) query.Run(kInsertPaper, paper_id);
  }
  const int64_t through = query.Run(kLatest)[0][0].as<int64_t>() - kPageChangesKept;
  if (through > 0 && query.Run(kPrune, through).affected_rows() > 0) {
    query.Run(kMarkPruned, through);
  }
}

Result<PageChanges> ReadPgPageChangesSince(PgConnectionPool& pool, uint64_t since, int limit) {
  if (limit <= 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "a page of changes needs a positive limit, not " + std::to_string(limit));
  }
  return pool.Snapshot<PageChanges>(
      "read the page changes", [&](PgQuery& query) -> Result<PageChanges> {
        PageChanges changes;
        changes.last_sequence = since;
        if (since < query.Run(kSelectPruned)[0][0].as<uint64_t>()) {
          changes.pruned = true;
          changes.last_sequence = query.Run(kLatest)[0][0].as<uint64_t>();
          return changes;
        }
        for (const pqxx::row& row :
             query.Run(kChangesSince, static_cast<int64_t>(since), limit)) {
          PageChange change;
          if (!row[3].is_null()) {
            change.paper_id = row[3].as<std::string>();
          } else if (row[1].as<std::string>() == "*") {
            change.every_paper = true;
          } else {
            const std::string iso = row[2].as<std::string>();
            Result<Date> day = Date::Parse(iso);
            if (!day) {
              return Fail(ErrorCode::kCorrupt,
                          "the store holds a damaged page change day: " + QuoteForMessage(iso),
                          "expected by src/store/pg_migrations/0009_page_changes.sql");
            }
            change.list = CategoryDayKey{row[1].as<std::string>(), *day};
          }
          changes.changes.push_back(std::move(change));
          changes.last_sequence = row[0].as<uint64_t>();
        }
        return changes;
      });
}

Result<uint64_t> ReadPgLatestPageChange(PgConnectionPool& pool) {
  return pool.Autocommit<uint64_t>("read the latest page change",
                                   [](PgQuery& query) -> Result<uint64_t> {
                                     return query.Run(kLatest)[0][0].as<uint64_t>();
                                   });
}

}  // namespace coolpapers::store
