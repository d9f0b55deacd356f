#include "store/sqlite_migrator.h"

#include <string>

namespace coolpapers::store {
namespace {

[[nodiscard]] Result<int64_t> QueryInt(SqliteConnection& connection, std::string_view sql) {
  auto statement = connection.Prepare(sql);
  if (!statement) return std::unexpected(std::move(statement.error()));
  auto row = (*statement)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return *row ? (*statement)->ColumnInt(0) : 0;
}

}  // namespace

Result<void> MigrateSchema(SqliteConnection& connection, std::span<const Migration> migrations,
                           std::string_view database_name) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  // The version is read inside the write transaction, so two processes opening a fresh file
  // at once cannot both apply the migrations.
  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));

  auto version = QueryInt(connection, "PRAGMA user_version");
  if (!version) return std::unexpected(std::move(version.error()));
  if (*version > latest) {
    return Fail(ErrorCode::kCorrupt,
                "the store \"" + std::string(database_name) + "\" has schema version " +
                    std::to_string(*version) + ", newer than this coolpapers knows (" +
                    std::to_string(latest) + "): expected a store written by this version or an "
                    "older one; upgrade coolpapers");
  }
  if (*version == latest) return {};
  if (*version == 0) {
    auto tables = QueryInt(connection, "SELECT COUNT(*) FROM sqlite_schema");
    if (!tables) return std::unexpected(std::move(tables.error()));
    if (*tables > 0) {
      return Fail(ErrorCode::kCorrupt, "\"" + std::string(database_name) +
                                           "\" is not a coolpapers store: it holds tables but "
                                           "no coolpapers schema version");
    }
  }

  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    auto applied = connection.Execute(migration.sql);
    if (!applied) {
      applied.error().detail = std::string(migration.name) + ": " + applied.error().detail;
      return applied;
    }
  }
  // PRAGMA takes no parameters; the value is our own integer.
  auto stamped = connection.Execute("PRAGMA user_version = " + std::to_string(latest));
  if (!stamped) return stamped;
  return transaction->Commit();
}

Result<SqliteConnection> OpenMigratedConnection(const std::filesystem::path& path,
                                                int busy_timeout_ms) {
  auto connection =
      SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite, busy_timeout_ms);
  if (!connection) return std::unexpected(std::move(connection.error()));
  auto migrated = MigrateSchema(*connection, AllMigrations(), path.string());
  if (!migrated) return std::unexpected(std::move(migrated.error()));
  return connection;
}

}  // namespace coolpapers::store
