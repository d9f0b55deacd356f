// A loopback HTTP/1.1 server for tests that replays canned responses (recorded arXiv answers or
// hand-written fixtures) by path+query, injects faults on demand and logs every request with
// its arrival time, so tests can check retries and politeness against a real socket.
#ifndef COOLPAPERS_TESTS_SUPPORT_REPLAY_SERVER_H_
#define COOLPAPERS_TESTS_SUPPORT_REPLAY_SERVER_H_

#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/loopback_listener.h"

namespace coolpapers::testing {

struct CannedResponse {
  int status = 200;
  std::map<std::string, std::string> headers;  // e.g. {"Content-Type", "application/atom+xml"}
  std::string body;
  bool gzip = false;  // compress the body when the request accepts gzip
};

// One misbehaviour, used up by one request to its route before the canned response is served.
struct Fault {
  enum class Kind {
    kStatus,    // answer `status` (503, 429, ...) with `retry_after` when not empty
    kDelay,     // wait `delay`, then serve the canned response (longer than a client timeout)
    kReset,     // close the connection with a TCP reset before answering
    kTruncate,  // announce the full Content-Length, send half the body, close
  };
  Kind kind = Kind::kStatus;
  int status = 503;
  std::string retry_after;
  std::chrono::milliseconds delay{0};
};

struct LoggedRequest {
  std::string method;  // "GET", "POST"
  std::string target;  // path+query as sent: "/api/query?id_list=1707.08567"
  std::string body;    // a POST's body
  std::map<std::string, std::string> headers;  // names lower-cased
  std::chrono::steady_clock::time_point arrived;
};

class ReplayServer {
 public:
  // Listens on 127.0.0.1 on a free port; serves on its own threads until destroyed. Throws
  // std::runtime_error when it cannot listen (a test set-up failure).
  ReplayServer();
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  unsigned short port() const { return listener_->port(); }
  // "http://127.0.0.1:<port>" + target.
  std::string Url(const std::string& target) const;

  // Serves `response` for requests whose target is exactly `target`; unknown targets get 404.
  // Thread-safe, like every method here.
  void SetRoute(const std::string& target, CannedResponse response);
  // The body of `file`, with `content_type`; throws std::runtime_error if it cannot be read.
  void SetRouteFromFile(const std::string& target, const std::filesystem::path& file,
                        const std::string& content_type = "application/atom+xml");
  // Queues `count` copies of `fault` for `target`, used before its canned response.
  void AddFault(const std::string& target, Fault fault, int count = 1);

  std::vector<LoggedRequest> RequestLog() const;

 private:
  struct Route {
    CannedResponse response;
    std::deque<Fault> faults;
  };
  void Serve(boost::asio::ip::tcp::socket& socket);

  mutable std::mutex mutex_;
  std::map<std::string, Route> routes_;  // Guarded by mutex_.
  std::vector<LoggedRequest> log_;       // Guarded by mutex_.
  // Last, so its connection threads are joined before the routes and log they use are gone.
  std::unique_ptr<LoopbackListener> listener_;
};

// The whole content of `file`, bytes as they are (recorded responses, fixtures). Throws
// std::runtime_error when it cannot be read (a test set-up failure).
std::string ReadFileBytes(const std::filesystem::path& file);

// gzip-compresses `data` (zlib, gzip wrapper). For fixtures and the server's gzip routes.
std::string GzipCompress(const std::string& data);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_REPLAY_SERVER_H_
