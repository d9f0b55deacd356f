// The embedded store: one SQLite file in WAL mode, foreign keys on, numbered migrations applied
// at open (migrations/NNNN_*.sql), a busy timeout, one writer connection and a pool of readers.
#ifndef COOLPAPERS_STORE_SQLITE_STORE_H_
#define COOLPAPERS_STORE_SQLITE_STORE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/store.h"

namespace coolpapers::store {

struct SqliteOptions {
  int reader_connections = 4;
  int busy_timeout_ms = 10000;
};

// Opens (creating if needed) the database at `path` and brings its schema up to date.
// Returns kUnavailable when the file cannot be opened or is locked past the busy timeout,
// kCorrupt when it is not a coolpapers database or is from a newer version of coolpapers.
// The returned store owns its connections and is safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path,
                                                             const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_STORE_H_
