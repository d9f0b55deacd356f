// Harvest state in the SQLite store file (tables `category_days` and `cursors`, migration 0006).
#ifndef COOLPAPERS_STORE_SQLITE_HARVEST_STATE_H_
#define COOLPAPERS_STORE_SQLITE_HARVEST_STATE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/harvest_state.h"
#include "store/sqlite_store.h"

namespace coolpapers::store {

// Opens the harvest state in the database at `path`, bringing the schema up to date as
// OpenSqliteStore does (same errors). Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<HarvestState>> OpenSqliteHarvestState(
    const std::filesystem::path& path, const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_HARVEST_STATE_H_
