#include "web/server.h"

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <exception>
#include <functional>
#include <string_view>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "core/mutex.h"
#include "core/thread_priority.h"
#include "web/access_log.h"
#include "web/conditional_get.h"
#include "web/gzip.h"
#include "web/http_status.h"
#include "web/request_head.h"
#include "web/response_head.h"
#include "web/router.h"
#include "web/session.h"

namespace coolpapers::web {
namespace {

constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

// ServerOptions::max_connections, resolved: three quarters of the open-file limit when 0.
size_t MaxConnections(const ServerOptions& options) {
  if (options.max_connections > 0) return static_cast<size_t>(options.max_connections);
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10'000;
  return std::max<size_t>(16, static_cast<size_t>(limit.rlim_cur) / 4 * 3);
}

int ThreadCount(const ServerOptions& options) {
  if (options.threads > 0) return options.threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// sendfile(2), which sends file bodies (session_file.cc), has no MSG_NOSIGNAL: writing to a
// reader who left would raise SIGPIPE, whose default ends the process. A write's SIGPIPE goes
// to the thread that wrote, so blocked in the I/O threads the call just fails with EPIPE.
void BlockSigpipeInThisThread() {
  sigset_t pipe{};
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
}

// Runs `context` until it is stopped; a handler that throws unwinds out of run(): log it and
// keep this thread serving.
void RunCatching(net::io_context& context) {
  while (true) {
    try {
      context.run();
      return;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "coolpapers: server thread caught: %s\n", e.what());
    }
  }
}

// The access log lines of this I/O thread not yet written (web/access_log.h); null on other
// threads, which write theirs at once.
thread_local AccessLogBuffer* this_thread_log = nullptr;

// RunCatching for an I/O thread: writes the access log's waiting lines whenever the thread has
// run everything that was ready.
void RunIoThread(net::io_context& context, std::FILE* access_log) {
  std::optional<AccessLogBuffer> log;
  if (access_log != nullptr) this_thread_log = &log.emplace(access_log);
  while (true) {
    try {
      while (context.run_one() > 0) {
        context.poll();
        if (log) log->Flush();
      }
      break;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "coolpapers: server thread caught: %s\n", e.what());
    }
  }
  this_thread_log = nullptr;
}

std::vector<std::unique_ptr<net::io_context>> MakeContexts(int count) {
  std::vector<std::unique_ptr<net::io_context>> contexts;
  for (int i = 0; i < count; ++i) contexts.push_back(std::make_unique<net::io_context>(1));
  return contexts;
}

}  // namespace

Session::Session(Socket&& socket, Server::Core& core)
    : stream_(std::move(socket)), core_(core) {
  beast::error_code ec;
  const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
  peer_ = ec ? std::string() : remote.address().to_string();
  remote_ = ec ? std::string("-") : peer_ + ":" + std::to_string(remote.port());
  peer_loopback_ = !ec && remote.address().is_loopback();
}

Session::~Session() {
  if (channel_) channel_->Detach();
  if (registered_) core_.Unregister(this, peer_);
}

void Session::Start() {
  switch (core_.Register(this, weak_from_this(), peer_)) {
    case Server::Core::Admission::kStopping:
      return;  // the socket just closes
    case Server::Core::Admission::kFull:
      return net::dispatch(stream_.get_executor(),
                           beast::bind_front_handler(&Session::RefuseBusy, shared_from_this()));
    case Server::Core::Admission::kAdmitted:
      break;
  }
  registered_ = true;
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&Session::DoRead, shared_from_this()));
}

void Session::RefuseBusy() {
  // Written without reading the request: the refusal must cost next to nothing.
  static constexpr std::string_view kBusy =
      "HTTP/1.1 503 Service Unavailable\r\nServer: coolpapers\r\nRetry-After: 5\r\n"
      "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 54\r\n"
      "Connection: close\r\n\r\nToo many connections at once: try again in a moment.\r\n";
  stream_.expires_after(core_.options.request_timeout);
  net::async_write(stream_, net::buffer(kBusy.data(), kBusy.size()),
                   [self = shared_from_this()](beast::error_code, std::size_t) {
                     beast::error_code ignored;  // the peer may be gone already
                     self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                     self->stream_.close();
                   });
}

