// The SQLite store's reads: day lists, listing days, papers, click counts, the change stamp.
// Each function is the Store method of the same meaning (store.h) run on one connection;
// reads made of several queries run in one read transaction, so they see a single snapshot.
// Stored text that does not parse (a day that is not YYYY-MM-DD) is reported as kCorrupt.
// The caller gives the connection to the call alone (SqliteStore lends it from its pool).
#ifndef COOLPAPERS_STORE_SQLITE_READS_H_
#define COOLPAPERS_STORE_SQLITE_READS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/category_expr.h"
#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"
#include "store/sqlite_connection.h"
#include "store/store.h"

namespace coolpapers::store {

[[nodiscard]] Result<DayList> ReadDayList(SqliteConnection& connection, const CategoryExpr& expr,
                                          Date day);
[[nodiscard]] Result<std::optional<Date>> ReadNewestDay(SqliteConnection& connection,
                                                        const CategoryExpr& expr);
[[nodiscard]] Result<std::vector<Date>> ReadListingDays(SqliteConnection& connection,
                                                        const CategoryExpr& expr);
[[nodiscard]] Result<std::vector<CategoryDay>> ReadNewestDayPerCategory(
    SqliteConnection& connection);
[[nodiscard]] Result<std::vector<Paper>> ReadPapersByIds(SqliteConnection& connection,
                                                         std::span<const std::string> ids);
[[nodiscard]] Result<std::vector<Paper>> ReadPapersAfter(SqliteConnection& connection,
                                                         std::string_view after_id, int limit);
[[nodiscard]] Result<PaperChanges> ReadPaperChangesSince(SqliteConnection& connection,
                                                         uint64_t since, int limit);
[[nodiscard]] Result<uint64_t> ReadLatestPaperChange(SqliteConnection& connection);
[[nodiscard]] Result<std::vector<PaperSearchText>> ReadSearchTexts(
    SqliteConnection& connection, std::span<const std::string> ids);
[[nodiscard]] Result<int64_t> ReadPaperCount(SqliteConnection& connection);
// One paper's counts, without a transaction of its own: for a caller already inside one
// (AddPaperClick reads the counts it just wrote). Zeros for a paper never clicked.
[[nodiscard]] Result<ClickCounts> ReadClicksOfPaper(SqliteConnection& connection,
                                                    std::string_view paper_id);
[[nodiscard]] Result<std::vector<ClickCounts>> ReadClicks(SqliteConnection& connection,
                                                          std::span<const std::string> ids);
[[nodiscard]] Result<uint64_t> ReadChangeStamp(SqliteConnection& connection);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_READS_H_
