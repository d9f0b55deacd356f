// Harvest state in PostgreSQL (tables `category_days` and `cursors`, pg_migrations/0003).
#ifndef COOLPAPERS_STORE_PG_HARVEST_STATE_H_
#define COOLPAPERS_STORE_PG_HARVEST_STATE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/harvest_state.h"
#include "store/pg_store.h"

namespace coolpapers::store {

// Connects to the database at `url` and brings the schema up to date, as OpenPgStore does (same
// errors). Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<HarvestState>> OpenPgHarvestState(
    const std::string& url, const PgOptions& options = {.connections = 2});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_HARVEST_STATE_H_
