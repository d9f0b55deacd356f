// The HTTP/1.1 server: Boost.Beast/Asio underneath, the site's Handler on top. `threads` I/O
// threads, each running an io_context of its own that the connections are dealt to in turn;
// one session per connection with keep-alive; limits on header size, body size, request time
// and idle time, so a slow or idle client holds back nobody; an access log line per request;
// graceful shutdown on SIGINT/SIGTERM or Stop(). Beast types stay in server.cc, session.h and
// session_stream.cc (streamed bodies).
#ifndef COOLPAPERS_WEB_SERVER_H_
#define COOLPAPERS_WEB_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "web/http_message.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

struct ServerOptions {
  std::string host = "127.0.0.1";  // an address or a name that resolves to one
  uint16_t port = 8080;            // 0: any free port (see Server::port())
  int threads = 0;                 // 0: one per core
  bool handle_signals = true;      // stop gracefully on SIGINT and SIGTERM
  // Larger request headers get 431. 16 KiB lets a pasted 10 KB search query reach the query
  // parser, which answers with a 400 page that says what is wrong (issue 6).
  size_t header_limit = 16 * 1024;
  size_t body_limit = 64 * 1024;   // larger request bodies get 413
  // Time for a whole request once its first byte arrived, and for writing a response.
  std::chrono::milliseconds request_timeout{15000};
  // Time a kept-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout{30000};
  // After a stop, how long responses being written may take before the server quits anyway.
  std::chrono::milliseconds shutdown_grace{3000};
  // Called once when a stop begins (a signal or Stop()), on the thread that asked: serve stops
  // its outside work then, alongside the grace period, not after it. Must return promptly.
  std::function<void()> on_stop = {};
  // Connections open at once (issue #18 finding 2: 20,000 streams ran the server out of file
  // descriptors). Past the cap a connection gets a short 503 and is closed. 0: three quarters
  // of the process's open-file limit (getrlimit), leaving the rest to the store, the PDF cache,
  // the index and outbound requests.
  int max_connections = 0;
  // Connections from one peer address at once; 0: no cap. `uncapped_peers` (the trusted
  // proxies, through which every reader comes) have none.
  int max_connections_per_client = 64;
  std::vector<std::string> uncapped_peers = {};
  // A streamed response (an FAQ's event stream) ends, as a complete body, after this long; the
  // reader's page asks again where things stand. 0: never.
  std::chrono::milliseconds stream_lifetime{std::chrono::minutes(30)};
  // A streamed response that sent nothing for this long sends its Response::stream_heartbeat,
  // so proxies keep it open and a reader who left is noticed. 0: never.
  std::chrono::milliseconds stream_heartbeat{std::chrono::seconds(15)};
  // One line per request; nullptr for none. Each I/O thread gathers its lines and writes them
  // in one call whenever it has run everything that was ready, or at 4 KiB (web/access_log.h).
  std::FILE* access_log = stderr;
  // The frame of the server's own error pages (a 431, or a 500 when the handler threw); serve
  // gives it the site's (SiteOptions::frame).
  PageFrame page_frame = {};
  // Told the status of every answer the server gives itself, before the site sees the request
  // (a header too large: 431; a refusal): /metrics counts them. Called from server threads
  // concurrently; may be empty.
  std::function<void(int status)> on_rejected = {};
  // Expensive work off the I/O threads (issue #18's strangers benchmark: floods of searches
  // and model requests held every server thread, and a reader of cached pages waited behind
  // them). When set, each request is first offered to `quick` on the I/O thread that read it;
  // what it answers (Site::HandleQuick: a cached page, an asset) goes out at once, and the
  // rest goes to the handler on `workers` threads of their own. Unset: every request is
  // handled on the I/O thread, where a slow one holds up that thread's other connections.
  std::function<std::optional<Response>(const Request&)> quick = {};
  int workers = 0;  // 0: as many as `threads`
  // Nice steps the workers run below the I/O threads (core/thread_priority.h). 0 by default:
  // the workers hold locks the I/O threads take too (the page cache's, the metrics'), and on a
  // machine whose cores were busy a nicer worker preempted while holding one made cached readers
  // wait longer (the strangers benchmark's budget scenario, p50 0.9 to 13 ms), not shorter.
  int worker_nice = 0;
};

// Called for each request, from any server thread (a worker's when ServerOptions::quick is
// set), concurrently: must be thread-safe. An exception it throws is logged and answered with
// 500; the connection and server live on.
using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  // Binds host:port, listens and starts the threads. Returns kUnavailable when the address does
  // not resolve or cannot be bound: `cannot listen on 127.0.0.1:8080: Address already in use`.
  [[nodiscard]] static Result<std::unique_ptr<Server>> Start(const ServerOptions& options,
                                                             Handler handler);
  ~Server();  // Stop() and Wait()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port actually bound (useful with port 0).
  uint16_t port() const;

  // Begins a graceful stop: no new connections; idle connections close; responses being
  // written finish (within shutdown_grace). Returns at once; thread-safe; idempotent.
  void Stop();

  // Connections open now, and connections refused for a cap so far (for /metrics).
  size_t connections() const;
  uint64_t refused_connections() const;

  // Blocks until a stop (Stop() or a signal) has completed and every thread has ended.
  // Call from one thread, not from a handler.
  void Wait();

  struct Core;  // the Beast/Asio state, in session.h

 private:
  explicit Server(std::unique_ptr<Core> core);
  std::unique_ptr<Core> core_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SERVER_H_
