// The server's insides, shared by server.cc (listening, threads, connections, their timeouts),
// session_stream.cc (streamed bodies) and session_file.cc (file bodies): Server::Core and
// Session, one connection. Only those three files include it; Beast and Asio types stay in
// these four files.
#ifndef COOLPAPERS_WEB_SESSION_H_
#define COOLPAPERS_WEB_SESSION_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/mutex.h"
#include "web/http_message.h"
#include "web/server.h"
#include "web/stream_channel.h"

namespace coolpapers::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
// A connection's socket and stream, bound to its io_context's executor by type rather than
// through Asio's type-erased any_io_executor, whose copies cost on every handler (issue #19
// target 5's profile).
using IoExecutor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, IoExecutor>;
using Stream = beast::basic_stream<tcp, IoExecutor>;

// What a session reads at once while it waits for a request (or watches a stream's reader).
inline constexpr size_t kFirstReadBytes = 4096;

inline beast::string_view ToBeast(std::string_view text) { return {text.data(), text.size()}; }
inline std::string_view FromBeast(beast::string_view text) { return {text.data(), text.size()}; }

// A response body held in memory: the cached page, shared instead of copied (the shared_ptr
// lives in the message, which the session keeps until the write completes). A file body
// (Response::file) is not one of these: the session sends it itself (session_file.cc).
struct ResponseBody {
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

class Session;

// Everything with a Beast or Asio type. Member order matters for destruction: the session
// registry outlives the io_context, whose destructor may destroy the last sessions.
struct Server::Core {
  Core(const ServerOptions& server_options, Handler site_handler);

  [[nodiscard]] Result<void> Listen();
  void Run();
  void Accept();
  void OnAccept(beast::error_code ec, Socket socket);
  enum class Admission { kAdmitted, kStopping, kFull };
  // Counts the session in, within max_connections and max_connections_per_client for `peer`.
  Admission Register(Session* session, std::weak_ptr<Session> weak, const std::string& peer);
  // For a session Register admitted.
  void Unregister(Session* session, const std::string& peer);
  void Stop();
  void Wait();

  const ServerOptions options;
  const Handler handler;
  uint16_t bound_port = 0;
  std::atomic<bool> stopping{false};

  Mutex mutex;
  std::condition_variable_any changed;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions GUARDED_BY(mutex);
  std::unordered_map<std::string, int> sessions_per_peer GUARDED_BY(mutex);
  size_t max_connections GUARDED_BY(mutex) = 0;  // resolved from options at construction
  std::atomic<uint64_t> refused{0};
  bool stop_requested GUARDED_BY(mutex) = false;
  bool waited GUARDED_BY(mutex) = false;

  // One io_context per I/O thread, each run by its thread alone: a connection lives on one of
  // them (handed out in turn as they are accepted), so its handlers never need a strand nor
  // contend for a shared queue (issue #19 target 5). Each is kept running by its guard until
  // Wait.
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> context_guards;
  size_t next_context = 0;  // the context of the next connection; only the acceptor's handler
  net::io_context::executor_type control;  // the first context's: acceptor, signals, retry timer
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer accept_retry;
  std::vector<std::thread> threads;
  // ServerOptions::quick's workers: the requests the I/O threads did not answer. After contexts, so
  // a request still queued here, which holds its session, is dropped before the io_context.
  net::io_context work;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_guard;
  std::vector<std::thread> workers;
};

// One connection: read a request, answer it, and again while the client keeps it alive. Its
// handlers run on its io_context's one thread, one at a time, so its members need no lock.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket&& socket, Server::Core& core);
  ~Session();
  void Start();

  // From Server::Stop, on any thread.
  void PostServerStop();

  // The peer's address, for the connection caps.
  const std::string& peer() const { return peer_; }

 private:
  void OnServerStop();
  void DoRead();
  void OnFirstBytes(beast::error_code ec, std::size_t bytes);
  void ReadRequest();
  void OnRead(beast::error_code ec, std::size_t);
  void HandleRequest();
  // The handler's answer (a 500 when it throws), on any thread.
  Response Answer(const Request& request);
  // Sends the answer to the request parser_ holds, on the session's thread; one with a hold
  // (Response::hold) after it, unless the server stops first.
  void Respond(Response response);
  void OnHoldEnd(beast::error_code ec);
  void RejectRequest(int status, std::string_view code, const std::string& message);
  void Send(Response response, unsigned version, bool keep_alive, bool head);
  void OnWrite(beast::error_code ec, std::size_t bytes);
  // After a response went out whole: the next request, or the end of the connection.
  void AfterResponse();
  void LogRequest(std::size_t bytes, beast::error_code ec);

