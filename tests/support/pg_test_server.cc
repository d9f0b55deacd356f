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
#include <memory>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include <pqxx/connection>
#include <pqxx/nontransaction>

namespace coolpapers::testing {
namespace {

std::filesystem::path PgBinDir() {
  const char* dir = std::getenv("COOLPAPERS_PG_BIN");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/lib/postgresql/15/bin";
}

// Runs `argv` (no shell) with stdout and stderr appended to `log`; true when it exits 0.
bool RunLogged(const std::vector<std::string>& argv, const std::filesystem::path& log) {
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (out >= 0) {
      ::dup2(out, STDOUT_FILENO);
      ::dup2(out, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
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

class PgTestServer {
 public:
  // Starts the server when PostgreSQL is installed; otherwise skip_reason() says why, and when it
  // is installed but would not start, failure() does.
  PgTestServer() {
    if (std::optional<std::string> absent = Absent()) {
      skip_reason_ = absent;
    } else {
      failure_ = Start();
    }
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
      it->second = "test_" + std::to_string(databases_.size());
      pqxx::connection admin(UrlOf("postgres"));
      pqxx::nontransaction create(admin);
      // The name is ours ("test_7"), quoted all the same.
      create.exec0("CREATE DATABASE " + create.quote_name(it->second));
    }
    return UrlOf(it->second);
  }

 private:
  static std::optional<std::string> Absent() {
    const std::filesystem::path bin = PgBinDir();
    if (std::filesystem::exists(bin / "initdb") && std::filesystem::exists(bin / "pg_ctl")) {
      return std::nullopt;
    }
    return "PostgreSQL 15 is not installed: no " + (bin / "initdb").string() +
           " (apt-get install postgresql, or set COOLPAPERS_PG_BIN)";
  }

  std::optional<std::string> Start() {
    const std::filesystem::path bin = PgBinDir();
    std::string pattern = (std::filesystem::temp_directory_path() / "coolpapers-pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return "cannot create a directory for PostgreSQL";
    dir_ = pattern;
    // Ours, written by this process, and the server's own, which it writes as its user.
    const std::filesystem::path log = dir_ / "setup.log";
    const std::filesystem::path server_log = dir_ / "server.log";

    // initdb and the server refuse to run as root: they run as `postgres`, which must own the
    // directory. Tests connect over the socket as the database superuser `postgres`.
    std::vector<std::string> as_user;
    if (::geteuid() == 0) {
      const passwd* user = ::getpwnam("postgres");
      if (user == nullptr) return "running as root needs a 'postgres' user to run PostgreSQL";
      if (::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
        return "cannot give " + dir_.string() + " to the postgres user";
      }
      as_user = {"runuser", "-u", "postgres", "--"};
    }
    const auto command = [&](std::vector<std::string> argv) {
      argv.insert(argv.begin(), as_user.begin(), as_user.end());
      return argv;
    };
    const std::string data = (dir_ / "data").string();
    const std::string pg_ctl = (bin / "pg_ctl").string();

    // The guardian exists before the server does, so no way out of this process leaves a
    // server behind: it waits for EOF on its stdin (the pipe's read end), then stops the
    // server, whatever state it is in, and removes the directory.
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) return "cannot create the guardian's pipe";
    const std::vector<std::string> stop = command({pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"});
    std::string stop_line;
    for (const std::string& arg : stop) stop_line += "'" + arg + "' ";
    const std::string script =
        "read ignored; " + stop_line + ">/dev/null 2>&1; rm -rf '" + dir_.string() + "'";
    guardian_ = ::fork();
    if (guardian_ < 0) return "cannot start the guardian of the PostgreSQL server";
    if (guardian_ == 0) {
      ::dup2(pipe_ends[0], STDIN_FILENO);  // dup2 clears close-on-exec on the copy
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::setsid();  // not in the test's process group: a Ctrl-C must not kill it before it stops
      ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_ends[0]);
    guardian_pipe_ = pipe_ends[1];

    if (!RunLogged(command({(bin / "initdb").string(), "-D", data, "-A", "trust", "-U", "postgres",
                            "-E", "UTF8", "--locale=C", "--no-sync"}),
                   log)) {
      return "initdb failed; see " + log.string();
    }
    // fsync off: a test server's data need not survive a power cut, and tests run faster.
    const std::string options = "-c listen_addresses='' -k " + dir_.string() +
                                " -c fsync=off -c synchronous_commit=off"
                                " -c full_page_writes=off -c max_connections=200";
    if (!RunLogged(command({pg_ctl, "-D", data, "-l", server_log.string(), "-w", "-s", "-o",
                            options, "start"}),
                   log)) {
      return "pg_ctl start failed; see " + server_log.string() + " (removed at exit)";
    }
    return std::nullopt;
  }

  std::string UrlOf(const std::string& database) const {
    return "postgresql://postgres@/" + database + "?host=" + EncodeUrlValue(dir_.string());
  }

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
