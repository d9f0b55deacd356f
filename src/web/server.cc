#include "web/server.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "web/conditional_get.h"
#include "web/http_status.h"
#include "web/router.h"
#include "web/gzip.h"
#include "web/stream_channel.h"

namespace coolpapers::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr size_t kFirstReadBytes = 4096;
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

int ThreadCount(const ServerOptions& options) {
  if (options.threads > 0) return options.threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

beast::string_view ToBeast(std::string_view text) { return {text.data(), text.size()}; }
std::string_view FromBeast(beast::string_view text) { return {text.data(), text.size()}; }

// A response body that shares the cached page instead of copying it: the shared_ptr lives in
// the message, which the session keeps until the write completes.
struct SharedStringBody {
  using value_type = std::shared_ptr<const std::string>;

  static std::uint64_t size(const value_type& body) { return body ? body->size() : 0; }

  class writer {
   public:
    using const_buffers_type = net::const_buffer;

    template <bool isRequest, class Fields>
    writer(const http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}

    void init(beast::error_code& ec) { ec = {}; }

    boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
      ec = {};
      if (!body_ || body_->empty()) return boost::none;
      return std::make_pair(const_buffers_type(body_->data(), body_->size()), false);
    }

   private:
    const value_type& body_;
  };
};

// While a body streams, the session reads ahead to notice a reader who leaves; past this many
// buffered bytes (pipelined requests) it stops, and a failed write notices instead.
constexpr size_t kMaxStreamReadAhead = 64 * 1024;

class Session;

}  // namespace

// Everything with a Beast or Asio type. Member order matters for destruction: the session
// registry outlives the io_context, whose destructor may destroy the last sessions.
struct Server::Core {
  Core(const ServerOptions& server_options, Handler site_handler);

  [[nodiscard]] Result<void> Listen();
  void Run();
  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  bool Register(Session* session, std::weak_ptr<Session> weak);
  void Unregister(Session* session);
  void Stop();
  void Wait();

  const ServerOptions options;
  const Handler handler;
  uint16_t bound_port = 0;
  std::atomic<bool> stopping{false};

  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // GUARDED_BY(mutex)
  bool stop_requested = false;                                     // GUARDED_BY(mutex)
  bool waited = false;                                             // GUARDED_BY(mutex)

  net::io_context ioc;
  net::strand<net::io_context::executor_type> control;  // acceptor, signals, retry timer
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer accept_retry;
  std::vector<std::thread> threads;
};

