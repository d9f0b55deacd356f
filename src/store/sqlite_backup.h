// `coolpapers backup`: a copy of the SQLite store taken with SQLite's online backup API while
// the instance keeps running. The copy is one consistent state of the store: every page is
// copied inside one read transaction (a single sqlite3_backup_step), which in WAL mode never
// blocks the server's writers, so a copy of a store that `serve` is writing to is exactly the
// store as of one commit. The file appears at the destination only whole (written aside, then
// renamed), and is checked (PRAGMA quick_check) before it is renamed.
#ifndef COOLPAPERS_STORE_SQLITE_BACKUP_H_
#define COOLPAPERS_STORE_SQLITE_BACKUP_H_

#include <cstdint>
#include <filesystem>

#include "core/error.h"

namespace coolpapers::store {

struct SqliteBackup {
  int64_t pages = 0;
  int64_t bytes = 0;  // the copy's size
};

// Copies the SQLite store `source` to the new file `destination`. Errors: kNotFound when
// `source` does not exist; kConflict when `destination` exists (a backup never overwrites);
// kUnavailable when a file cannot be read or written (the message names it); kCorrupt when the
// copy does not pass its check. A failed backup leaves nothing at `destination`.
[[nodiscard]] Result<SqliteBackup> BackupSqliteStore(const std::filesystem::path& source,
                                                     const std::filesystem::path& destination);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_BACKUP_H_
