// A real PostgreSQL 15 server for the tests of the PostgreSQL store, started once per test
// process on first use: initdb and pg_ctl (Debian's /usr/lib/postgresql/15/bin, or
// $COOLPAPERS_PG_BIN) in a fresh temporary directory, listening only on a Unix socket in that
// directory, no TCP. As root (CI, the dev machine) the server runs as the `postgres` user,
// since initdb refuses root. It is stopped and its directory removed when the process exits,
// whether the tests passed, failed or crashed: a guardian process waits on a pipe that only
// this process holds open, and stops the server when the pipe closes.
//
//   if (auto reason = PgTestSkipReason()) GTEST_SKIP() << *reason;
//   std::string url = PgTestDatabaseUrl(dir);  // a fresh database for this test
#ifndef COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_
#define COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_

#include <filesystem>
#include <optional>
#include <string>

namespace coolpapers::testing {

// Why PostgreSQL tests cannot run here ("PostgreSQL 15 is not installed: no
// /usr/lib/postgresql/15/bin/initdb"), or std::nullopt when the server runs. Starts the server
// on the first call. A server that is installed but does not start is no reason to skip: the
// calling test fails (ADD_FAILURE) with what went wrong, and the reason is returned too so that
// it stops. Thread-safe.
std::optional<std::string> PgTestSkipReason();

// The libpq URL of a database of the process's server named after `key` (a test's temporary
// directory), created empty on the first call for that key: the same key gives the same
// database, as a path gives the same SQLite file. Call after PgTestSkipReason() said the server
// runs; aborts the test binary otherwise (a programming error). Thread-safe.
std::string PgTestDatabaseUrl(const std::filesystem::path& key);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_
