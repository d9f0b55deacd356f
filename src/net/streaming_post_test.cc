#include "net/streaming_post.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "tests/support/replay_server.h"

namespace coolpapers::net {
namespace {

using std::chrono::milliseconds;
using testing::CannedResponse;
using testing::Fault;
using testing::ReplayServer;

StreamingPostRequest PostTo(const std::string& url) {
  StreamingPostRequest request;
  request.url = url;
  request.body = R"({"question":"why?"})";
  request.headers = {"Content-Type: application/json", "Authorization: Bearer sk-secret"};
  request.connect_timeout = milliseconds(2000);
  request.total_timeout = milliseconds(5000);
  request.stall_timeout = milliseconds(2000);
  request.use_environment_proxy = false;
  return request;
}

TEST(StreamingPost, HandsA2xxBodyToTheSink) {
  ReplayServer server;
  const std::string body(100'000, 'x');
  server.SetRoute("/stream",
                  CannedResponse{200, {{"Content-Type", "text/event-stream"}}, body, false});
  std::string received;
  int pieces = 0;
  auto response = StreamingPost(PostTo(server.Url("/stream")), [&](std::string_view bytes) {
    received.append(bytes);
    ++pieces;
    return true;
  });
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("content-type"), "text/event-stream");
  EXPECT_EQ(received, body);
  EXPECT_GE(pieces, 1);
  EXPECT_TRUE(response->body.empty());
}

TEST(StreamingPost, SendsTheGivenHeaders) {
  ReplayServer server;
  server.SetRoute("/stream", CannedResponse{200, {}, "ok", false});
  ASSERT_TRUE(StreamingPost(PostTo(server.Url("/stream")), [](std::string_view) { return true; }));
  auto log = server.RequestLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].headers["authorization"], "Bearer sk-secret");
  EXPECT_EQ(log[0].headers["content-type"], "application/json");
  EXPECT_EQ(log[0].headers.count("expect"), 0u);
}

TEST(StreamingPost, KeepsAnErrorBodyAwayFromTheSink) {
  ReplayServer server;
  server.SetRoute("/stream", CannedResponse{401, {{"Retry-After", "3"}}, R"({"error":{}})", false});
  bool sink_called = false;
  auto response = StreamingPost(PostTo(server.Url("/stream")), [&](std::string_view) {
    sink_called = true;
    return true;
  });
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(response->body, R"({"error":{}})");
  EXPECT_EQ(response->Header("retry-after"), "3");
  EXPECT_FALSE(sink_called);
}

TEST(StreamingPost, EndsWhenTheSinkSaysSo) {
  ReplayServer server;
  server.SetRoute("/stream", CannedResponse{200, {}, std::string(1'000'000, 'y'), false});
  size_t received = 0;
  auto response = StreamingPost(PostTo(server.Url("/stream")), [&](std::string_view bytes) {
    received += bytes.size();
    return false;
  });
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_GT(received, 0u);
  EXPECT_LT(received, 1'000'000u);
}

TEST(StreamingPost, GivesUpOnAStalledServer) {
  ReplayServer server;
  server.SetRoute("/stream", CannedResponse{200, {}, "late", false});
  server.AddFault("/stream", Fault{Fault::Kind::kDelay, 0, {}, milliseconds(1500)});
  auto request = PostTo(server.Url("/stream"));
  request.stall_timeout = milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  auto response = StreamingPost(request, [](std::string_view) { return true; });
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kTimeout);
  EXPECT_NE(response.error().message.find("stalled"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1200));
}

TEST(StreamingPost, StopsWhenAsked) {
  ReplayServer server;
  server.SetRoute("/stream", CannedResponse{200, {}, "late", false});
  server.AddFault("/stream", Fault{Fault::Kind::kDelay, 0, {}, milliseconds(1500)});
  std::stop_source stop;
  std::jthread stopper([&stop] {
    std::this_thread::sleep_for(milliseconds(100));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  auto response = StreamingPost(
      PostTo(server.Url("/stream")), [](std::string_view) { return true; }, stop.get_token());
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(response.error().message.find("cancelled"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1200));
}

TEST(StreamingPost, ReportsConnectionFailuresWithoutTheHeaders) {
  std::string url;
  {
    ReplayServer server;
    url = server.Url("/stream");
  }
  auto refused = StreamingPost(PostTo(url), [](std::string_view) { return true; });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().message.find("sk-secret"), std::string::npos);
  EXPECT_EQ(refused.error().detail.find("sk-secret"), std::string::npos);

  ReplayServer server;
  server.SetRoute("/cut", CannedResponse{200, {}, std::string(4000, 'x'), false});
  server.AddFault("/cut", Fault{Fault::Kind::kTruncate, 0, {}, {}});
  auto cut = StreamingPost(PostTo(server.Url("/cut")), [](std::string_view) { return true; });
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace coolpapers::net
