// Venues in a PostgreSQL database (pg_migrations/0007): the same VenueStore as the SQLite one
// (venue_store_contract_test.cc runs both), for instances whose store is PostgreSQL.
#ifndef COOLPAPERS_STORE_PG_VENUE_STORE_H_
#define COOLPAPERS_STORE_PG_VENUE_STORE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/pg_store.h"
#include "store/venue_store.h"

namespace coolpapers::store {

// Connects to the database at `url` and brings its schema up to date, as OpenPgStore does
// (same errors). Safe to share between threads; writers in several processes take turns.
[[nodiscard]] Result<std::unique_ptr<VenueStore>> OpenPgVenueStore(const std::string& url,
                                                                   const PgOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_VENUE_STORE_H_
