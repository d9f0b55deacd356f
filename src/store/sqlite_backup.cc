#include "store/sqlite_backup.h"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <system_error>

#include "store/sqlite_connection.h"

namespace coolpapers::store {
namespace {

namespace fs = std::filesystem;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

Result<Database> Open(const fs::path& path, int flags, std::string_view doing) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (opened != SQLITE_OK) {
    return std::unexpected(
        MakeSqliteError(opened, doing, raw != nullptr ? sqlite3_errmsg(raw) : ""));
  }
  // The server's writer may hold the lock for a moment when the read transaction starts.
  sqlite3_busy_timeout(db.get(), 10'000);
  return db;
}

// Copies every page in one step: one read transaction, so one consistent state of the source.
Result<int64_t> CopyPages(sqlite3* from, sqlite3* to, const std::string& doing) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) {
    return std::unexpected(MakeSqliteError(sqlite3_errcode(to), doing, sqlite3_errmsg(to)));
  }
  int stepped = sqlite3_backup_step(backup, -1);
  // Busy or locked: the writer held the lock past the busy timeout of the read; try again.
  for (int retries = 0; (stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED) && retries < 50;
       ++retries) {
    sqlite3_sleep(100);
    stepped = sqlite3_backup_step(backup, -1);
  }
  const int64_t pages = sqlite3_backup_pagecount(backup);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE) {
    return std::unexpected(MakeSqliteError(stepped, doing, sqlite3_errmsg(to)));
  }
  if (finished != SQLITE_OK) {
    return std::unexpected(MakeSqliteError(finished, doing, sqlite3_errmsg(to)));
  }
  return pages;
}

Result<void> QuickCheck(sqlite3* db, const std::string& doing) {
  sqlite3_stmt* raw = nullptr;
  const char* sql = "PRAGMA quick_check";
  int result = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  if (result != SQLITE_OK) {
    return std::unexpected(MakeSqliteError(result, doing, sqlite3_errmsg(db), sql));
  }
  result = sqlite3_step(raw);
  if (result != SQLITE_ROW) {
    return std::unexpected(MakeSqliteError(result, doing, sqlite3_errmsg(db), sql));
  }
  const auto* verdict = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  if (verdict == nullptr || std::string_view(verdict) != "ok") {
    return Fail(ErrorCode::kCorrupt, "the backup did not pass its check (" + doing + "): " +
                                         std::string(verdict != nullptr ? verdict : "no answer"));
  }
  return {};
}

}  // namespace

Result<SqliteBackup> BackupSqliteStore(const fs::path& source, const fs::path& destination) {
  std::error_code error;
  if (!fs::exists(source, error)) {
    return Fail(ErrorCode::kNotFound, "there is no SQLite store at \"" + source.string() + "\"");
  }
  if (fs::exists(destination, error)) {
    return Fail(ErrorCode::kConflict, "\"" + destination.string() +
                                          "\" exists already: a backup never overwrites a file");
  }
  const std::string doing =
      "backing \"" + source.string() + "\" up to \"" + destination.string() + "\"";
  Result<Database> from = Open(source, SQLITE_OPEN_READONLY, doing);
  if (!from) return std::unexpected(from.error());

  fs::path partial = destination;
  partial += ".partial";
  fs::remove(partial, error);
  SqliteBackup backup;
  {
    Result<Database> to = Open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, doing);
    Result<void> done = to ? Result<void>() : Result<void>(std::unexpected(to.error()));
    if (done) {
      Result<int64_t> pages = CopyPages(from->get(), to->get(), doing);
      if (pages) {
        backup.pages = *pages;
        done = QuickCheck(to->get(), doing);
      } else {
        done = std::unexpected(pages.error());
      }
    }
    if (!done) {
      to = Database();  // closed before its file goes
      fs::remove(partial, error);
      return std::unexpected(done.error());
    }
  }
  // The copy keeps the source's WAL mode; its WAL was checkpointed and removed at close.
  fs::rename(partial, destination, error);
  if (error) {
    fs::remove(partial, error);
    return Fail(ErrorCode::kUnavailable,
                "cannot move the backup into place at \"" + destination.string() + "\": " +
                    error.message());
  }
  backup.bytes = static_cast<int64_t>(fs::file_size(destination, error));
  return backup;
}

}  // namespace coolpapers::store
