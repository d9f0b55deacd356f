#include "net/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stop_token>
#include <string>
#include <thread>

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "tests/support/loopback_listener.h"
#include "tests/support/replay_server.h"

namespace coolpapers::net {
namespace {

using std::chrono::milliseconds;
using testing::CannedResponse;
using testing::Fault;
using testing::ReplayServer;

CurlHttpClientOptions FastOptions() {
  CurlHttpClientOptions options;
  options.contact_email = "tests@example.org";
  options.connect_timeout = milliseconds(2000);
  options.total_timeout = milliseconds(300);
  options.use_environment_proxy = false;
  return options;
}

TEST(CurlHttpClient, ReturnsStatusHeadersAndBody) {
  ReplayServer server;
  server.SetRoute(
      "/api/query?id_list=1707.08567",
      CannedResponse{200, {{"Content-Type", "application/atom+xml"}}, "<feed/>", false});
  auto client = MakeCurlHttpClient(FastOptions());
  auto response = client->Get(server.Url("/api/query?id_list=1707.08567"));
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("content-type"), "application/atom+xml");
  EXPECT_EQ(response->body, "<feed/>");
}

TEST(CurlHttpClient, SendsADescriptiveUserAgent) {
  ReplayServer server;
  auto client = MakeCurlHttpClient(FastOptions());
  ASSERT_TRUE(client->Get(server.Url("/x")));
  auto log = server.RequestLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].headers["user-agent"],
            "coolpapers/0.1 (+https://github.com/coolpapers/coolpapers; mailto:tests@example.org)");
}

TEST(CurlHttpClient, ErrorStatusesAreResponses) {
  ReplayServer server;
  server.AddFault("/busy", Fault{Fault::Kind::kStatus, 503, "5", {}});
  auto client = MakeCurlHttpClient(FastOptions());
  auto missing = client->Get(server.Url("/nothing-here"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto busy = client->Get(server.Url("/busy"));
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->Header("retry-after"), "5");
}

TEST(CurlHttpClient, DecodesGzip) {
  ReplayServer server;
  const std::string body(5000, 'a');
  server.SetRoute("/gz", CannedResponse{200, {{"Content-Type", "text/plain"}}, body, true});
  auto client = MakeCurlHttpClient(FastOptions());
  auto response = client->Get(server.Url("/gz"));
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->Header("content-encoding"), "gzip");
  EXPECT_EQ(response->body, body);
  EXPECT_NE(server.RequestLog()[0].headers["accept-encoding"].find("gzip"), std::string::npos);
}

TEST(CurlHttpClient, NetworkFailuresAreErrors) {
  ReplayServer server;
  server.SetRoute("/slow", CannedResponse{200, {}, "late", false});
  server.AddFault("/slow", Fault{Fault::Kind::kDelay, 0, {}, milliseconds(1000)});
  server.SetRoute("/reset", CannedResponse{200, {}, "never", false});
  server.AddFault("/reset", Fault{Fault::Kind::kReset, 0, {}, {}});
  server.SetRoute("/cut", CannedResponse{200, {}, std::string(4000, 'x'), false});
  server.AddFault("/cut", Fault{Fault::Kind::kTruncate, 0, {}, {}});
  auto client = MakeCurlHttpClient(FastOptions());
  struct Case {
    std::string url;
    ErrorCode code;
  };
  const Case cases[] = {
      {server.Url("/slow"), ErrorCode::kTimeout},
      {server.Url("/reset"), ErrorCode::kUnavailable},
      {server.Url("/cut"), ErrorCode::kUnavailable},
      {"http://127.0.0.1:1/refused", ErrorCode::kUnavailable},
      {"htp:/nonsense", ErrorCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    auto response = client->Get(c.url);
    ASSERT_FALSE(response) << c.url;
    EXPECT_EQ(response.error().code, c.code) << c.url << ": " << response.error().detail;
  }
}

// Issue #18 finding 8: a PDF download that stalled mid-body held SIGTERM for minutes.
TEST(CurlHttpClient, AStopCutsAStalledTransferAndRefusesNewOnes) {
  std::atomic<int> connections = 0;
  testing::LoopbackListener stalling([&connections](boost::asio::ip::tcp::socket& socket) {
    ++connections;
    char request[4096];
    boost::system::error_code ec;
    socket.read_some(boost::asio::buffer(request), ec);
    const std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n%PDF-1.4\n";
    boost::asio::write(socket, boost::asio::buffer(head), ec);
    // Then nothing more, until the client goes.
    while (!ec) socket.read_some(boost::asio::buffer(request), ec);
  });
  std::stop_source stop;
  CurlHttpClientOptions options = FastOptions();
  options.total_timeout = milliseconds(120'000);
  options.stop = stop.get_token();
  auto client = MakeCurlHttpClient(options);
  const std::string url = "http://127.0.0.1:" + std::to_string(stalling.port()) + "/pdf/2401.06769v1";
  std::jthread stopper([&stop] {
    std::this_thread::sleep_for(milliseconds(300));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  auto cut = client->Get(url);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(cut.error().message.find("cancelled"), std::string::npos) << cut.error().message;
  // libcurl looks at its progress callback about once a second while a transfer stalls.
  EXPECT_LT(took, milliseconds(3000));

  auto refused = client->Get(url);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("cancelled"), std::string::npos);
  EXPECT_EQ(connections.load(), 1);  // nothing sent once stopped
}

}  // namespace
}  // namespace coolpapers::net
