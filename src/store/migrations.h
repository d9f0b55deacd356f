// The store's schema as numbered SQL migrations (src/store/migrations/NNNN_name.sql), embedded
// into the library at build time (embed_migrations.cmake), so a binary always carries the
// schema it was built for.
#ifndef COOLPAPERS_STORE_MIGRATIONS_H_
#define COOLPAPERS_STORE_MIGRATIONS_H_

#include <span>
#include <string_view>

namespace coolpapers::store {

struct Migration {
  int version;            // 1 for 0001_create_papers.sql; the schema version after applying it
  std::string_view name;  // "0001_create_papers"
  std::string_view sql;   // the file's text: one or more statements
};

// Every migration, in order: versions 1, 2, 3... with no gaps. Static storage; thread-safe.
std::span<const Migration> AllMigrations();

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_MIGRATIONS_H_
