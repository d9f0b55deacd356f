#include "web/server.h"

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using ::testing::HasSubstr;
using StringResponse = http::response<http::string_body>;

// A blocking HTTP/1.1 client on one loopback connection. Every read gives up after 10 s, so a
// server bug fails the test instead of hanging it.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    const timeval timeout{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  StringResponse Send(http::verb method, const std::string& target,
                      const std::string& accept_encoding = "") {
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!accept_encoding.empty()) request.set(http::field::accept_encoding, accept_encoding);
    request.prepare_payload();
    http::write(socket_, request);
    return Read(method == http::verb::head);
  }

  StringResponse Get(const std::string& target, const std::string& accept_encoding = "") {
    return Send(http::verb::get, target, accept_encoding);
  }

  StringResponse Read(bool head = false) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);  // a response to HEAD announces a length but has no body
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

  void WriteRaw(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }

  // True when the server closes the connection (end of stream or reset) rather than the read
  // timing out or data arriving.
  bool ServerCloses() {
    char byte;
    beast::error_code ec;
    socket_.read_some(net::buffer(&byte, 1), ec);
    return ec == net::error::eof || ec == net::error::connection_reset;
  }

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    site_ = std::make_unique<Site>(*store_);
  }

  // Starts the server on a free loopback port. `handler` defaults to the site.
  void StartServer(ServerOptions options = {}, Handler handler = nullptr) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    if (options.threads == 0) options.threads = 2;
    if (!handler) handler = [this](const Request& request) { return site_->Handle(request); };
    Result<std::unique_ptr<Server>> server = Server::Start(options, std::move(handler));
    ASSERT_TRUE(server.has_value()) << server.error().message;
    server_ = *std::move(server);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;  // last: stops before the site and store go
};

