#include "store/pg_harvest_state.h"

#include <utility>

#include "core/quoted_text.h"
#include "store/change_stamp_sql.h"
#include "store/pg_migrator.h"
#include "store/pg_page_changes.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kUpsertDay =
    "INSERT INTO category_days (category, day, feed_new, feed_cross, feed_replace, stored_new, "
    "stored_cross, stored_replace, awaiting_metadata, complete, attempts, note, checked_ms) "
    "VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "ON CONFLICT (category, day) DO UPDATE SET feed_new = EXCLUDED.feed_new, "
    "feed_cross = EXCLUDED.feed_cross, feed_replace = EXCLUDED.feed_replace, "
    "stored_new = EXCLUDED.stored_new, stored_cross = EXCLUDED.stored_cross, "
    "stored_replace = EXCLUDED.stored_replace, awaiting_metadata = EXCLUDED.awaiting_metadata, "
    "complete = EXCLUDED.complete, attempts = EXCLUDED.attempts, note = EXCLUDED.note, "
    "checked_ms = EXCLUDED.checked_ms";
#define COOLPAPERS_DAY_COLUMNS                                                              \
  "category, to_char(day, 'YYYY-MM-DD'), feed_new, feed_cross, feed_replace, stored_new, " \
  "stored_cross, stored_replace, awaiting_metadata, complete, attempts, note, checked_ms "
constexpr std::string_view kSelectDay =
    "SELECT " COOLPAPERS_DAY_COLUMNS "FROM category_days WHERE category = $1 AND day = $2::date";
// A DISTINCT ON would read every row (one per category and day harvested); the recursive CTE
// hops from one category to the next along the primary key and reads each one's last row.
constexpr std::string_view kSelectNewestDays =
    "WITH RECURSIVE harvested(name) AS ("
    "  SELECT MIN(category) FROM category_days"
    "  UNION ALL"
    "  SELECT (SELECT MIN(d.category) FROM category_days AS d WHERE d.category > h.name)"
    "  FROM harvested AS h WHERE h.name IS NOT NULL) "
    "SELECT c.* FROM harvested AS h CROSS JOIN LATERAL ("
    "  SELECT " COOLPAPERS_DAY_COLUMNS "FROM category_days AS d WHERE d.category = h.name"
    "  ORDER BY day DESC LIMIT 1) AS c "
    "WHERE h.name IS NOT NULL ORDER BY c.category";
constexpr std::string_view kSelectIncompleteDays =
    "SELECT " COOLPAPERS_DAY_COLUMNS "FROM category_days WHERE NOT complete ORDER BY day, category";
#undef COOLPAPERS_DAY_COLUMNS
// Served by the listings primary key (category, day, paper_id).
constexpr std::string_view kCountListings =
    "SELECT announce_type, COUNT(*) FROM listings WHERE category = $1 AND day = $2::date "
    "GROUP BY announce_type";
constexpr std::string_view kSelectCursor = "SELECT value FROM cursors WHERE name = $1";
constexpr std::string_view kUpsertCursor =
    "INSERT INTO cursors (name, value) VALUES ($1, $2) "
    "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value";
constexpr std::string_view kDeleteCursor = "DELETE FROM cursors WHERE name = $1";

Result<CategoryDayStatus> DayFromRow(const pqxx::row& row) {
  CategoryDayStatus status;
  status.category = row[0].as<std::string>();
  auto day = Date::Parse(row[1].c_str());
  if (!day) {
    return Fail(ErrorCode::kCorrupt,
                "the store holds a damaged harvest day: " + QuoteForMessage(row[1].c_str()),
                "expected a date in category_days.day");
  }
  status.day = *day;
  status.feed = {row[2].as<int64_t>(), row[3].as<int64_t>(), row[4].as<int64_t>()};
  status.stored = {row[5].as<int64_t>(), row[6].as<int64_t>(), row[7].as<int64_t>()};
  status.awaiting_metadata = row[8].as<int64_t>();
  status.complete = row[9].as<bool>();
  status.attempts = row[10].as<int>();
  status.note = row[11].as<std::string>();
  status.checked = JobTime(std::chrono::milliseconds(row[12].as<int64_t>()));
  return status;
}

