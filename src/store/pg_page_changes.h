// The page_changes log on PostgreSQL (pg_migrations/0007): written inside a write transaction,
// read by every node's page cache (Store::PageChangesSince).
#ifndef COOLPAPERS_STORE_PG_PAGE_CHANGES_H_
#define COOLPAPERS_STORE_PG_PAGE_CHANGES_H_

#include <cstdint>

#include "core/error.h"
#include "store/page_change_set.h"
#include "store/pg_connection_pool.h"
#include "store/store.h"

namespace coolpapers::store {

// Takes the paper change lock (so sequences commit in order), appends `changes` to the log and
// prunes what is beyond kPageChangesKept. Throws as PgQuery::Run does.
void RecordPgPageChanges(PgQuery& query, const PageChangeSet& changes);
[[nodiscard]] Result<PageChanges> ReadPgPageChangesSince(PgConnectionPool& pool, uint64_t since,
                                                         int limit);
[[nodiscard]] Result<uint64_t> ReadPgLatestPageChange(PgConnectionPool& pool);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_PAGE_CHANGES_H_
