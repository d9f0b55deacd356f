// The store in a PostgreSQL database (issue #17): the same Store as the embedded SQLite one
// (store_contract_test.cc runs both), for instances that want a database server, several
// machines, or PostgreSQL's tooling. Its schema is its own numbered migrations
// (pg_migrations/NNNN_*.sql, docs/store.md).
#ifndef COOLPAPERS_STORE_PG_STORE_H_
#define COOLPAPERS_STORE_PG_STORE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/store.h"

namespace coolpapers::store {

struct PgOptions {
  int connections = 4;  // the pool's size: requests served at once
};

// Connects to the database at `url` (a libpq URI: "postgresql://user@host/coolpapers",
// "postgresql:///coolpapers?host=/run/postgresql") and brings its schema up to date.
// kUnavailable when the server cannot be reached; kCorrupt when the database is not a
// coolpapers store or was written by a newer coolpapers. Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url,
                                                         const PgOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_STORE_H_
