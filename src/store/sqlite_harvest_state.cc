#include "store/sqlite_harvest_state.h"

#include <utility>

#include "core/mutex.h"
#include "core/quoted_text.h"
#include "store/change_stamp_sql.h"
#include "store/page_change_set.h"
#include "store/sqlite_page_changes.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_migrator.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kUpsertDay =
    "INSERT OR REPLACE INTO category_days (category, day, feed_new, feed_cross, feed_replace, "
    "stored_new, stored_cross, stored_replace, awaiting_metadata, complete, attempts, note, "
    "checked_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
#define COOLPAPERS_DAY_COLUMNS                                                              \
  "category, day, feed_new, feed_cross, feed_replace, stored_new, stored_cross, "          \
  "stored_replace, awaiting_metadata, complete, attempts, note, checked_ms "
constexpr std::string_view kSelectDay =
    "SELECT " COOLPAPERS_DAY_COLUMNS "FROM category_days WHERE category = ?1 AND day = ?2";
// The home page reads it on every render. A harvested site has a row per category and day (over
// 300,000 in nine years), so rather than test every row, the recursive CTE hops from one
// category to the next along the primary key (a skip scan) and reads each one's last row.
constexpr std::string_view kSelectNewestDays =
    "WITH RECURSIVE harvested(name) AS ("
    "  SELECT MIN(category) FROM category_days"
    "  UNION ALL"
    "  SELECT (SELECT MIN(category) FROM category_days WHERE category > harvested.name)"
    "  FROM harvested WHERE harvested.name IS NOT NULL) "
    "SELECT " COOLPAPERS_DAY_COLUMNS "FROM harvested JOIN category_days AS c "
    "ON c.category = harvested.name "
    "AND c.day = (SELECT MAX(n.day) FROM category_days AS n WHERE n.category = harvested.name) "
    "ORDER BY category";
constexpr std::string_view kSelectIncompleteDays =
    "SELECT " COOLPAPERS_DAY_COLUMNS "FROM category_days WHERE complete = 0 "
    "ORDER BY day, category";
#undef COOLPAPERS_DAY_COLUMNS
// Served by the listings primary key (category, day, paper_id).
constexpr std::string_view kCountListings =
    "SELECT announce_type, COUNT(*) FROM listings WHERE category = ?1 AND day = ?2 "
    "GROUP BY announce_type";
constexpr std::string_view kSelectCursor = "SELECT value FROM cursors WHERE name = ?1";
constexpr std::string_view kUpsertCursor =
    "INSERT INTO cursors (name, value) VALUES (?1, ?2) "
    "ON CONFLICT (name) DO UPDATE SET value = excluded.value";
constexpr std::string_view kDeleteCursor = "DELETE FROM cursors WHERE name = ?1";

Result<CategoryDayStatus> DayFromRow(const SqliteStatement& row) {
  CategoryDayStatus status;
  status.category = std::string(row.ColumnText(0));
  auto day = Date::Parse(row.ColumnText(1));
  if (!day) {
    return Fail(ErrorCode::kCorrupt,
                "the store holds a damaged harvest day: " + QuoteForMessage(row.ColumnText(1)),
                "expected YYYY-MM-DD in category_days.day");
  }
  status.day = *day;
  status.feed = {row.ColumnInt(2), row.ColumnInt(3), row.ColumnInt(4)};
  status.stored = {row.ColumnInt(5), row.ColumnInt(6), row.ColumnInt(7)};
  status.awaiting_metadata = row.ColumnInt(8);
  status.complete = row.ColumnInt(9) != 0;
  status.attempts = static_cast<int>(row.ColumnInt(10));
  status.note = std::string(row.ColumnText(11));
  status.checked = JobTime(std::chrono::milliseconds(row.ColumnInt(12)));
  return status;
}

class SqliteHarvestState final : public HarvestState {
 public:
  explicit SqliteHarvestState(SqliteConnection connection) : connection_(std::move(connection)) {}

