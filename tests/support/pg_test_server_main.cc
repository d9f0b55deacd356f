// The CTest fixture around every PostgreSQL test of a run (tests/CMakeLists.txt):
//   pg_test_server_main start DIR   starts a server with its socket in DIR, and returns
//   pg_test_server_main stop DIR    stops it and removes DIR
// A server started here outlives this program, so its guardian watches the CTest process that
// ran it instead: if CTest is killed before the stop fixture runs, the guardian stops the
// server within seconds. Without PostgreSQL, start succeeds and does nothing; the tests skip.
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "tests/support/pg_test_server.h"

int main(int argc, char** argv) {
  using namespace coolpapers::testing;
  if (argc != 3) {
    std::fprintf(stderr, "usage: pg_test_server_main start|stop DIR\n");
    return 2;
  }
  const std::string action = argv[1];
  const std::filesystem::path dir = std::filesystem::absolute(argv[2]);
  // A server left by a killed run would hold the socket: stop it first, in both cases.
  std::error_code ignored;
  if (std::filesystem::exists(dir / "running")) {
    std::filesystem::remove(dir / "running", ignored);
    // The guardian polls for the file every second; give it time to stop the server.
    for (int i = 0; i < 100 && std::filesystem::exists(dir / "data"); ++i) ::usleep(100'000);
  }
  std::filesystem::remove_all(dir, ignored);
  if (action == "stop") return 0;
  if (action != "start") {
    std::fprintf(stderr, "pg_test_server_main: unknown action %s\n", action.c_str());
    return 2;
  }
  if (std::optional<std::string> absent = PgTestServerAbsent()) {
    std::printf("PostgreSQL tests will skip: %s\n", absent->c_str());
    return 0;
  }
  std::filesystem::create_directories(dir);
  std::FILE* marker = std::fopen((dir / "running").c_str(), "w");
  if (marker != nullptr) std::fclose(marker);
  // Stop when the stop fixture removes the marker, or when CTest (our parent) is gone.
  const std::string wait = "while [ -e '" + (dir / "running").string() + "' ] && kill -0 " +
                           std::to_string(::getppid()) + " 2>/dev/null; do sleep 1; done";
  pid_t guardian = -1;
  if (std::optional<std::string> failed = StartPgTestServer(dir, wait, -1, &guardian)) {
    std::fprintf(stderr, "pg_test_server_main: %s\n", failed->c_str());
    std::filesystem::remove(dir / "running", ignored);
    return 1;
  }
  std::printf("PostgreSQL test server running, socket in %s\n", dir.c_str());
  return 0;
}
