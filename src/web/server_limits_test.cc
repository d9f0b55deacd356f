// Issue #18 finding 2 at the server: connection caps (total and per client) that answer a
// short 503 instead of running out of file descriptors, an accept loop that pauses when it
// does run out, and streams that end after their lifetime, send heartbeats while silent, and
// let go of what they hold when they end.
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/http_client.h"
#include "web/http_message.h"
#include "web/server.h"

namespace coolpapers::web {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using HttpClient = coolpapers::testing::HttpClient;
constexpr auto kWait = std::chrono::seconds(10);

// Everything a fresh connection receives before the server closes it, without sending a byte.
std::string ReadUntilClosed(uint16_t port) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  const timeval timeout{10, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string received;
  boost::system::error_code ec;
  net::read(socket, net::dynamic_buffer(received), ec);
  return received;
}

class ServerLimitsTest : public ::testing::Test {
 protected:
  void StartServer(Handler handler, ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    options.threads = 2;
    options.access_log = nullptr;
    Result<std::unique_ptr<Server>> server = Server::Start(options, std::move(handler));
    ASSERT_TRUE(server.has_value()) << server.error().message;
    server_ = *std::move(server);
  }

  std::unique_ptr<HttpClient> MakeClient() {
    return std::make_unique<HttpClient>("127.0.0.1", server_->port(), kWait);
  }