  Result<void> RecordDay(const CategoryDayStatus& status) override {
    const std::string day = status.day.ToIso();
    MutexLock lock(&mutex_);
    Result<SqliteTransaction> transaction = SqliteTransaction::BeginWrite(connection_);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    auto upsert = connection_.Prepare(kUpsertDay);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    Result<void> written = (*upsert)
        ->Bind(1, status.category)
        .Bind(2, day)
        .Bind(3, status.feed.new_count)
        .Bind(4, status.feed.cross)
        .Bind(5, status.feed.replace)
        .Bind(6, status.stored.new_count)
        .Bind(7, status.stored.cross)
        .Bind(8, status.stored.replace)
        .Bind(9, status.awaiting_metadata)
        .Bind(10, status.complete ? 1 : 0)
        .Bind(11, status.attempts)
        .Bind(12, status.note)
        .Bind(13, status.checked.time_since_epoch().count())
        .Run();
    if (!written) return written;
    auto bump = connection_.Prepare(kBumpChangeStamp);
    if (!bump) return std::unexpected(std::move(bump.error()));
    if (Result<void> bumped = (*bump)->Run(); !bumped) return bumped;
    PageChangeSet changes;
    changes.AddList(status.category, status.day);
    if (Result<void> logged = RecordPageChanges(connection_, changes); !logged) return logged;
    return transaction->Commit();
  }

  Result<std::optional<CategoryDayStatus>> Day(std::string_view category, Date day) override {
    const std::string iso = day.ToIso();
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kSelectDay);
    if (!select) return std::unexpected(std::move(select.error()));
    auto row = (*select)->Bind(1, category).Bind(2, iso).Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::nullopt;
    auto status = DayFromRow(**select);
    if (!status) return std::unexpected(std::move(status.error()));
    return std::move(*status);
  }

  Result<std::vector<CategoryDayStatus>> NewestDays() override { return Days(kSelectNewestDays); }

  Result<std::vector<CategoryDayStatus>> IncompleteDays() override {
    return Days(kSelectIncompleteDays);
  }

  Result<AnnounceCounts> StoredCounts(std::string_view category, Date day) override {
    const std::string iso = day.ToIso();
    MutexLock lock(&mutex_);
    auto count = connection_.Prepare(kCountListings);
    if (!count) return std::unexpected(std::move(count.error()));
    (*count)->Bind(1, category).Bind(2, iso);
    AnnounceCounts counts;
    while (true) {
      auto row = (*count)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      const int64_t n = (*count)->ColumnInt(1);
      switch ((*count)->ColumnInt(0)) {
        case static_cast<int64_t>(AnnounceType::kNew): counts.new_count = n; break;
        case static_cast<int64_t>(AnnounceType::kCross): counts.cross = n; break;
        default: counts.replace += n; break;
      }
    }
    return counts;
  }

  Result<std::optional<std::string>> Cursor(std::string_view name) override {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kSelectCursor);
    if (!select) return std::unexpected(std::move(select.error()));
    auto row = (*select)->Bind(1, name).Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::nullopt;
    return std::string((*select)->ColumnText(0));
  }

  Result<void> SetCursor(std::string_view name, std::string_view value) override {
    MutexLock lock(&mutex_);
    auto upsert = connection_.Prepare(kUpsertCursor);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    return (*upsert)->Bind(1, name).Bind(2, value).Run();
  }

  Result<void> ClearCursor(std::string_view name) override {
    MutexLock lock(&mutex_);
    auto remove = connection_.Prepare(kDeleteCursor);
    if (!remove) return std::unexpected(std::move(remove.error()));
    return (*remove)->Bind(1, name).Run();
  }

 private:
  Result<std::vector<CategoryDayStatus>> Days(std::string_view sql) {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(sql);
    if (!select) return std::unexpected(std::move(select.error()));
    std::vector<CategoryDayStatus> days;
    while (true) {
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      auto status = DayFromRow(**select);
      if (!status) return std::unexpected(std::move(status.error()));
      days.push_back(std::move(*status));
    }
    return days;
  }

  Mutex mutex_;
  SqliteConnection connection_ GUARDED_BY(mutex_);
};

}  // namespace

Result<std::unique_ptr<HarvestState>> OpenSqliteHarvestState(const std::filesystem::path& path,
                                                             const SqliteOptions& options) {
  auto connection = OpenMigratedConnection(path, options.busy_timeout_ms);
  if (!connection) return std::unexpected(std::move(connection.error()));
  return std::make_unique<SqliteHarvestState>(std::move(*connection));
}

}  // namespace coolpapers::store
