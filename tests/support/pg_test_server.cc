#include "tests/support/pg_test_server.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include <pqxx/connection>
#include <pqxx/nontransaction>

namespace coolpapers::testing {
namespace {

constexpr const char* kSharedServerVariable = "COOLPAPERS_PG_TEST_HOST";

std::filesystem::path PgBinDir() {
  const char* dir = std::getenv("COOLPAPERS_PG_BIN");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/lib/postgresql/15/bin";
}

// Runs `argv` (no shell) with stdout and stderr appended to `log`; true when it exits 0.
bool RunLogged(const std::vector<std::string>& argv, const std::filesystem::path& log) {
  // Everything the child needs is made before fork: between fork and exec a child of a
  // threaded process may only make async-signal-safe calls (no malloc).
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (out >= 0) {
      ::dup2(out, STDOUT_FILENO);
      ::dup2(out, STDERR_FILENO);
    }
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Percent-encodes a socket directory for the host= parameter of a libpq URL.
std::string EncodeUrlValue(const std::string& text) {
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      encoded.push_back(static_cast<char>(c));
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      encoded += escaped;
    }
  }
  return encoded;
}

// initdb and the server refuse to run as root: as root they run as `postgres`, which must own
// the directory. The prefix that runs a command as that user ({} when not root).
std::optional<std::vector<std::string>> AsServerUser(const std::filesystem::path& dir,
                                                     std::string& error) {
  if (::geteuid() != 0) return std::vector<std::string>{};
  const passwd* user = ::getpwnam("postgres");
  if (user == nullptr) {
    error = "running as root needs a 'postgres' user to run PostgreSQL";
    return std::nullopt;
  }
  if (::chown(dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
    error = "cannot give " + dir.string() + " to the postgres user";
    return std::nullopt;
  }
  return std::vector<std::string>{"runuser", "-u", "postgres", "--"};
}

std::string ShellQuoted(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& arg : argv) line += "'" + arg + "' ";
  return line;
}

// The server in the process: one for the test binary (started on first use), or the one the
// CTest fixture started for the whole run (COOLPAPERS_PG_TEST_HOST names its socket directory).
class PgTestServer {
 public:
  PgTestServer() {
    if (const char* shared = std::getenv(kSharedServerVariable); shared && *shared != '\0') {
      dir_ = shared;
      if (!std::filesystem::exists(dir_ / ".s.PGSQL.5432")) {
        skip_reason_ = "no PostgreSQL server at " + dir_.string() +
                       " (the CTest fixture pg_test_server_start skipped: " +
                       PgTestServerAbsent().value_or("it did not start") + ")";
      }
      return;
    }
    if (std::optional<std::string> absent = PgTestServerAbsent()) {
      skip_reason_ = absent;
      return;
    }
    std::string pattern =
        (std::filesystem::temp_directory_path() / "coolpapers-pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      failure_ = "cannot create a directory for PostgreSQL";
      return;
    }
    dir_ = pattern;
    // The guardian stops the server when this process closes the pipe, by exiting or crashing.
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
      failure_ = "cannot create the guardian's pipe";
      return;
    }
    guardian_pipe_ = pipe_ends[1];
    failure_ = StartPgTestServer(dir_, "read ignored", pipe_ends[0], &guardian_);
    ::close(pipe_ends[0]);
  }

  // Closing the pipe tells the guardian to stop the server; waiting for it means the server is
  // gone when the process exits.
  ~PgTestServer() {
    if (guardian_ <= 0) return;
    ::close(guardian_pipe_);
    int status = 0;
    ::waitpid(guardian_, &status, 0);
  }

  const std::optional<std::string>& skip_reason() const { return skip_reason_; }
  const std::optional<std::string>& failure() const { return failure_; }

  std::string DatabaseUrl(const std::filesystem::path& key) {
    std::lock_guard lock(mutex_);
    auto [it, added] = databases_.try_emplace(key.string());
    if (added) {
      // Unique across the processes that share the fixture's server.
      it->second = "test_" + std::to_string(::getpid()) + "_" + std::to_string(databases_.size());
      pqxx::connection admin(UrlOf(dir_, "postgres"));
      pqxx::nontransaction create(admin);
      create.exec0("CREATE DATABASE " + create.quote_name(it->second));
    }
    return UrlOf(dir_, it->second);
  }

