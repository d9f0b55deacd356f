// Brings an SQLite database's schema up to date with numbered migrations, tracking the applied
// version in PRAGMA user_version.
#ifndef COOLPAPERS_STORE_SQLITE_MIGRATOR_H_
#define COOLPAPERS_STORE_SQLITE_MIGRATOR_H_

#include <filesystem>
#include <span>
#include <string_view>

#include "core/error.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"

namespace coolpapers::store {

// Applies, in one transaction, every migration whose version is above the database's
// user_version, then sets user_version to the last one; a fresh file gets the whole schema, an
// up-to-date one is left alone. `migrations` must be numbered 1, 2, 3... (AllMigrations()).
// `database_name` (the path) is only used in messages. Returns kCorrupt when the database is
// newer than the migrations (written by a newer coolpapers) or has tables but no version (not
// a coolpapers database); a failing migration is rolled back and its error returned.
// Needs the connection to itself for the duration of the call.
[[nodiscard]] Result<void> MigrateSchema(SqliteConnection& connection,
                                         std::span<const Migration> migrations,
                                         std::string_view database_name);

// Opens the database at `path` for writing and brings its schema up to date: how each SQLite
// part of the store (papers, harvest state, FAQ answers) opens its own connection to the one
// file. Errors: SqliteConnection::Open's and MigrateSchema's.
[[nodiscard]] Result<SqliteConnection> OpenMigratedConnection(const std::filesystem::path& path,
                                                              int busy_timeout_ms);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_MIGRATOR_H_
