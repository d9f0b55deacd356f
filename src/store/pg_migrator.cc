#include "store/pg_migrator.h"

#include <string>

namespace coolpapers::store {
namespace {

// 7001: the schema lock, held by the migrating transaction until it commits.
constexpr std::string_view kLockSchema = "SELECT pg_advisory_xact_lock(7001)";
constexpr std::string_view kSchemaTableExists =
    "SELECT to_regclass('coolpapers_schema') IS NOT NULL";
constexpr std::string_view kCountOtherTables =
    "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()";
constexpr std::string_view kCreateSchemaTable =
    "CREATE TABLE coolpapers_schema (version INTEGER NOT NULL)";
constexpr std::string_view kInsertVersion = "INSERT INTO coolpapers_schema (version) VALUES (0)";
constexpr std::string_view kSelectVersion = "SELECT version FROM coolpapers_schema";
constexpr std::string_view kSetVersion = "UPDATE coolpapers_schema SET version = $1";

Result<int> CurrentVersion(PgQuery& query) {
  if (query.Run(kSchemaTableExists)[0][0].as<bool>()) {
    pqxx::result rows = query.Run(kSelectVersion);
    if (rows.size() != 1) {
      return Fail(ErrorCode::kCorrupt, "the PostgreSQL store's coolpapers_schema table is damaged",
                  "expected one row, found " + std::to_string(rows.size()));
    }
    return rows[0][0].as<int>();
  }
  if (query.Run(kCountOtherTables)[0][0].as<int64_t>() > 0) {
    return Fail(ErrorCode::kCorrupt,
                "the PostgreSQL database has tables but is not a coolpapers store",
                "no coolpapers_schema table in the current schema");
  }
  query.Run(kCreateSchemaTable);
  query.Run(kInsertVersion);
  return 0;
}

}  // namespace

Result<void> MigratePgSchema(PgConnectionPool& pool, std::span<const Migration> migrations) {
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  return pool.Transact<void>("bring its schema up to date", [&](PgQuery& query) -> Result<void> {
    query.Run(kLockSchema);
    Result<int> version = CurrentVersion(query);
    if (!version) return std::unexpected(version.error());
    if (*version > newest) {
      return Fail(ErrorCode::kCorrupt,
                  "the PostgreSQL store has schema version " + std::to_string(*version) +
                      ", newer than this coolpapers knows (" + std::to_string(newest) + ")",
                  "upgrade coolpapers to open it");
    }
    for (const Migration& migration : migrations) {
      if (migration.version <= *version) continue;
      // A migration is a script of several statements: it runs as one simple query, which
      // cannot be prepared. Its text is ours, embedded at build time, never input.
      query.transaction().exec(std::string(migration.sql), std::string(migration.name));
    }
    if (newest > *version) query.Run(kSetVersion, newest);
    return {};
  });
}

Result<std::unique_ptr<PgConnectionPool>> OpenMigratedPgPool(const std::string& url,
                                                             int connections,
                                                             std::string session_setup) {
  auto pool = PgConnectionPool::Open(url, connections, std::move(session_setup));
  if (!pool) return std::unexpected(std::move(pool.error()));
  auto migrated = MigratePgSchema(**pool, AllPgMigrations());
  if (!migrated) return std::unexpected(std::move(migrated.error()));
  return pool;
}

}  // namespace coolpapers::store