  std::unique_ptr<Server> server_;
};

Response Plain(const Request&) {
  Response response;
  response.content_type = kTextType;
  response.body = std::make_shared<const std::string>("ok");
  return response;
}

// Issue #18's strangers benchmark ("budget"): thousands of refused requests a second from a
// few connections took the cores from readers. A refusal now carries a hold (Response::hold),
// waited out on a timer: the held connections wait, and everyone else is answered meanwhile,
// even with every I/O thread's connections held.
TEST_F(ServerLimitsTest, AHeldAnswerWaitsOnATimerNotOnAThread) {
  constexpr auto kHold = std::chrono::milliseconds(800);
  StartServer(
      [&](const Request& request) {
        Response response = Plain(request);
        if (request.target == "/held") {
          response.status = 429;
          response.hold = kHold;
        }
        return response;
      },
      ServerOptions{});
  const auto sent = std::chrono::steady_clock::now();
  std::vector<std::thread> held;
  std::vector<int> statuses(6, 0);
  std::vector<std::chrono::milliseconds> waited(6);
  for (size_t i = 0; i < statuses.size(); ++i) {  // three a thread: more than the I/O threads
    held.emplace_back([&, i] {
      HttpClient client("127.0.0.1", server_->port(), kWait);
      statuses[i] = client.Get("/held").status;
      waited[i] = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - sent);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the held requests arrive
  const auto plain = MakeClient()->Get("/plain");
  const auto plain_waited = std::chrono::steady_clock::now() - sent;
  for (std::thread& thread : held) thread.join();
  EXPECT_EQ(plain.status, 200);
  for (size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i], 429);
    EXPECT_GE(waited[i], kHold);                 // held as long as asked
    EXPECT_LT(plain_waited, waited[i]) << i;     // and the plain request went first
  }
}

// A stopping server sends what it holds at once instead of waiting out the hold.
TEST_F(ServerLimitsTest, AStoppingServerSendsItsHeldAnswersAtOnce) {
  StartServer(
      [](const Request& request) {
        Response response = Plain(request);
        response.status = 429;
        response.hold = std::chrono::minutes(5);
        return response;
      },
      ServerOptions{});
  int status = 0;
  std::thread client([&] { status = MakeClient()->Get("/held").status; });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto stopped = std::chrono::steady_clock::now();
  server_->Stop();
  server_->Wait();
  client.join();  // the client's own timeout (10 s) would fail the request otherwise
  EXPECT_EQ(status, 429);
  EXPECT_LT(std::chrono::steady_clock::now() - stopped, std::chrono::seconds(5));
}

// Issue #18 finding 2: out of file descriptors ("accept failed: Too many open files"), the
// accept loop retried at once, spinning a thread for as long as the connection waited. It now
// pauses 100 ms between attempts (one log line each), and accepts again once fds are free.
TEST_F(ServerLimitsTest, TheAcceptLoopPausesWhileOutOfFileDescriptors) {
  ServerOptions options;
  options.max_connections = 100'000;  // the caps would otherwise keep the fds from running out
  options.max_connections_per_client = 0;
  StartServer(Plain, options);
  net::io_context ioc;
  const tcp::endpoint server(net::ip::make_address("127.0.0.1"), server_->port());
  ::testing::internal::CaptureStderr();  // its file first: it needs a descriptor
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
  const auto open_fds = [] {
    return static_cast<rlim_t>(std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                             std::filesystem::directory_iterator()));
  };
  rlimit low = saved;
  low.rlim_cur = open_fds() + 16;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
  // Clients until no descriptor is left: each connection the server accepts takes one too.
  std::vector<std::unique_ptr<tcp::socket>> clients;
  boost::system::error_code ec;
  while (true) {
    auto client = std::make_unique<tcp::socket>(ioc);
    client->open(tcp::v4(), ec);
    if (ec) break;
    client->connect(server, ec);
    if (ec) break;
    clients.push_back(std::move(client));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // accepted meanwhile
  }
  // One descriptor freed and taken again by a client whose connection the server then cannot
  // accept: it waits in the backlog while the accept loop fails.
  ASSERT_FALSE(clients.empty());
  clients.pop_back();
  auto waiting = std::make_unique<tcp::socket>(ioc);
  waiting->connect(server, ec);
  ASSERT_FALSE(ec) << ec.message();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  setrlimit(RLIMIT_NOFILE, &saved);
  const std::string log = ::testing::internal::GetCapturedStderr();
  size_t failures = 0;
  for (size_t at = log.find("accept failed"); at != std::string::npos;
       at = log.find("accept failed", at + 1)) {
    ++failures;
  }
  EXPECT_GE(failures, 1u) << "the server never ran out of descriptors: the test proves nothing";
  EXPECT_LE(failures, 10u) << "the accept loop spun: " << failures << " failures in 500 ms";
  // With descriptors back, the waiting connection is accepted and answered.
  clients.clear();
  net::write(*waiting, net::buffer(std::string("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
  const timeval timeout{10, 0};
  setsockopt(waiting->native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  net::read(*waiting, net::dynamic_buffer(answer), ec);
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 200"));
}

TEST_F(ServerLimitsTest, RefusesConnectionsPastTheCapPerClientWithAShort503) {
  ServerOptions options;
  options.max_connections_per_client = 3;
  StartServer(Plain, options);
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(MakeClient());
    EXPECT_EQ(held.back()->Get("/").status, 200) << i;
  }
  const std::string refused = ReadUntilClosed(server_->port());
  EXPECT_THAT(refused, StartsWith("HTTP/1.1 503 Service Unavailable\r\n"));
  EXPECT_THAT(refused, HasSubstr("Retry-After: 5\r\n"));
  EXPECT_THAT(refused, HasSubstr("Too many connections at once"));
  EXPECT_EQ(server_->refused_connections(), 1u);
  EXPECT_EQ(server_->connections(), 3u);
  // A client that lets go of a connection may open another.
  held.front()->Disconnect();
  for (int attempt = 0; attempt < 100 && server_->connections() == 3u; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(MakeClient()->Get("/").status, 200);
}

TEST_F(ServerLimitsTest, CapsAllConnectionsButNotTrustedProxiesPerClient) {
  ServerOptions options;
  options.max_connections = 4;
  options.max_connections_per_client = 1;
  options.uncapped_peers = {"127.0.0.1"};  // a reverse proxy: every reader comes through it
  StartServer(Plain, options);
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(MakeClient());
    EXPECT_EQ(held.back()->Get("/").status, 200) << i;
  }
  EXPECT_THAT(ReadUntilClosed(server_->port()), StartsWith("HTTP/1.1 503"));
}

// A stream that never ends by itself: heartbeats while silent, ended after its lifetime as a
// complete body, and what it held let go.
TEST_F(ServerLimitsTest, StreamsSendHeartbeatsAndEndAfterTheirLifetime) {
  auto held = std::make_shared<int>(0);
  std::weak_ptr<int> watch = held;
  std::shared_ptr<StreamWriter> kept;  // the producer never writes nor closes
  ServerOptions options;
  options.stream_lifetime = std::chrono::milliseconds(600);
  options.stream_heartbeat = std::chrono::milliseconds(100);
  StartServer(
      [&](const Request&) {
        Response response;
        response.content_type = kEventStreamType;
        response.stream_heartbeat = ": keep-alive\n\n";
        response.stream_hold = std::exchange(held, nullptr);
        response.stream = [&kept](std::shared_ptr<StreamWriter> writer) { kept = writer; };
        return response;
      },
      options);
  std::unique_ptr<HttpClient> client = MakeClient();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(client->StartRequest("GET", "/events").status, 200);
  std::string body;
  for (std::string piece = client->ReadBodySome(); !piece.empty(); piece = client->ReadBodySome()) {
    body += piece;
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, std::chrono::milliseconds(550));
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_THAT(body, StartsWith(": keep-alive\n\n"));
  EXPECT_GE(body.size() / std::string(": keep-alive\n\n").size(), 2u) << body;
  for (int attempt = 0; attempt < 100 && !watch.expired(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(watch.expired()) << "the stream's hold outlived it";
  EXPECT_FALSE(kept->Write("late"));
}

}  // namespace
}  // namespace coolpapers::web
