// The SQLite store's writes: papers with their versions and listings, and click counters.
// SQL lives here and in sqlite_reads.cc; the schema is in migrations/.
#ifndef COOLPAPERS_STORE_SQLITE_WRITES_H_
#define COOLPAPERS_STORE_SQLITE_WRITES_H_

#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"
#include "store/sqlite_connection.h"
#include "store/store.h"

namespace coolpapers::store {

// Store::WriteRecords on one connection, in one write transaction (see store.h for the
// rules). Papers are upserted by version (an equal or higher version replaces the row and its
// version rows); listings are upserted keeping the better announce type and then the lower
// position, so the result does not depend on the order records arrive in; first_listed keeps
// the earliest 'new' day. Bumps the change stamp when anything was written.
// Returns kInvalidArgument, writing nothing, for a record without categories or with a
// listing of another paper; SQLite failures as MakeSqliteError describes.
// The caller gives the connection to this call alone (SqliteStore holds its writer mutex).
// With `replaced_list` (Store::WriteDayList), that list's listings are deleted first, in the
// same transaction, so the records' listings for it replace them.
[[nodiscard]] Result<WriteSummary> WritePaperRecords(
    SqliteConnection& connection, std::span<const PaperRecord> records,
    const std::optional<CategoryDayKey>& replaced_list = std::nullopt);

// Store::PruneClickReaders on one connection: deletes the rows of days before `before`.
[[nodiscard]] Result<int64_t> PruneClickReaderRows(SqliteConnection& connection, Date before);

// Store::AddClick on one connection, in one write transaction (see store.h): the reader's row
// goes into paper_click_readers with INSERT OR IGNORE, and paper_clicks counts only a new row.
// Returns the paper's counts after it; kNotFound for a paper the store does not hold,
// kInvalidArgument for an empty reader.
[[nodiscard]] Result<ClickCounts> AddPaperClick(SqliteConnection& connection,
                                                const std::string& paper_id, ClickKind kind,
                                                std::string_view reader, Date day);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_WRITES_H_
