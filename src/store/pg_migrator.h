// Brings a PostgreSQL database's schema up to date with its own numbered migrations
// (pg_migrations/NNNN_*.sql), tracking the applied version in the table coolpapers_schema.
#ifndef COOLPAPERS_STORE_PG_MIGRATOR_H_
#define COOLPAPERS_STORE_PG_MIGRATOR_H_

#include <span>

#include "core/error.h"
#include "store/migrations.h"
#include "store/pg_connection_pool.h"

namespace coolpapers::store {

// Every PostgreSQL migration, in order: versions 1, 2, 3... with no gaps. Generated from
// pg_migrations/*.sql at build time (embed_migrations.cmake). Static storage; thread-safe.
std::span<const Migration> AllPgMigrations();

// Applies, in one transaction, every migration above the database's version, then records the
// last one. Processes opening the same database at once take turns (an advisory lock), so each
// migration runs once. kCorrupt when the database is newer than `migrations` (a newer
// coolpapers wrote it: "has schema version N, newer than ...") or has tables of its own but no
// coolpapers_schema (not a coolpapers database); a failing migration is rolled back.
[[nodiscard]] Result<void> MigratePgSchema(PgConnectionPool& pool,
                                           std::span<const Migration> migrations);

// Connects to `url` with a pool of `connections` (each running `session_setup` first, see
// PgConnectionPool::Open) and brings the schema up to date: how each PostgreSQL part of the
// store opens. Errors: PgConnectionPool::Open's and MigratePgSchema's.
[[nodiscard]] Result<std::unique_ptr<PgConnectionPool>> OpenMigratedPgPool(
    const std::string& url, int connections, std::string session_setup = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_MIGRATOR_H_
