#include "tests/support/store_test_backends.h"

#include "tests/support/pg_test_server.h"

namespace coolpapers::testing {

std::vector<StoreTestBackend> StoreTestBackends() {
  return {
      {"Sqlite", [] { return std::optional<std::string>(); },
       [](const std::filesystem::path& dir) {
         return store::SqliteLocation(dir / "store.sqlite");
       }},
      {"Postgres", PgTestSkipReason,
       [](const std::filesystem::path& dir) {
         return store::StoreLocation{store::StoreLocation::Kind::kPostgres, {},
                                     PgTestDatabaseUrl(dir)};
       }},
  };
}

void PrintTo(const StoreTestBackend& backend, std::ostream* out) { *out << backend.name; }

std::string StoreTestBackendName(const ::testing::TestParamInfo<StoreTestBackend>& info) {
  return info.param.name;
}

}  // namespace coolpapers::testing
