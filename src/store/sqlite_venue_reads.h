// The SQL that reads venues (migration 0012). Each function needs `connection` to itself for
// the duration of the call (a reader from the pool).
#ifndef COOLPAPERS_STORE_SQLITE_VENUE_READS_H_
#define COOLPAPERS_STORE_SQLITE_VENUE_READS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/sqlite_connection.h"
#include "store/venue_store.h"

namespace coolpapers::store {

// The VenueStore read of the same name.
[[nodiscard]] Result<std::vector<VenueEditionSummary>> ReadVenueEditions(
    SqliteConnection& connection);
[[nodiscard]] Result<std::optional<VenueEdition>> ReadVenueEdition(SqliteConnection& connection,
                                                                   std::string_view tag);
[[nodiscard]] Result<std::vector<VenueGroupCount>> ReadVenueGroupCounts(
    SqliteConnection& connection, std::string_view tag);
[[nodiscard]] Result<std::vector<VenuePaper>> ReadPapersOfEdition(
    SqliteConnection& connection, std::string_view tag, std::optional<std::string_view> group,
    int64_t offset, int64_t limit);
[[nodiscard]] Result<std::vector<VenuePaper>> ReadVenuePapersByIds(
    SqliteConnection& connection, std::span<const std::string> ids);
[[nodiscard]] Result<std::vector<VenuePaper>> ReadVenuePapersChangedSince(
    SqliteConnection& connection, uint64_t stamp);
// VenueStore::VenueStamp.
[[nodiscard]] Result<uint64_t> ReadVenueStamp(SqliteConnection& connection);
[[nodiscard]] Result<std::vector<VenuePaper>> ReadVenuePapersOfArxiv(
    SqliteConnection& connection, std::span<const std::string> arxiv_ids);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_VENUE_READS_H_
