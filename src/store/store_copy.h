// Moves an instance's store from its SQLite file into an empty PostgreSQL database
// (`coolpapers store copy --from sqlite:PATH --to postgresql://...`, issue #17): every table,
// copied in one PostgreSQL transaction, then checked row by row against the source.
#ifndef COOLPAPERS_STORE_STORE_COPY_H_
#define COOLPAPERS_STORE_STORE_COPY_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::store {

// One table's outcome: rows copied, then found equal in both stores.
struct TableCopy {
  std::string table;
  int64_t rows = 0;
};

// Told how far the copy is: `phase` "copy" or "check", the table, rows done of `total`.
using CopyProgress = std::function<void(std::string_view phase, std::string_view table,
                                        int64_t done, int64_t total)>;

// Copies everything in the SQLite store at `sqlite_path` (papers and their versions, listings,
// clicks and click readers, jobs, harvest days and cursors, FAQ answers and partial items, paper
// texts, translations, the change stamp and the change sequence) into the PostgreSQL database
// at `pg_url`, bringing both schemas up to date first. The copy is one transaction: all or
// nothing. Then every table is read back from both, in primary-key order, and compared row by
// row and value by value (JSON by meaning: PostgreSQL's JSONB respaces it).
// The source is read in one snapshot; stop the instance first so that nothing is missed.
// kConflict when the target already holds papers, listings, jobs or anything else but its
// empty schema; kCorrupt naming the table, the row and the column when the check finds a
// difference; the stores' own errors otherwise.
[[nodiscard]] Result<std::vector<TableCopy>> CopySqliteStoreToPg(
    const std::filesystem::path& sqlite_path, const std::string& pg_url,
    const CopyProgress& progress);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_STORE_COPY_H_
