// The page_changes log on SQLite (migrations/0016): written inside a write transaction,
// read by every process's page cache (Store::PageChangesSince).
#ifndef COOLPAPERS_STORE_SQLITE_PAGE_CHANGES_H_
#define COOLPAPERS_STORE_SQLITE_PAGE_CHANGES_H_

#include <cstdint>

#include "core/error.h"
#include "store/page_change_set.h"
#include "store/sqlite_connection.h"
#include "store/store.h"

namespace coolpapers::store {

// Appends `changes` to the log and prunes what is beyond kPageChangesKept. Must run inside the
// write transaction that made the changes.
[[nodiscard]] Result<void> RecordPageChanges(SqliteConnection& connection,
                                             const PageChangeSet& changes);
[[nodiscard]] Result<PageChanges> ReadPageChangesSince(SqliteConnection& connection,
                                                       uint64_t since, int limit);
[[nodiscard]] Result<uint64_t> ReadLatestPageChange(SqliteConnection& connection);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_PAGE_CHANGES_H_