namespace {

// One connection: read a request, answer it, and again while the client keeps it alive. Its
// handlers run on its own strand, one at a time, so its members need no lock.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Core& core) : stream_(std::move(socket)), core_(core) {
    beast::error_code ec;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? std::string("-") : remote.address().to_string() + ":" + std::to_string(remote.port());
  }

  ~Session() {
    if (channel_) channel_->Detach();
    core_.Unregister(this);
  }

  void Start() {
    if (!core_.Register(this, weak_from_this())) return;  // stopping: the socket just closes
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::DoRead, shared_from_this()));
  }

  // From Server::Stop, on any thread.
  void PostServerStop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->OnServerStop(); });
  }

 private:
  void OnServerStop() {
    stopping_ = true;
    // Waiting for a request: give up now. Handling or writing one: OnWrite closes afterwards.
    if (reading_) stream_.cancel();
    if (channel_) {  // streaming: send what is queued and the last chunk, then close
      {
        std::lock_guard lock(channel_->mutex);
        channel_->ended = true;
      }
      PumpStream();
    }
  }

  void DoRead() {
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

  void OnFirstBytes(beast::error_code ec, std::size_t bytes) {
    if (ec) {
      reading_ = false;
      return;  // closed, timed out or cancelled: nothing to answer
    }
    buffer_.commit(bytes);
    ReadRequest();
  }

  void ReadRequest() {
    stream_.expires_after(core_.options.request_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
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

  void HandleRequest() {
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
                          FromBeast(req[http::field::if_modified_since])};
    Response response;
    try {
      response = core_.handler(request);
    } catch (const std::exception& e) {
      // The last resort: a bug in one page must not take the connection or the server down.
      std::fprintf(stderr, "coolpapers: %s %s threw: %s\n", method_.c_str(), target_.c_str(), e.what());
      response = MakeErrorResponse(500, "internal", "the server failed on this request (logged)",
                                   IsApiTarget(target_) ? ErrorFormat::kJson : ErrorFormat::kHtml);
    }
    if (IsNotModified(FromBeast(req[http::field::if_none_match]),
                      FromBeast(req[http::field::if_modified_since]), response)) {
      MakeNotModified(response);
    }
    Send(std::move(response), req.version(), req.keep_alive(), req.method() == http::verb::head);
  }

  void RejectRequest(int status, std::string_view code, const std::string& message) {
    started_ = std::chrono::steady_clock::now();
    method_ = "-";
    target_ = "-";
    Send(MakeErrorResponse(status, code, message, ErrorFormat::kHtml), 11, false, false);
  }

  void Send(Response response, unsigned version, bool keep_alive, bool head) {
    if (response.stream && response.status != 304) {
      return SendStreamHead(std::move(response), version, keep_alive, head);
    }
    res_.emplace();
    http::response<SharedStringBody>& res = *res_;
    res.result(static_cast<unsigned>(response.status));
    res.version(version);
    res.set(http::field::server, "coolpapers");
    res.set(http::field::content_type, ToBeast(response.content_type));
    res.set("X-Content-Type-Options", "nosniff");
    if (response.gzipped) res.set(http::field::content_encoding, "gzip");
    for (const auto& [name, value] : response.headers) res.set(ToBeast(name), ToBeast(value));
    res.content_length(response.body->size());
    if (!head) res.body() = std::move(response.body);  // HEAD: the length, without the bytes
    res.keep_alive(keep_alive && !stopping_ && !core_.stopping);
    status_ = response.status;
    stream_.expires_after(core_.options.request_timeout);
    http::async_write(stream_, res, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t bytes) {
    LogRequest(bytes, ec);
    if (ec) return;
    const bool keep_alive = res_->keep_alive();
    res_.reset();
    if (!keep_alive) return DoClose();
    first_request_ = false;
    DoRead();
  }

  void LogRequest(std::size_t bytes, beast::error_code ec) {
    LogRequest(bytes, ec ? "write failed: " + ec.message() : std::string());
  }

  // `failure` is "" or what went wrong, appended to the line.
  void LogRequest(std::size_t bytes, const std::string& failure) {
    if (core_.options.access_log == nullptr) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started_)
                            .count();
    std::fprintf(core_.options.access_log, "%s \"%s %s\" %d %zu %lldus%s%s\n", remote_.c_str(),
                 method_.c_str(), target_.c_str(), status_, bytes, static_cast<long long>(micros),
                 failure.empty() ? "" : " ", failure.c_str());
  }

  // A streamed response (Response::stream): the head now, with chunked transfer encoding and
  // no length; the body as the producer writes it, never compressed.
  void SendStreamHead(Response response, unsigned version, bool keep_alive, bool head) {
    http::response<http::empty_body>& res = stream_res_.emplace();
    res.result(static_cast<unsigned>(response.status));
    res.version(version);
    res.set(http::field::server, "coolpapers");
    res.set(http::field::content_type, ToBeast(response.content_type));
    res.set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : response.headers) res.set(ToBeast(name), ToBeast(value));
    if (res.find(http::field::cache_control) == res.end()) {
      res.set(http::field::cache_control, "no-cache");
    }
    res.set("X-Accel-Buffering", "no");  // nginx would otherwise hold the pieces back
    // HTTP/1.0 has no chunked encoding: there the body ends when the connection closes.
    chunked_ = version >= 11;
    res.keep_alive(chunked_ && keep_alive && !stopping_ && !core_.stopping);
    if (chunked_) res.chunked(true);
    status_ = response.status;
    stream_head_only_ = head;
    stream_starter_ = std::move(response.stream);
    stream_serializer_.emplace(res);
    stream_.expires_after(core_.options.request_timeout);
    http::async_write_header(stream_, *stream_serializer_,
                             beast::bind_front_handler(&Session::OnStreamHead, shared_from_this()));
  }

  void OnStreamHead(beast::error_code ec, std::size_t bytes) {
    const bool keep_alive = stream_res_->keep_alive();
    stream_serializer_.reset();
    stream_res_.reset();
    StreamStarter starter = std::move(stream_starter_);
    stream_starter_ = nullptr;
    if (ec || stream_head_only_) {
      LogRequest(bytes, ec);
      if (ec) return;
      if (!keep_alive) return DoClose();
      first_request_ = false;
      return DoRead();
    }
    stream_bytes_ = bytes;
    keep_alive_after_stream_ = keep_alive;
    channel_ = std::make_shared<StreamChannel>();
    channel_->wake = [executor = stream_.get_executor(), weak = weak_from_this()] {
      net::post(executor, [weak] {
        if (std::shared_ptr<Session> self = weak.lock()) self->PumpStream();
      });
    };
    StartWatch();
    if (stopping_ || core_.stopping) {
      std::lock_guard lock(channel_->mutex);
      channel_->ended = true;  // an empty body: no producer is started while stopping
    } else {
      try {
        starter(std::make_shared<ChannelWriter>(channel_));
      } catch (const std::exception& e) {
        // The head is out: the body can only be cut, so the reader sees it incomplete.
        std::fprintf(stderr, "coolpapers: %s %s threw starting its stream: %s\n", method_.c_str(),
                     target_.c_str(), e.what());
        return CutStream("stream cut: its producer failed to start");
      }
    }
    PumpStream();
  }

  // Sends what the producer has written since the last write, as one chunk, and ends the body
  // once the writer is closed or the server stops. One write at a time keeps the pieces in order.
  void PumpStream() {
    if (!channel_ || stream_writing_ || stream_finishing_) return;
    StreamPieces taken = TakeStreamPieces(*channel_);
    if (taken.cut) {
      return CutStream("stream cut: the reader is too slow (more than " +
                       std::to_string(kMaxQueuedStreamBytes) + " bytes queued)");
    }
    if (taken.pieces.empty() && !taken.finish) return;
    sending_ = std::move(taken.pieces);
    sending_bytes_ = taken.bytes;
    send_buffers_ = FrameStreamChunk(sending_, sending_bytes_, chunked_, taken.finish, chunk_head_);
    stream_writing_ = true;
    stream_finishing_ = taken.finish;
    // No request timeout while the producer is silent, but a reader who stops reading ends the
    // stream after one: this write must progress within it.
    stream_.expires_after(core_.options.request_timeout);
    net::async_write(stream_, send_buffers_,
                     beast::bind_front_handler(&Session::OnStreamWrite, shared_from_this()));
  }

  void OnStreamWrite(beast::error_code ec, std::size_t bytes) {
    stream_writing_ = false;
    stream_bytes_ += bytes;
    sending_.clear();
    send_buffers_.clear();
    if (!channel_) return;  // cut meanwhile
    {
      std::lock_guard lock(channel_->mutex);
      channel_->queued_bytes -= sending_bytes_;
    }
    if (ec) return CutStream("stream cut: write failed: " + ec.message());
    if (!stream_finishing_) return PumpStream();
    stream_finishing_ = false;
    LogRequest(stream_bytes_, std::string());
    channel_->Detach();
    channel_.reset();
    if (watching_) {
      continue_after_watch_ = true;  // OnWatch goes on once the read-ahead gives up
      beast::error_code ignored;     // nothing to cancel if it just completed
      stream_.socket().cancel(ignored);
      return;
    }
    ContinueAfterStream();
  }

  void ContinueAfterStream() {
    if (!keep_alive_after_stream_ || stopping_ || core_.stopping) return DoClose();
    first_request_ = false;
    DoRead();
  }

  // While a body streams nothing else reads the socket; this read notices at once a reader who
  // leaves (end of stream or reset), even while the producer is silent, e.g. waiting for a
  // model's first token. What it reads is a pipelined request, kept in buffer_ for DoRead.
  void StartWatch() {
    if (buffer_.size() >= kMaxStreamReadAhead) return;
    watching_ = true;
    stream_.expires_never();  // leaves the timer of a write in flight alone
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            beast::bind_front_handler(&Session::OnWatch, shared_from_this()));
  }

  void OnWatch(beast::error_code ec, std::size_t bytes) {
    watching_ = false;
    if (!ec) buffer_.commit(bytes);
    if (continue_after_watch_) {
      continue_after_watch_ = false;
      if (ec && ec != net::error::operation_aborted) return;  // the reader left after the body
      return ContinueAfterStream();
    }
    if (!channel_) return;  // cut
    if (!ec) return StartWatch();
    if (stream_finishing_) {
      keep_alive_after_stream_ = false;  // the last chunk is on its way; the reader is leaving
      return;
    }
    CutStream(ec == net::error::eof ? std::string("stream cut: the reader left")
                                    : "stream cut: read failed: " + ec.message());
  }

  // Ends a body that cannot be completed by closing the connection without the last chunk, so
  // the reader sees it cut; pending writes and reads end with operation_aborted.
  void CutStream(const std::string& why) {
    LogRequest(stream_bytes_, why);
    channel_->Detach();
    channel_.reset();
    stream_finishing_ = false;
    beast::error_code ignored;  // the peer may already be gone
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  void DoClose() {
    beast::error_code ignored;  // the peer may already be gone; the socket closes either way
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  Server::Core& core_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<SharedStringBody>> res_;
  std::string remote_;
  std::string method_;
  std::string target_;
  int status_ = 0;
  std::chrono::steady_clock::time_point started_;
  bool first_request_ = true;
  bool reading_ = false;
  bool stopping_ = false;

  // A streamed response (see SendStreamHead). channel_ is set from the head's write until the
  // body ends; the rest is the state of the body's writes.
  std::optional<http::response<http::empty_body>> stream_res_;
  std::optional<http::response_serializer<http::empty_body>> stream_serializer_;
  StreamStarter stream_starter_;
  std::shared_ptr<StreamChannel> channel_;
  std::vector<std::string> sending_;  // the pieces of the write in flight
  std::vector<net::const_buffer> send_buffers_;
  std::string chunk_head_;
  std::size_t sending_bytes_ = 0;  // of the pieces, without the chunk framing
  std::size_t stream_bytes_ = 0;   // sent so far, head included: for the access log
  bool stream_head_only_ = false;  // HEAD: the head a GET gets, no body, no producer
  bool chunked_ = true;            // false for HTTP/1.0: the body ends with the connection
  bool keep_alive_after_stream_ = false;
  bool stream_writing_ = false;
  bool stream_finishing_ = false;  // the write in flight ends the body
  bool watching_ = false;          // a read-ahead (StartWatch) is in flight
  bool continue_after_watch_ = false;  // the body ended; OnWatch goes on with the connection
};

}  // namespace

