// The store backends every store contract test runs against: SQLite in the test's temporary
// directory, and PostgreSQL in a fresh database of the test process's server
// (pg_test_server.h), skipped with the reason when PostgreSQL is not installed.
//
//   INSTANTIATE_TEST_SUITE_P(Backends, HarvestStateTest, ValuesIn(StoreTestBackends()),
//                            StoreTestBackendName);
#ifndef COOLPAPERS_TESTS_SUPPORT_STORE_TEST_BACKENDS_H_
#define COOLPAPERS_TESTS_SUPPORT_STORE_TEST_BACKENDS_H_

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/store_location.h"

namespace coolpapers::testing {

struct StoreTestBackend {
  std::string name;  // "Sqlite", "Postgres": the test name's suffix
  // Why the backend cannot run here, or std::nullopt; tests skip with it.
  std::function<std::optional<std::string>()> skip_reason;
  // Where the store kept under the test's directory `dir` is: the same dir, the same data.
  std::function<store::StoreLocation(const std::filesystem::path& dir)> location;
};

std::vector<StoreTestBackend> StoreTestBackends();

// Names the backend in test output (gtest would otherwise dump its bytes).
void PrintTo(const StoreTestBackend& backend, std::ostream* out);

// For INSTANTIATE_TEST_SUITE_P's name generator.
std::string StoreTestBackendName(const ::testing::TestParamInfo<StoreTestBackend>& info);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_STORE_TEST_BACKENDS_H_