TEST_F(ServerTest, KeepsTheConnectionAliveAcrossRequests) {
  StartServer();
  Client client(server_->port());
  const StringResponse page = client.Get("/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(page.result_int(), 200);
  EXPECT_TRUE(page.keep_alive());
  EXPECT_EQ(page[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_THAT(page.body(), HasSubstr("Total: 4"));
  const StringResponse json = client.Get("/api/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(json.result_int(), 200);
  EXPECT_EQ(json[http::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(client.Get("/healthz").result_int(), 200);
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  StartServer();
  Client client(server_->port());
  client.WriteRaw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /arxiv/2401.99999 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.Read().result_int(), 200);
  EXPECT_EQ(client.Read().result_int(), 404);
}

// HTTP/1.0 keeps a connection only when asked, and the answer says so (web/response_head.h
// writes the Connection header Beast wrote).
TEST_F(ServerTest, KeepsAnHttp10ConnectionOnlyWhenAsked) {
  StartServer();
  Client client(server_->port());
  client.WriteRaw("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  const StringResponse kept = client.Read();
  EXPECT_EQ(kept.result_int(), 200);
  EXPECT_EQ(kept.version(), 10);
  EXPECT_EQ(kept[http::field::connection], "keep-alive");
  client.WriteRaw("GET /healthz HTTP/1.0\r\n\r\n");
  const StringResponse last = client.Read();
  EXPECT_EQ(last.result_int(), 200);
  EXPECT_EQ(last[http::field::connection], "");
  EXPECT_TRUE(client.ServerCloses());
}

// Each I/O thread gathers its access log lines and writes them once it has nothing else ready:
// on a quiet server every answer's line is there as soon as the answer is.
TEST_F(ServerTest, WritesAnAccessLogLinePerAnswer) {
  std::FILE* log = std::tmpfile();
  ASSERT_NE(log, nullptr);
  const std::shared_ptr<std::FILE> closes(log, [](std::FILE* file) { std::fclose(file); });
  ServerOptions options;
  options.access_log = log;
  StartServer(options);
  Client first(server_->port());
  Client second(server_->port());  // dealt to the other I/O thread
  EXPECT_EQ(first.Get("/healthz").result_int(), 200);
  EXPECT_EQ(second.Get("/arxiv/2401.99999").result_int(), 404);
  EXPECT_EQ(first.Get("/healthz").result_int(), 200);
  const auto text = [log] {
    std::string all;
    char block[4096];
    for (off_t offset = 0;;) {
      const ssize_t got = pread(fileno(log), block, sizeof block, offset);
      if (got <= 0) return all;
      all.append(block, static_cast<size_t>(got));
      offset += got;
    }
  };
  // The line is written just after the answer's last byte: allow the thread that moment.
  std::string lines = text();
  for (int i = 0; i < 1000 && std::count(lines.begin(), lines.end(), '\n') < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    lines = text();
  }
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 3) << lines;
  EXPECT_THAT(lines, ::testing::MatchesRegex(
                         "(127\\.0\\.0\\.1:[0-9]+ \"GET /(healthz\" 200|arxiv/2401\\.99999\" 404) "
                         "[0-9]+ [0-9]+us\n){3}"));
  server_.reset();  // before the log closes
}

TEST_F(ServerTest, SendsGzipWhenAskedOnceCompressed) {
  StartServer();
  Client client(server_->port());
  const StringResponse identity = client.Get("/arxiv/cs.CL?date=2025-05-14", "gzip");
  EXPECT_EQ(identity[http::field::content_encoding], "");
  site_->cache().WaitForCompression();
  const StringResponse gzipped = client.Get("/arxiv/cs.CL?date=2025-05-14", "gzip, deflate, br");
  EXPECT_EQ(gzipped[http::field::content_encoding], "gzip");
  EXPECT_EQ(gzipped[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(testing::Gunzip(gzipped.body()), identity.body());
  EXPECT_EQ(client.Get("/arxiv/cs.CL?date=2025-05-14").body(), identity.body());
}

TEST_F(ServerTest, AnswersBadInputWith4xx) {
  StartServer();
  Client client(server_->port());
  EXPECT_EQ(client.Get("/arxiv/2401.99999").result_int(), 404);
  EXPECT_EQ(client.Get("/arxiv/cs.XX").result_int(), 400);
  EXPECT_EQ(client.Get("/arxiv/cs.CL?date=2025-02-30").result_int(), 400);
  const StringResponse post = client.Send(http::verb::post, "/arxiv/cs.CL");
  EXPECT_EQ(post.result_int(), 405);
  EXPECT_EQ(post[http::field::allow], "GET, HEAD");
  const StringResponse moved = client.Get("/arxiv/2505.0003?date=2025-05-14");
  EXPECT_EQ(moved.result_int(), 301);
  EXPECT_EQ(moved[http::field::location], "/arxiv/2505.00003?date=2025-05-14");
}

// HTML and JSON pages answer conditional requests as feeds do: a reload sends back the ETag and
// gets 304 without the body, gzip or not.
TEST_F(ServerTest, AnswersConditionalRequestsForPagesWith304) {
  StartServer();
  Client client(server_->port());
  for (const std::string target : {"/arxiv/cs.CL?date=2025-05-14", "/api/arxiv/cs.CL?date=2025-05-14",
                                   "/arxiv/2505.00002", "/api/days/cs.CL"}) {
    const StringResponse page = client.Get(target);
    ASSERT_EQ(page.result_int(), 200) << target;
    const std::string etag(page[http::field::etag]);
    ASSERT_FALSE(etag.empty()) << target;
    client.WriteRaw("GET " + target + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag +
                    "\r\nAccept-Encoding: gzip\r\n\r\n");
    const StringResponse again = client.Read();
    EXPECT_EQ(again.result_int(), 304) << target;
    EXPECT_EQ(again.body(), "") << target;
    EXPECT_EQ(again[http::field::etag], etag) << target;
    client.WriteRaw("GET " + target + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"other\"\r\n\r\n");
    EXPECT_EQ(client.Read().result_int(), 200) << target;
  }
}

// The API is readable from other origins' pages: Access-Control-Allow-Origin on its answers
// and a preflight that allows GET; pages and POSTs get no such header.
TEST_F(ServerTest, OpensTheApiToOtherOriginsForReading) {
  StartServer();
  Client client(server_->port());
  const StringResponse json = client.Get("/api/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(json[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(client.Get("/api/arxiv/2401.99999")[http::field::access_control_allow_origin], "*");
  client.WriteRaw(
      "OPTIONS /api/arxiv/cs.CL HTTP/1.1\r\nHost: x\r\nOrigin: https://elsewhere.test\r\n"
      "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: if-none-match\r\n\r\n");
  const StringResponse preflight = client.Read();
  EXPECT_EQ(preflight.result_int(), 204);
  EXPECT_EQ(preflight[http::field::access_control_allow_origin], "*");
  EXPECT_THAT(std::string(preflight[http::field::access_control_allow_methods]), HasSubstr("GET"));
  EXPECT_THAT(std::string(preflight[http::field::access_control_allow_headers]),
              HasSubstr("If-None-Match"));
  EXPECT_EQ(client.Get("/arxiv/cs.CL?date=2025-05-14")[http::field::access_control_allow_origin], "");
  EXPECT_EQ(client.Send(http::verb::post, "/api/clicks/2505.00002?kind=pdf")
                [http::field::access_control_allow_origin],
            "");
  EXPECT_EQ(client.Send(http::verb::options, "/arxiv/cs.CL").result_int(), 405);
}

TEST_F(ServerTest, AnswersHeadWithTheLengthAndNoBody) {
  StartServer();
  Client client(server_->port());
  const StringResponse get = client.Get("/arxiv/cs.CL?date=2025-05-14");
  const StringResponse head = client.Send(http::verb::head, "/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[http::field::content_length], std::to_string(get.body().size()));
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(client.Get("/healthz").result_int(), 200);  // the connection is still in step
}

TEST_F(ServerTest, ServesOthersWhileAClientSendsHalfARequest) {
  StartServer(ServerOptions{.threads = 1});
  Client slow(server_->port());
  slow.WriteRaw("GET /arxiv/cs.CL HTTP/1.1\r\nHost: x\r\nAccept-");
  Client idle(server_->port());  // connected, silent
  Client fast(server_->port());
  EXPECT_EQ(fast.Get("/healthz").result_int(), 200);
  slow.WriteRaw("Encoding: identity\r\n\r\n");
  EXPECT_EQ(slow.Read().result_int(), 200);
}

TEST_F(ServerTest, RejectsOversizedHeaders) {
  StartServer();
  Client client(server_->port());
  client.WriteRaw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " +
                  std::string(ServerOptions{}.header_limit + 1000, 'a') + "\r\n\r\n");
  const StringResponse response = client.Read();
  EXPECT_EQ(response.result_int(), 431);
  EXPECT_FALSE(response.keep_alive());
}

TEST_F(ServerTest, TurnsAHandlerExceptionIntoA500AndLivesOn) {
  StartServer({}, [this](const Request& request) {
    if (request.target == "/boom") throw std::runtime_error("a bug in a page");
    return site_->Handle(request);
  });
  Client client(server_->port());
  const StringResponse boom = client.Get("/boom");
  EXPECT_EQ(boom.result_int(), 500);
  EXPECT_THAT(boom.body(), HasSubstr("the server failed on this request"));
  EXPECT_THAT(boom.body(), ::testing::Not(HasSubstr("a bug in a page")));
  EXPECT_EQ(client.Get("/healthz").result_int(), 200);
}

TEST_F(ServerTest, ClosesIdleConnections) {
  StartServer(ServerOptions{.request_timeout = std::chrono::milliseconds(100),
                            .idle_timeout = std::chrono::milliseconds(100)});
  Client kept_alive(server_->port());
  EXPECT_EQ(kept_alive.Get("/healthz").result_int(), 200);
  EXPECT_TRUE(kept_alive.ServerCloses());
  Client silent(server_->port());
  EXPECT_TRUE(silent.ServerCloses());
  Client slow(server_->port());
  slow.WriteRaw("GET /healthz HTTP/1.1\r\n");
  EXPECT_TRUE(slow.ServerCloses());
}

TEST_F(ServerTest, StopsGracefully) {
  StartServer();
  Client idle(server_->port());
  EXPECT_EQ(idle.Get("/healthz").result_int(), 200);
  server_->Stop();
  server_->Wait();  // returns: the idle connection does not hold the server up
  EXPECT_TRUE(idle.ServerCloses());
  server_->Stop();  // idempotent
}

// Issue #18's strangers benchmark: expensive requests held every server thread and a reader of
// cached pages waited behind them. With ServerOptions::quick, a cached page is answered on the
// I/O thread while every worker is busy; the expensive answer still comes, on the worker.
TEST_F(ServerTest, AnswersCachedPagesWhileEveryWorkerIsBusy) {
  std::mutex mutex;
  std::condition_variable changed;
  int slow_started = 0;
  bool release = false;
  const auto release_slow = [&] {
    {
      std::lock_guard lock(mutex);
      release = true;
    }
    changed.notify_all();
  };
  // Whatever fails below, the worker is let go before the server stops.
  const std::shared_ptr<void> let_go(nullptr, [&](void*) { release_slow(); });
  ServerOptions options;
  options.threads = 1;
  options.workers = 1;
  options.quick = [this](const Request& request) -> std::optional<Response> {
    if (request.target == "/slow") return std::nullopt;  // the site would call it a category
    return site_->HandleQuick(request);
  };
  StartServer(options, [&](const Request& request) {
    if (request.target == "/slow") {
      std::unique_lock lock(mutex);
      ++slow_started;
      changed.notify_all();
      changed.wait(lock, [&] { return release; });
      return MakeUncachedResponse(200, kTextType, "slow\n");
    }
    return site_->Handle(request);
  });
  Client warm(server_->port());
  ASSERT_EQ(warm.Get("/arxiv/cs.CL?date=2025-05-14").result_int(), 200);  // now cached
  site_->cache().WaitForCompression();

  Client slow(server_->port());
  slow.WriteRaw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(10), [&] { return slow_started == 1; }));
  }
  // The only worker is held; the cached page comes from the I/O thread, and an uncached
  // answer waits for the worker.
  Client reader(server_->port());
  const StringResponse page = reader.Get("/arxiv/cs.CL?date=2025-05-14");
  EXPECT_EQ(page.result_int(), 200);
  EXPECT_THAT(page.body(), HasSubstr("Total: 4"));
  EXPECT_EQ(reader.Get("/assets/missing.css").result_int(), 404);  // quick too: no handler
  Client queued(server_->port());
  queued.WriteRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  release_slow();
  EXPECT_EQ(slow.Read().body(), "slow\n");
  EXPECT_EQ(queued.Read().result_int(), 200);
}

TEST_F(ServerTest, ReportsAPortInUse) {
  StartServer();
  ServerOptions options;
  options.port = server_->port();
  options.handle_signals = false;
  Result<std::unique_ptr<Server>> second =
      Server::Start(options, [](const Request&) { return Response{}; });
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(second.error().message.rfind("cannot listen on 127.0.0.1:" + std::to_string(server_->port()) + ": ", 0), 0u)
      << second.error().message;
}

}  // namespace
}  // namespace coolpapers::web
