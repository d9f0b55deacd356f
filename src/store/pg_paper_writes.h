// The PostgreSQL store's writes: papers with their versions and listings, and click counters.
// The same rules as the SQLite store's (sqlite_writes.h, store.h), in PostgreSQL's words: a
// paper is one INSERT ... ON CONFLICT DO UPDATE WHERE the stored version is not newer.
#ifndef COOLPAPERS_STORE_PG_PAPER_WRITES_H_
#define COOLPAPERS_STORE_PG_PAPER_WRITES_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"
#include "store/pg_connection_pool.h"
#include "store/store.h"

namespace coolpapers::store {

// Store::WriteRecords / WriteDayList (with `replaced_list`) in one transaction of `pool`.
// kInvalidArgument, writing nothing, for a record without categories or with a listing of
// another paper; database failures as MakePgError describes.
[[nodiscard]] Result<WriteSummary> WritePgPaperRecords(
    PgConnectionPool& pool, std::span<const PaperRecord> records,
    const std::optional<CategoryDayKey>& replaced_list = std::nullopt);

// Store::PruneClickReaders in one transaction of `pool`.
[[nodiscard]] Result<int64_t> PrunePgClickReaders(PgConnectionPool& pool, Date before);

// Store::AddClick in one transaction of `pool`.
[[nodiscard]] Result<ClickCounts> AddPgPaperClick(PgConnectionPool& pool,
                                                  const std::string& paper_id, ClickKind kind,
                                                  std::string_view reader, Date day);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_PAPER_WRITES_H_