void Session::PostServerStop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->OnServerStop(); });
}

void Session::OnServerStop() {
  stopping_ = true;
  // Waiting for a request: give up now. Handling or writing one: OnWrite closes afterwards.
  if (reading_) stream_.cancel();
  if (held_) hold_timer_->cancel();
  if (channel_) {  // streaming: send what is queued and the last chunk, then close
    {
      MutexLock lock(&channel_->mutex);
      channel_->ended = true;
    }
    PumpStream();
  }
}

void Session::DoRead() {
  if (stopping_ || core_.stopping) return DoClose();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(core_.options.header_limit));
  parser_->body_limit(core_.options.body_limit);
  reading_ = true;
  if (buffer_.size() > 0) return ReadRequest();  // a pipelined request is already here
  // Until its first byte, a request may keep the connection waiting for the idle timeout (a
  // fresh connection only for the request timeout); from then on the request timeout applies.
  stream_.expires_after(first_request_ ? core_.options.request_timeout : core_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                          beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::OnFirstBytes(beast::error_code ec, std::size_t bytes) {
  if (ec) {
    reading_ = false;
    return;  // closed, timed out or cancelled: nothing to answer
  }
  buffer_.commit(bytes);
  // The whole head before Beast parses it (web/request_head.h): a bare LF is refused here.
  const auto* data = static_cast<const char*>(buffer_.data().data());
  switch (ScanRequestHead(std::string_view(data, buffer_.size()))) {
    case RequestHead::kBareLineFeed:
      reading_ = false;
      return RejectRequest(400, "bad_request",
                           "malformed HTTP request: the request's lines must end with CRLF");
    case RequestHead::kIncomplete:
      if (buffer_.size() < core_.options.header_limit) {  // past it, Beast answers 431
        stream_.expires_after(core_.options.request_timeout);
        stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                                beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
        return;
      }
      break;
    case RequestHead::kComplete:
      break;
  }
  ReadRequest();
}

void Session::ReadRequest() {
  stream_.expires_after(core_.options.request_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code ec, std::size_t) {
  reading_ = false;
  if (ec == http::error::end_of_stream) return DoClose();
  if (ec == http::error::header_limit) {
    return RejectRequest(431, "request_header_too_large",
                         "the request header is too large: expected at most " +
                             std::to_string(core_.options.header_limit) + " bytes");
  }
  if (ec == http::error::body_limit) {
    return RejectRequest(413, "request_body_too_large",
                         "the request body is too large: expected at most " +
                             std::to_string(core_.options.body_limit) + " bytes");
  }
  if (ec && &ec.category() == &http::make_error_code(http::error::bad_target).category()) {
    return RejectRequest(400, "bad_request", "malformed HTTP request: " + ec.message());
  }
  if (ec) return;  // timeout, reset or cancel: the client is gone or too slow
  HandleRequest();
}

void Session::HandleRequest() {
  const http::request<http::string_body>& req = parser_->get();
  started_ = std::chrono::steady_clock::now();
  method_.assign(FromBeast(req.method_string()));
  target_.assign(FromBeast(req.target()));
  const Request request{method_,
                        target_,
                        AcceptsGzip(FromBeast(req[http::field::accept_encoding])),
                        FromBeast(req[http::field::cookie]),
                        FromBeast(req[http::field::range]),
                        FromBeast(req[http::field::if_none_match]),
                        FromBeast(req[http::field::if_modified_since]),
                        FromBeast(req[http::field::host]),
                        FromBeast(req["X-Forwarded-Proto"]),
                        peer_loopback_,
                        req.count("X-Forwarded-For") > 0 ||
                            req.count(http::field::forwarded) > 0 || req.count("X-Real-IP") > 0,
                        FromBeast(req[http::field::authorization]),
                        req.body(),

                        peer_,
                        FromBeast(req["X-Forwarded-For"])};
  if (!core_.options.quick) return Respond(Answer(request));
  if (std::optional<Response> quick = core_.options.quick(request)) {
    // Answered within microseconds of the read: the request's deadline, armed at its first
    // byte, is as good for the write as a fresh one (one timer arm fewer per cached page).
    deadline_fresh_ = true;
    return Respond(*std::move(quick));
  }
  // The request's strings live in parser_, method_ and target_, which nothing touches until
  // Respond: no read is in flight while a request is being answered.
  net::post(core_.work, [self = shared_from_this(), request] {
    Response response = self->Answer(request);
    net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
      self->Respond(std::move(response));
    });
  });
}

