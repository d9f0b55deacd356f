// A real nginx (Debian's /usr/sbin/nginx, or $COOLPAPERS_NGINX) as the load balancer of tests
// that run several `coolpapers serve` nodes: it runs deploy/nginx-coolpapers.conf, the site we
// ship, with the nodes and the listening port put in, in a temporary prefix of its own (its
// configuration, pid file, logs and temporary files). Every wait is bounded; nginx is stopped
// when the NginxProcess goes away, and also when the test process dies first (the parent-death
// signal).
#ifndef COOLPAPERS_TESTS_SUPPORT_NGINX_PROCESS_H_
#define COOLPAPERS_TESTS_SUPPORT_NGINX_PROCESS_H_

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace coolpapers::testing {

// Why no nginx can run here ("nginx is not installed: no /usr/sbin/nginx"), or std::nullopt.
std::optional<std::string> NginxSkipReason();

// The deploy/ site with `nodes` (loopback ports) as its upstream servers and `listen_port` on
// 127.0.0.1 as its only listener. Throws std::runtime_error when `site` lacks the markers.
std::string RenderNginxSite(const std::string& site, const std::vector<unsigned short>& nodes,
                            unsigned short listen_port);

// A free TCP port on 127.0.0.1 (bound and released: another process could take it meanwhile).
unsigned short FreeLoopbackPort();

class NginxProcess {
 public:
  // Starts nginx in the new folder `prefix` with the site `site_file` rendered for `nodes`,
  // listening on a free loopback port, and waits (at most 20 s) until it answers. Throws
  // std::runtime_error with nginx's error log when it does not come up.
  NginxProcess(const std::filesystem::path& site_file, const std::vector<unsigned short>& nodes,
               const std::filesystem::path& prefix);
  ~NginxProcess();
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  unsigned short port() const { return port_; }
  // nginx's error log so far.
  std::string ErrorLog() const;
  // Stops nginx (SIGTERM, then SIGKILL after 10 s).
  void Stop();

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::filesystem::path prefix_;
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_NGINX_PROCESS_H_
