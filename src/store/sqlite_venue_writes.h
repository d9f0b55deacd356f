// The SQL that writes venues (migration 0012): editions, papers merged by any of their ids, and
// the arXiv title links. Each function runs its own write transaction on `connection`, which
// the caller holds exclusively.
#ifndef COOLPAPERS_STORE_SQLITE_VENUE_WRITES_H_
#define COOLPAPERS_STORE_SQLITE_VENUE_WRITES_H_

#include <span>

#include "core/error.h"
#include "core/venue.h"
#include "store/sqlite_connection.h"
#include "store/venue_store.h"

namespace coolpapers::store {

// VenueStore::WriteEdition.
[[nodiscard]] Result<void> WriteVenueEdition(SqliteConnection& connection,
                                             const VenueEdition& edition);

// VenueStore::WriteVenuePapers.
[[nodiscard]] Result<VenueWriteSummary> WriteVenuePaperRows(SqliteConnection& connection,
                                                            std::span<const VenuePaper> papers);

// VenueStore::LinkArxivByTitle.
[[nodiscard]] Result<int64_t> LinkVenuePapersByTitle(SqliteConnection& connection);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_VENUE_WRITES_H_