Response Session::Answer(const Request& request) {
  try {
    return core_.handler(request);
  } catch (const std::exception& e) {
    // The last resort: a bug in one page must not take the connection or the server down.
    std::fprintf(stderr, "coolpapers: %s %s threw: %s\n", method_.c_str(), target_.c_str(), e.what());
    return MakeErrorResponse(500, "internal", "the server failed on this request (logged)",
                             IsApiTarget(target_) ? ErrorFormat::kJson : ErrorFormat::kHtml,
                             core_.options.page_frame);
  }
}

void Session::Respond(Response response) {
  if (response.hold.count() > 0 && !stopping_ && !core_.stopping) {
    if (!hold_timer_) hold_timer_.emplace(stream_.get_executor());
    hold_timer_->expires_after(std::exchange(response.hold, {}));
    held_ = std::move(response);
    deadline_fresh_ = false;  // the request's deadline may pass while it waits
    return hold_timer_->async_wait(
        beast::bind_front_handler(&Session::OnHoldEnd, shared_from_this()));
  }
  const http::request<http::string_body>& req = parser_->get();
  if (IsNotModified(FromBeast(req[http::field::if_none_match]),
                    FromBeast(req[http::field::if_modified_since]), response)) {
    MakeNotModified(response);
  }
  Send(std::move(response), req.version(), req.keep_alive(), req.method() == http::verb::head);
}

void Session::OnHoldEnd(beast::error_code) {
  // Expired, or cancelled as the server stops: either way the answer goes now.
  Response response = *std::move(held_);
  held_.reset();
  Respond(std::move(response));
}

void Session::RejectRequest(int status, std::string_view code, const std::string& message) {
  if (core_.options.on_rejected) core_.options.on_rejected(status);
  started_ = std::chrono::steady_clock::now();
  method_ = "-";
  target_ = "-";
  Send(MakeErrorResponse(status, code, message, ErrorFormat::kHtml, core_.options.page_frame), 11,
       false, false);
}

