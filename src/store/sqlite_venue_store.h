// Venues in the SQLite store file (tables venue_editions, venue_papers, venue_paper_ids and
// arxiv_title_keys; migration 0012).
#ifndef COOLPAPERS_STORE_SQLITE_VENUE_STORE_H_
#define COOLPAPERS_STORE_SQLITE_VENUE_STORE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/sqlite_store.h"
#include "store/venue_store.h"

namespace coolpapers::store {

// Opens the venues in the database at `path`, creating the file and bringing the schema up to
// date as OpenSqliteStore does (same errors). The returned store owns one connection, used
// under a mutex, and is safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<VenueStore>> OpenSqliteVenueStore(
    const std::filesystem::path& path, const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_VENUE_STORE_H_
