#include "tests/support/nginx_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace coolpapers::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::filesystem::path NginxBinary() {
  const char* configured = std::getenv("COOLPAPERS_NGINX");
  return configured != nullptr ? configured : "/usr/sbin/nginx";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Replaces the lines strictly between the line holding `begin` and the one holding `end`.
std::string ReplaceBetween(const std::string& text, const std::string& begin,
                           const std::string& end, const std::string& lines) {
  const size_t begin_at = text.find(begin);
  const size_t end_at = text.find(end);
  if (begin_at == std::string::npos || end_at == std::string::npos || end_at < begin_at) {
    throw std::runtime_error("the nginx site lacks the markers \"" + begin + "\" and \"" + end +
                             "\"");
  }
  const size_t first = text.find('\n', begin_at) + 1;
  const size_t last = text.rfind('\n', end_at) + 1;
  return text.substr(0, first) + lines + text.substr(last);
}

bool Accepts(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

}  // namespace

std::optional<std::string> NginxSkipReason() {
  const std::filesystem::path binary = NginxBinary();
  if (::access(binary.c_str(), X_OK) != 0) {
    return "nginx is not installed: no " + binary.string() +
           " (Debian's nginx; scripts/install_deps.sh installs it)";
  }
  return std::nullopt;
}

std::string RenderNginxSite(const std::string& site, const std::vector<unsigned short>& nodes,
                            unsigned short listen_port) {
  std::string servers;
  for (unsigned short node : nodes) {
    servers += "    server 127.0.0.1:" + std::to_string(node) + " max_fails=1 fail_timeout=5s;\n";
  }
  const std::string rendered = ReplaceBetween(site, "# nodes: begin", "# nodes: end", servers);
  return ReplaceBetween(rendered, "# listen: begin", "# listen: end",
                        "    listen 127.0.0.1:" + std::to_string(listen_port) + ";\n");
}

unsigned short FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

NginxProcess::NginxProcess(const std::filesystem::path& site_file,
                           const std::vector<unsigned short>& nodes,
                           const std::filesystem::path& prefix)
    : port_(FreeLoopbackPort()), prefix_(prefix) {
  std::filesystem::create_directories(prefix_ / "temp");
  const std::string site = ReadFile(site_file);
  if (site.empty()) throw std::runtime_error("cannot read the nginx site " + site_file.string());
  std::ofstream(prefix_ / "site.conf") << RenderNginxSite(site, nodes, port_);
  const std::string p = prefix_.string();
  std::ofstream main(prefix_ / "nginx.conf");
  // As root, nginx's workers would run as nobody, who may not enter the test's folder.
  if (::geteuid() == 0) main << "user root;\n";
  main << "daemon off;\nmaster_process on;\nworker_processes 1;\n"
       << "pid " << p << "/nginx.pid;\nerror_log " << p << "/error.log info;\n"
       << "events { worker_connections 512; }\n"
       << "http {\n  access_log " << p << "/access.log;\n"
       << "  client_body_temp_path " << p << "/temp/body;\n"
       << "  proxy_temp_path " << p << "/temp/proxy;\n"
       << "  fastcgi_temp_path " << p << "/temp/fastcgi;\n"
       << "  uwsgi_temp_path " << p << "/temp/uwsgi;\n"
       << "  scgi_temp_path " << p << "/temp/scgi;\n"
       << "  include " << p << "/site.conf;\n}\n";
  main.close();

  const std::string binary = NginxBinary().string();
  const std::string config = (prefix_ / "nginx.conf").string();
  const std::string error_log = (prefix_ / "error.log").string();
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // nginx's master stops its workers on SIGTERM; it gets one if the test dies first.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) _exit(1);
    std::ofstream(error_log, std::ios::app).flush();
    execl(binary.c_str(), binary.c_str(), "-p", p.c_str(), "-c", config.c_str(), "-e",
          error_log.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < deadline) {
    if (Accepts(port_)) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx exited at startup:\n" + ErrorLog());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  Stop();
  throw std::runtime_error("nginx did not listen on port " + std::to_string(port_) +
                           " in time:\n" + ErrorLog());
}

NginxProcess::~NginxProcess() { Stop(); }

std::string NginxProcess::ErrorLog() const { return ReadFile(prefix_ / "error.log"); }

void NginxProcess::Stop() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGTERM);  // fast shutdown: open streams are cut, workers stop with the master
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace coolpapers::testing