void Session::Send(Response response, unsigned version, bool keep_alive, bool head) {
  const bool deadline_fresh = std::exchange(deadline_fresh_, false);
  if (response.stream && response.status != 304) {
    return SendStreamHead(std::move(response), version, keep_alive, head);
  }
  keep_alive_ = keep_alive && !stopping_ && !core_.stopping;
  status_ = response.status;
  if (!deadline_fresh) stream_.expires_after(core_.options.request_timeout);
  // A body in memory (every page, cached or not): the head written here and the body in one
  // write call. A file's part: its head through Beast, its bytes by sendfile (SendFile).
  if (!response.file &&
      WriteResponseHead(response,
                        {.reason = FromBeast(http::obsolete_reason(
                             http::int_to_status(static_cast<unsigned>(response.status)))),
                         .version = version,
                         .keep_alive = keep_alive_,
                         .content_length = response.body->size()},
                        head_)) {
    body_ = std::move(response.body);
    const std::array<net::const_buffer, 2> buffers = {
        net::buffer(head_), head ? net::const_buffer() : net::buffer(*body_)};
    return net::async_write(stream_, buffers,
                            beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }
  res_.emplace();
  http::response<ResponseBody>& res = *res_;
  res.result(static_cast<unsigned>(response.status));
  res.version(version);
  res.set(http::field::server, "coolpapers");
  res.set(http::field::content_type, ToBeast(response.content_type));
  res.set("X-Content-Type-Options", "nosniff");
  if (response.gzipped) res.set(http::field::content_encoding, "gzip");
  for (const auto& [name, value] : response.headers) res.set(ToBeast(name), ToBeast(value));
  res.content_length(response.file ? response.file->length : ResponseBody::size(response.body));
  // HEAD: the length, without the bytes (nor reading a file's)
  if (!head) res.body() = std::move(response.body);
  res.keep_alive(keep_alive_);
  if (response.file && response.file->length > 0 && !head) {
    // The whole body within request_timeout from now (session_file.cc).
    return SendFile(*std::move(response.file),
                    std::chrono::steady_clock::now() + core_.options.request_timeout);
  }
  http::async_write(stream_, res, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code ec, std::size_t bytes) {
  LogRequest(bytes, ec);
  if (ec) return;
  AfterResponse();
}

void Session::AfterResponse() {
  res_.reset();
  body_.reset();
  if (!keep_alive_) return DoClose();
  first_request_ = false;
  DoRead();
}

void Session::LogRequest(std::size_t bytes, beast::error_code ec) {
  LogRequest(bytes, ec ? "write failed: " + ec.message() : std::string());
}

void Session::LogRequest(std::size_t bytes, const std::string& failure) {
  if (core_.options.access_log == nullptr) return;
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started_)
                          .count();
  std::optional<AccessLogBuffer> at_once;  // off the I/O threads (none today)
  AccessLogBuffer& log =
      this_thread_log != nullptr ? *this_thread_log : at_once.emplace(core_.options.access_log);
  // remote "METHOD target" status bytes micros"us"[ failure]
  std::string& line = log.line();
  char number[24];
  const auto append_number = [&line, &number](auto value) {
    line.append(number, std::to_chars(number, number + sizeof number, value).ptr);
  };
  line.append(remote_).append(" \"").append(method_).append(" ").append(target_).append("\" ");
  append_number(status_);
  line.push_back(' ');
  append_number(bytes);
  line.push_back(' ');
  append_number(static_cast<long long>(micros));
  line.append("us");
  if (!failure.empty()) line.append(" ").append(failure);
  log.Commit();
}

void Session::DoClose() {
  beast::error_code ignored;  // the peer may already be gone; the socket closes either way
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
}
Server::Core::Core(const ServerOptions& server_options, Handler site_handler)
    : options(server_options),
      handler(std::move(site_handler)),
      contexts(MakeContexts(ThreadCount(server_options))),
      control(contexts.front()->get_executor()),
      acceptor(control),
      signals(control),
      accept_retry(control) {
  MutexLock lock(&mutex);  // not shared yet; taken to keep the one rule
  max_connections = MaxConnections(server_options);
}

Result<void> Server::Core::Listen() {
  const std::string where = options.host + ":" + std::to_string(options.port);
  const auto failed = [&](const beast::error_code& ec) {
    return Fail(ErrorCode::kUnavailable, "cannot listen on " + where + ": " + ec.message());
  };
  beast::error_code ec;
  tcp::resolver resolver(control);
  const auto endpoints = resolver.resolve(options.host, std::to_string(options.port),
                                          tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) return failed(ec);
  if (endpoints.empty()) return failed(net::error::host_not_found);
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return failed(ec);
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return failed(ec);
  acceptor.bind(endpoint, ec);
  if (ec) return failed(ec);
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return failed(ec);
  bound_port = acceptor.local_endpoint(ec).port();
  if (ec) return failed(ec);
  return {};
}

void Server::Core::Run() {
  if (options.handle_signals) {
    beast::error_code ignored;  // only fails when a signal is already handled elsewhere
    signals.add(SIGINT, ignored);
    signals.add(SIGTERM, ignored);
    signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) Stop();
    });
  }
  net::dispatch(control, [this] { Accept(); });
  if (options.quick) {
    work_guard.emplace(work.get_executor());
    const int count = options.workers > 0 ? options.workers : ThreadCount(options);
    for (int i = 0; i < count; ++i) {
      workers.emplace_back([this] {
        LowerThisThreadsPriority(options.worker_nice);
        RunCatching(work);
      });
    }
  }
  for (const std::unique_ptr<net::io_context>& context : contexts) {
    context_guards.push_back(net::make_work_guard(*context));
    threads.emplace_back([this, &context = *context] {
      BlockSigpipeInThisThread();
      RunIoThread(context, options.access_log);
    });
  }
}