  // `failure` is "" or what went wrong, appended to the line.
  void LogRequest(std::size_t bytes, const std::string& failure);

  // File bodies (Response::file), in session_file.cc.
  // res_'s head, whose Content-Length is the file's part, then the part with sendfile(2)
  // as the socket drains; the whole answer within the request timeout from `deadline`.
  void SendFile(FileSlice file, std::chrono::steady_clock::time_point deadline);
  void OnFileHead(beast::error_code ec, std::size_t bytes);
  // Sends what the socket takes, at most kFileSendBytes before yielding the thread to other
  // connections; waits for the socket to drain when it is full.
  void PumpFile();
  void OnFileWritable(beast::error_code ec);
  void OnFileTimeout(beast::error_code ec);
  // Ends a file body: `failure` "" (sent whole: the connection goes on) or what went wrong
  // (the connection closes, the reader sees the body cut).
  void EndFile(const std::string& failure);

  // Streamed responses, in session_stream.cc.
  // A streamed response (Response::stream): the head now, with chunked transfer encoding and
  // no length; the body as the producer writes it, never compressed.
  void SendStreamHead(Response response, unsigned version, bool keep_alive, bool head);
  void OnStreamHead(beast::error_code ec, std::size_t bytes);

  // Sends what the producer has written since the last write, as one chunk, and ends the body
  // once the writer is closed or the server stops. One write at a time keeps the pieces in order.
  void PumpStream();
  void OnStreamWrite(beast::error_code ec, std::size_t bytes);
  void ContinueAfterStream();

  // While a body streams nothing else reads the socket; this read notices at once a reader who
  // leaves (end of stream or reset), even while the producer is silent, e.g. waiting for a
  // model's first token. What it reads is a pipelined request, kept in buffer_ for DoRead.
  void StartWatch();
  void OnWatch(beast::error_code ec, std::size_t bytes);

  // Ends a body that cannot be completed by closing the connection without the last chunk, so
  // the reader sees it cut; pending writes and reads end with operation_aborted.
  void CutStream(const std::string& why);

  void DoClose();

  // Over a connection cap: a short 503, then close.
  void RefuseBusy();

  // While a body streams: every heartbeat interval, ends the stream past its lifetime or sends
  // the heartbeat when nothing went out since the last tick.
  void ArmStreamTimer();
  void OnStreamTimer(beast::error_code ec);
  // When the body ends: drops the hold and the heartbeat, stops the timer.
  void EndStreamExtras();

  Stream stream_;
  Server::Core& core_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<ResponseBody>> res_;  // a head Beast writes (a file's, or rare)
  // A body in memory being written: its head (web/response_head.h; the string's capacity kept
  // from one response to the next) and the body, held until the write completes.
  std::string head_;
  std::shared_ptr<const std::string> body_;
  bool keep_alive_ = false;  // of the response being written
  bool deadline_fresh_ = false;  // Send keeps the request's deadline for the write

  // A file body being sent (SendFile): the serializer of res_'s head, the part of the file,
  // how much of it went, the head's bytes (for the access log) and the write's deadline.
  std::optional<http::response_serializer<ResponseBody>> file_head_;
  std::optional<FileSlice> file_;
  std::uint64_t file_sent_ = 0;
  std::size_t file_head_bytes_ = 0;
  std::optional<net::steady_timer> file_timer_;
  // An answer waiting out its hold (Respond), and the timer it waits on.
  std::optional<Response> held_;
  std::optional<net::steady_timer> hold_timer_;
  std::string peer_;    // the peer's address, "" when unknown
  std::string remote_;  // address:port, for the access log
  bool peer_loopback_ = false;  // the client connected from 127.0.0.0/8 or ::1
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
  bool registered_ = false;            // counted by Core::Register
  std::string stream_heartbeat_;       // Response::stream_heartbeat of the body streaming
  std::shared_ptr<void> stream_hold_;  // Response::stream_hold, dropped when the body ends
  std::optional<net::steady_timer> stream_timer_;
  std::chrono::steady_clock::time_point stream_started_;
  std::size_t stream_bytes_at_tick_ = 0;  // stream_bytes_ at the last tick
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SESSION_H_
