// The PostgreSQL store's reads. Each function is the Store method of the same meaning
// (store.h), run in one transaction of `pool`; reads of several queries use a snapshot
// (PgConnectionPool::Snapshot). Lists of ids or categories travel as one JSON array parameter,
// so a batch is one statement whatever its size. Stored values that do not parse are kCorrupt.
#ifndef COOLPAPERS_STORE_PG_PAPER_READS_H_
#define COOLPAPERS_STORE_PG_PAPER_READS_H_

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
#include "store/pg_connection_pool.h"
#include "store/store.h"

namespace coolpapers::store {

[[nodiscard]] Result<DayList> ReadPgDayList(PgConnectionPool& pool, const CategoryExpr& expr,
                                            Date day);
[[nodiscard]] Result<std::optional<Date>> ReadPgNewestDay(PgConnectionPool& pool,
                                                          const CategoryExpr& expr);
[[nodiscard]] Result<std::vector<Date>> ReadPgListingDays(PgConnectionPool& pool,
                                                          const CategoryExpr& expr);
[[nodiscard]] Result<std::vector<CategoryDay>> ReadPgNewestDayPerCategory(PgConnectionPool& pool);
[[nodiscard]] Result<std::vector<Paper>> ReadPgPapersByIds(PgConnectionPool& pool,
                                                           std::span<const std::string> ids);
[[nodiscard]] Result<int64_t> ReadPgPaperCount(PgConnectionPool& pool);
[[nodiscard]] Result<std::vector<Paper>> ReadPgPapersAfter(PgConnectionPool& pool,
                                                           std::string_view after_id, int limit);
[[nodiscard]] Result<PaperChanges> ReadPgPaperChangesSince(PgConnectionPool& pool,
                                                           uint64_t since, int limit);
[[nodiscard]] Result<uint64_t> ReadPgLatestPaperChange(PgConnectionPool& pool);
[[nodiscard]] Result<std::vector<PaperSearchText>> ReadPgSearchTexts(
    PgConnectionPool& pool, std::span<const std::string> ids);
[[nodiscard]] Result<std::vector<ClickCounts>> ReadPgClicks(PgConnectionPool& pool,
                                                            std::span<const std::string> ids);
[[nodiscard]] Result<uint64_t> ReadPgChangeStamp(PgConnectionPool& pool);

// A JSON array of `items`, the form in which the PostgreSQL store passes a list as one
// parameter (jsonb_array_elements_text($1::jsonb)).
std::string PgJsonList(std::span<const std::string> items);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_PAPER_READS_H_