 private:
  std::optional<std::string> skip_reason_;
  std::optional<std::string> failure_;
  std::filesystem::path dir_;
  pid_t guardian_ = -1;
  int guardian_pipe_ = -1;
  std::mutex mutex_;
  std::map<std::string, std::string> databases_;  // key -> database name; Guarded by mutex_.
};

PgTestServer& Server() {
  static PgTestServer server;  // started on first use, stopped at exit
  return server;
}

}  // namespace

std::optional<std::string> PgTestServerAbsent() {
  const std::filesystem::path bin = PgBinDir();
  if (std::filesystem::exists(bin / "initdb") && std::filesystem::exists(bin / "pg_ctl")) {
    return std::nullopt;
  }
  return "PostgreSQL 15 is not installed: no " + (bin / "initdb").string() +
         " (apt-get install postgresql, or set COOLPAPERS_PG_BIN)";
}

std::optional<std::string> StartPgTestServer(const std::filesystem::path& dir,
                                             const std::string& wait_script, int guardian_stdin,
                                             pid_t* guardian) {
  const std::filesystem::path bin = PgBinDir();
  // Ours, written by this process, and the server's own, which it writes as its user.
  const std::filesystem::path log = dir / "setup.log";
  const std::filesystem::path server_log = dir / "server.log";
  std::string error;
  const std::optional<std::vector<std::string>> as_user = AsServerUser(dir, error);
  if (!as_user) return error;
  const auto command = [&](std::vector<std::string> argv) {
    argv.insert(argv.begin(), as_user->begin(), as_user->end());
    return argv;
  };
  const std::string data = (dir / "data").string();
  const std::string pg_ctl = (bin / "pg_ctl").string();

  // The guardian exists before the server does, so no way out leaves a server behind: when
  // `wait_script` ends, it stops the server, whatever state it is in, and removes the directory.
  const std::string script =
      wait_script + "; " +
      ShellQuoted(command({pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"})) +
      ">/dev/null 2>&1; rm -rf '" + dir.string() + "'";
  *guardian = ::fork();
  if (*guardian < 0) return "cannot start the guardian of the PostgreSQL server";
  if (*guardian == 0) {
    ::dup2(guardian_stdin >= 0 ? guardian_stdin : ::open("/dev/null", O_RDONLY), STDIN_FILENO);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::setsid();  // not in the test's process group: a Ctrl-C must not kill it before it stops
    ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }

  if (!RunLogged(command({(bin / "initdb").string(), "-D", data, "-A", "trust", "-U", "postgres",
                          "-E", "UTF8", "--locale=C", "--no-sync"}),
                 log)) {
    return "initdb failed; see " + log.string();
  }
  // fsync off: a test server's data need not survive a power cut, and tests run faster.
  const std::string options = "-c listen_addresses='' -k " + dir.string() +
                              " -c fsync=off -c synchronous_commit=off"
                              " -c full_page_writes=off -c max_connections=300";
  if (!RunLogged(command({pg_ctl, "-D", data, "-l", server_log.string(), "-w", "-s", "-o",
                          options, "start"}),
                 log)) {
    return "pg_ctl start failed; see " + server_log.string();
  }
  return std::nullopt;
}

std::string UrlOf(const std::filesystem::path& socket_dir, const std::string& database) {
  return "postgresql://postgres@/" + database + "?host=" + EncodeUrlValue(socket_dir.string());
}

std::optional<std::string> PgTestSkipReason() {
  if (Server().failure()) {
    ADD_FAILURE() << "PostgreSQL is installed but the test server did not start: "
                  << *Server().failure();
    return Server().failure();
  }
  return Server().skip_reason();
}

std::string PgTestDatabaseUrl(const std::filesystem::path& key) {
  if (Server().skip_reason() || Server().failure()) std::abort();
  return Server().DatabaseUrl(key);
}

}  // namespace coolpapers::testing
