// A request's head before Beast parses it, and the server's answer to one whose lines end with
// a bare LF (issue #18 finding 10: past about 4 KB such a request got no answer at all).
#include "web/request_head.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "web/server.h"

namespace coolpapers::web {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

TEST(ScanRequestHead, TellsCompleteIncompleteAndBareLineFeeds) {
  EXPECT_EQ(ScanRequestHead(""), RequestHead::kIncomplete);
  EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nHost: x\r\n"), RequestHead::kIncomplete);
  EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), RequestHead::kComplete);
  // The body may hold anything.
  EXPECT_EQ(ScanRequestHead("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\na\nb"), RequestHead::kComplete);
  EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\nHost: x\n\n"), RequestHead::kBareLineFeed);
  EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nHost: x\n"), RequestHead::kBareLineFeed);
  EXPECT_EQ(ScanRequestHead("\n"), RequestHead::kBareLineFeed);
  EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nHost: x\r\r\n"), RequestHead::kIncomplete);
}

// The server's answer to `request` sent whole on a new connection, or "" after 10 s of silence.
std::string AnswerTo(uint16_t port, const std::string& request) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  const timeval timeout{10, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  net::write(socket, net::buffer(request));
  std::string answer;
  char chunk[4096];
  boost::system::error_code ec;
  while (true) {
    const size_t got = socket.read_some(net::buffer(chunk), ec);
    if (ec) break;
    answer.append(chunk, got);
  }
  return answer;
}

TEST(ServerRequestHead, ALineFeedOnlyRequestGetsA400WhateverItsSize) {
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.handle_signals = false;
  options.threads = 1;
  options.access_log = nullptr;
  options.request_timeout = std::chrono::seconds(30);  // longer than AnswerTo waits
  std::unique_ptr<Server> server =
      Server::Start(options, [](const Request&) { return Response{}; }).value();
  const std::string filler(5000, 'a');
  const std::string requests[] = {
      "GET / HTTP/1.1\nHost: x\n\n",  // Beast refused this one already
      // These waited for a blank line "\r\n\r\n" that never comes: the line Beast could not
      // finish in the first 4 KB read ends with a bare LF.
      "GET /" + filler + " HTTP/1.1\nHost: x\n\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + filler + "\n\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + filler + filler + "\r\nX-Next: y\n\n",
  };
  for (const std::string& request : requests) {
    EXPECT_THAT(AnswerTo(server->port(), request), ::testing::StartsWith("HTTP/1.1 400"))
        << request.size() << " bytes";
  }
  // The same with CRLF is fine, and so is a long header that arrives in several reads.
  EXPECT_THAT(AnswerTo(server->port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " +
                                           std::string(12000, 'a') + "\r\nConnection: close\r\n\r\n"),
              ::testing::StartsWith("HTTP/1.1 200"));
}

}  // namespace
}  // namespace coolpapers::web
