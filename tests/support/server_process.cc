#include "tests/support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace coolpapers::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Starts the binary with stdout and stderr going to `log_path`.
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& log_path) {
  std::vector<std::string> argv_storage = {CoolpapersBinary().string()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    std::vector<char*> argv;
    for (auto& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Waits for the child until the deadline; returns its exit code, -1 on signal or timeout.
int WaitFor(pid_t pid, Clock::time_point deadline, bool* exited) {
  *exited = false;
  while (Clock::now() < deadline) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      *exited = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::filesystem::path MakeLogPath() {
  std::string pattern = (std::filesystem::temp_directory_path() / "coolpapers-log-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  return pattern;
}

}  // namespace

std::filesystem::path CoolpapersBinary() {
  const char* path = std::getenv("COOLPAPERS_BINARY");
  if (path == nullptr) throw std::runtime_error("COOLPAPERS_BINARY is not set (run through ctest)");
  return path;
}

CommandResult RunCoolpapers(const std::vector<std::string>& args,
                            std::chrono::milliseconds timeout) {
  auto log_path = MakeLogPath();
  pid_t pid = Spawn(args, log_path);
  bool exited = false;
  CommandResult result;
  result.exit_code = WaitFor(pid, Clock::now() + timeout, &exited);
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  result.output = ReadFile(log_path);
  std::filesystem::remove(log_path);
  return result;
}

ServerProcess::ServerProcess(const std::filesystem::path& data_dir, ServeHarvest harvest,
                             std::chrono::seconds startup_timeout)
    : log_path_(MakeLogPath()) {
  std::vector<std::string> args = {"serve", "--data", data_dir.string(), "--host", "127.0.0.1",
                                   "--port", "0"};
  if (harvest == ServeHarvest::kOff) args.push_back("--no-harvest");
  pid_ = Spawn(args, log_path_);
  static const std::regex kServing(R"(serving http://127\.0\.0\.1:(\d+)/)");
  auto deadline = Clock::now() + startup_timeout;
  while (Clock::now() < deadline) {
    std::smatch match;
    std::string output = ReadFile(log_path_);
    if (std::regex_search(output, match, kServing)) {
      port_ = static_cast<unsigned short>(std::stoi(match[1]));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("coolpapers serve exited at startup:\n" + output);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string output = Output();
  Stop();
  throw std::runtime_error("coolpapers serve did not come up in time:\n" + output);
}

ServerProcess::~ServerProcess() {
  Stop();
  std::error_code ignored;  // a leftover log in /tmp is harmless
  std::filesystem::remove(log_path_, ignored);
}

int ServerProcess::Stop(std::chrono::seconds timeout) {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  bool exited = false;
  int code = WaitFor(pid_, Clock::now() + timeout, &exited);
  if (!exited) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  return code;
}

void ServerProcess::Kill() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string ServerProcess::Output() const { return ReadFile(log_path_); }

}  // namespace coolpapers::testing