Result<std::vector<CategoryDayStatus>> DaysFromRows(const pqxx::result& rows) {
  std::vector<CategoryDayStatus> days;
  for (const pqxx::row& row : rows) {
    auto status = DayFromRow(row);
    if (!status) return std::unexpected(std::move(status.error()));
    days.push_back(*std::move(status));
  }
  return days;
}

class PgHarvestState final : public HarvestState {
 public:
  explicit PgHarvestState(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<void> RecordDay(const CategoryDayStatus& status) override {
    return pool_->Transact<void>("record a harvested day", [&](PgQuery& query) -> Result<void> {
      // First, so the paper change lock comes before any row lock, as for writers of papers.
      PageChangeSet changes;
      changes.AddList(status.category, status.day);
      RecordPgPageChanges(query, changes);
      query.Run(kUpsertDay, status.category, status.day.ToIso(), status.feed.new_count,
                status.feed.cross, status.feed.replace, status.stored.new_count,
                status.stored.cross, status.stored.replace, status.awaiting_metadata,
                status.complete, status.attempts, status.note,
                static_cast<int64_t>(status.checked.time_since_epoch().count()));
      // Pages show a day's "updated" and "incomplete" marks, so cached ones must go.
      query.Run(kBumpChangeStamp);
      return {};
    });
  }

  Result<std::optional<CategoryDayStatus>> Day(std::string_view category, Date day) override {
    const std::string name(category);
    return pool_->Autocommit<std::optional<CategoryDayStatus>>(
        "read a harvested day", [&](PgQuery& query) -> Result<std::optional<CategoryDayStatus>> {
          pqxx::result rows = query.Run(kSelectDay, name, day.ToIso());
          if (rows.empty()) return std::nullopt;
          auto status = DayFromRow(rows[0]);
          if (!status) return std::unexpected(std::move(status.error()));
          return *std::move(status);
        });
  }

  Result<std::vector<CategoryDayStatus>> NewestDays() override {
    return pool_->Autocommit<std::vector<CategoryDayStatus>>(
        "read the newest harvested days", [&](PgQuery& query) {
          return DaysFromRows(query.Run(kSelectNewestDays));
        });
  }

  Result<std::vector<CategoryDayStatus>> IncompleteDays() override {
    return pool_->Autocommit<std::vector<CategoryDayStatus>>(
        "read the incomplete days", [&](PgQuery& query) {
          return DaysFromRows(query.Run(kSelectIncompleteDays));
        });
  }

  Result<AnnounceCounts> StoredCounts(std::string_view category, Date day) override {
    const std::string name(category);
    return pool_->Autocommit<AnnounceCounts>(
        "count a day's listings", [&](PgQuery& query) -> Result<AnnounceCounts> {
          AnnounceCounts counts;
          for (const pqxx::row& row : query.Run(kCountListings, name, day.ToIso())) {
            const int64_t n = row[1].as<int64_t>();
            switch (row[0].as<int>()) {
              case static_cast<int>(AnnounceType::kNew): counts.new_count = n; break;
              case static_cast<int>(AnnounceType::kCross): counts.cross = n; break;
              default: counts.replace += n; break;
            }
          }
          return counts;
        });
  }

  Result<std::optional<std::string>> Cursor(std::string_view name) override {
    const std::string key(name);
    return pool_->Autocommit<std::optional<std::string>>(
        "read a cursor", [&](PgQuery& query) -> Result<std::optional<std::string>> {
          pqxx::result rows = query.Run(kSelectCursor, key);
          if (rows.empty()) return std::nullopt;
          return rows[0][0].as<std::string>();
        });
  }

  Result<void> SetCursor(std::string_view name, std::string_view value) override {
    const std::string key(name);
    const std::string text(value);
    return pool_->Autocommit<void>("set a cursor", [&](PgQuery& query) -> Result<void> {
      query.Run(kUpsertCursor, key, text);
      return {};
    });
  }

  Result<void> ClearCursor(std::string_view name) override {
    const std::string key(name);
    return pool_->Autocommit<void>("clear a cursor", [&](PgQuery& query) -> Result<void> {
      query.Run(kDeleteCursor, key);
      return {};
    });
  }

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<HarvestState>> OpenPgHarvestState(const std::string& url,
                                                         const PgOptions& options) {
  auto pool = OpenMigratedPgPool(url, options.connections);
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgHarvestState>(std::move(*pool));
}

}  // namespace coolpapers::store