void Server::Core::Accept() {
  net::io_context& context = *contexts[next_context++ % contexts.size()];
  acceptor.async_accept(context, [this](beast::error_code ec, Socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void Server::Core::OnAccept(beast::error_code ec, Socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
  if (ec) {
    // Typically out of file descriptors: pause instead of spinning, then accept again.
    std::fprintf(stderr, "coolpapers: accept failed: %s\n", ec.message().c_str());
    accept_retry.expires_after(kAcceptRetryDelay);
    accept_retry.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) Accept();
    });
    return;
  }
  beast::error_code ignored;  // Nagle only delays our single-write responses; best effort
  socket.set_option(tcp::no_delay(true), ignored);
  std::make_shared<Session>(std::move(socket), *this)->Start();
  Accept();
}

Server::Core::Admission Server::Core::Register(Session* session, std::weak_ptr<Session> weak,
                                               const std::string& peer) {
  MutexLock lock(&mutex);
  if (stop_requested) return Admission::kStopping;
  const bool capped_peer =
      options.max_connections_per_client > 0 &&
      std::ranges::find(options.uncapped_peers, peer) == options.uncapped_peers.end();
  int& from_peer = sessions_per_peer[peer];
  if (sessions.size() >= max_connections ||
      (capped_peer && from_peer >= options.max_connections_per_client)) {
    if (from_peer == 0) sessions_per_peer.erase(peer);
    refused.fetch_add(1, std::memory_order_relaxed);
    return Admission::kFull;
  }
  ++from_peer;
  sessions.emplace(session, std::move(weak));
  return Admission::kAdmitted;
}

void Server::Core::Unregister(Session* session, const std::string& peer) {
  {
    MutexLock lock(&mutex);
    sessions.erase(session);
    auto found = sessions_per_peer.find(peer);
    if (found != sessions_per_peer.end() && --found->second <= 0) sessions_per_peer.erase(found);
  }
  changed.notify_all();
}

void Server::Core::Stop() {
  std::vector<std::shared_ptr<Session>> live;
  {
    MutexLock lock(&mutex);
    if (stop_requested) return;
    stop_requested = true;
    stopping = true;
    for (const auto& [raw, weak] : sessions) {
      if (std::shared_ptr<Session> session = weak.lock()) live.push_back(std::move(session));
    }
  }
  net::post(control, [this] {
    beast::error_code ignored;  // closing what may already be closed
    acceptor.close(ignored);
    signals.cancel(ignored);
    accept_retry.cancel();
  });
  for (const std::shared_ptr<Session>& session : live) session->PostServerStop();
  changed.notify_all();
  if (options.on_stop) options.on_stop();
}

void Server::Core::Wait() {
  {
    MutexLock lock(&mutex);
    if (waited) return;
    changed.wait(mutex, [this] {
      mutex.AssertHeld();
      return stop_requested;
    });
    changed.wait_for(mutex, options.shutdown_grace, [this] {
      mutex.AssertHeld();
      return sessions.empty();
    });
    waited = true;
  }
  // The workers first: what they finish is posted to the I/O threads, dropped once those stop.
  work_guard.reset();
  work.stop();
  for (std::thread& thread : workers) thread.join();
  context_guards.clear();
  for (const std::unique_ptr<net::io_context>& context : contexts) context->stop();
  for (std::thread& thread : threads) thread.join();
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options, Handler handler) {
  auto core = std::make_unique<Core>(options, std::move(handler));
  if (Result<void> listening = core->Listen(); !listening) return std::unexpected(listening.error());
  core->Run();
  return std::unique_ptr<Server>(new Server(std::move(core)));
}

Server::Server(std::unique_ptr<Core> core) : core_(std::move(core)) {}

Server::~Server() {
  Stop();
  Wait();
}

uint16_t Server::port() const { return core_->bound_port; }

void Server::Stop() { core_->Stop(); }

size_t Server::connections() const {
  MutexLock lock(&core_->mutex);
  return core_->sessions.size();
}

uint64_t Server::refused_connections() const {
  return core_->refused.load(std::memory_order_relaxed);
}

void Server::Wait() { core_->Wait(); }

}  // namespace coolpapers::web
