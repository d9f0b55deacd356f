// Runs the real coolpapers binary as a child process for integration tests: `coolpapers serve`
// on a free loopback port, or any subcommand to completion. Every wait is bounded; the server
// is stopped with SIGTERM (then SIGKILL) when the ServerProcess goes away.
#ifndef COOLPAPERS_TESTS_SUPPORT_SERVER_PROCESS_H_
#define COOLPAPERS_TESTS_SUPPORT_SERVER_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace coolpapers::testing {

// The coolpapers binary under test ($COOLPAPERS_BINARY, set by CTest).
std::filesystem::path CoolpapersBinary();

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  std::string output;  // stdout and stderr together
};

// Runs the binary with the arguments, waiting at most `timeout`, then kills it with SIGKILL
// (a test of kill -9 mid-run passes a short timeout).
CommandResult RunCoolpapers(const std::vector<std::string>& args,
                            std::chrono::milliseconds timeout = std::chrono::seconds(120));

// Whether the served instance harvests arXiv. `serve` harvests by default, from the real
// arXiv: a test passes kAsConfigured only when its configuration points arXiv at a loopback
// server (tests/support/replay_server.h), so no test reaches the internet.
enum class ServeHarvest { kOff, kAsConfigured };

class ServerProcess {
 public:
  // Starts `coolpapers serve --data DATA_DIR --host 127.0.0.1 --port 0` (with --no-harvest
  // for kOff) and waits (at most `startup_timeout`) for its "serving http://127.0.0.1:PORT/"
  // line. Throws std::runtime_error with the server's output when it does not come up.
  explicit ServerProcess(const std::filesystem::path& data_dir,
                         ServeHarvest harvest = ServeHarvest::kOff,
                         std::chrono::seconds startup_timeout = std::chrono::seconds(20));
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }  // -1 once stopped or killed
  // Sends SIGTERM and waits (bounded); returns the exit code, -1 if it had to be killed.
  int Stop(std::chrono::seconds timeout = std::chrono::seconds(10));
  // Sends SIGKILL, as a crash would, and waits for the process to go.
  void Kill();
  // Everything the server wrote so far (its access log and messages).
  std::string Output() const;

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::filesystem::path log_path_;
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_SERVER_PROCESS_H_
