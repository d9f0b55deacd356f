// A real PostgreSQL 15 server for the tests of the PostgreSQL store: initdb and pg_ctl (Debian's
// /usr/lib/postgresql/15/bin, or $COOLPAPERS_PG_BIN) in a fresh temporary directory, listening
// only on a Unix socket in that directory, no TCP. As root (CI, the dev machine) the server runs
// as the `postgres` user, since initdb refuses root.
//
// Under CTest, one server serves the whole run: the fixture test pg_test_server_start starts it
// (pg_test_server_main.cc) and sets COOLPAPERS_PG_TEST_HOST for the tests, pg_test_server_stop
// stops it after them, pass or fail. Run directly, a test binary starts its own server on first
// use, once per process. Either way a guardian process stops the server and removes its
// directory if its owner dies first: the test process (a pipe it alone holds open closes) or
// the CTest run (its pid disappears).
//
//   if (auto reason = PgTestSkipReason()) GTEST_SKIP() << *reason;
//   std::string url = PgTestDatabaseUrl(dir);  // a fresh database for this test
#ifndef COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_
#define COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_

#include <sys/types.h>

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

// The lower level, shared with pg_test_server_main.cc.
// Why no server can start here (PostgreSQL not installed), or std::nullopt.
std::optional<std::string> PgTestServerAbsent();
// Starts a server in the empty directory `dir` (socket `dir`/.s.PGSQL.5432), after forking the
// guardian into *guardian: a shell that runs `wait_script` with stdin `guardian_stdin` (-1:
// /dev/null), then stops the server and removes `dir`. Returns what failed, or std::nullopt.
std::optional<std::string> StartPgTestServer(const std::filesystem::path& dir,
                                             const std::string& wait_script, int guardian_stdin,
                                             pid_t* guardian);
// The URL of `database` on the server whose socket is in `socket_dir`, as its superuser.
std::string UrlOf(const std::filesystem::path& socket_dir, const std::string& database);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_PG_TEST_SERVER_H_