Server::Core::Core(const ServerOptions& server_options, Handler site_handler)
    : options(server_options),
      handler(std::move(site_handler)),
      ioc(ThreadCount(server_options)),
      control(net::make_strand(ioc)),
      acceptor(control),
      signals(control),
      accept_retry(control) {}

Result<void> Server::Core::Listen() {
  const std::string where = options.host + ":" + std::to_string(options.port);
  const auto failed = [&](const beast::error_code& ec) {
    return Fail(ErrorCode::kUnavailable, "cannot listen on " + where + ": " + ec.message());
  };
  beast::error_code ec;
  tcp::resolver resolver(ioc);
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
  for (int i = 0, count = ThreadCount(options); i < count; ++i) {
    threads.emplace_back([this] {
      // A handler that throws unwinds out of run(); log it and keep this thread serving.
      while (true) {
        try {
          ioc.run();
          return;
        } catch (const std::exception& e) {
          std::fprintf(stderr, "coolpapers: server thread caught: %s\n", e.what());
        }
      }
    });
  }
}

void Server::Core::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void Server::Core::OnAccept(beast::error_code ec, tcp::socket socket) {
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

bool Server::Core::Register(Session* session, std::weak_ptr<Session> weak) {
  std::lock_guard lock(mutex);
  if (stop_requested) return false;
  sessions.emplace(session, std::move(weak));
  return true;
}

void Server::Core::Unregister(Session* session) {
  {
    std::lock_guard lock(mutex);
    sessions.erase(session);
  }
  changed.notify_all();
}

void Server::Core::Stop() {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mutex);
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
}

void Server::Core::Wait() {
  {
    std::unique_lock lock(mutex);
    if (waited) return;
    changed.wait(lock, [this] { return stop_requested; });
    changed.wait_for(lock, options.shutdown_grace, [this] { return sessions.empty(); });
    waited = true;
  }
  ioc.stop();
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

void Server::Wait() { core_->Wait(); }

}  // namespace coolpapers::web
