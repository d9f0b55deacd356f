#include "net/polite_client.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/support/fake_clock.h"
#include "tests/support/replay_server.h"

namespace coolpapers::net {
namespace {

using testing::FakeClock;

using std::chrono::milliseconds;
using testing::CannedResponse;
using testing::Fault;
using testing::ReplayServer;

CurlHttpClientOptions FastOptions() {
  CurlHttpClientOptions options;
  options.connect_timeout = milliseconds(2000);
  options.total_timeout = milliseconds(300);
  options.use_environment_proxy = false;
  return options;
}

RetryOptions SmallRetries() {
  RetryOptions options;
  options.max_attempts = 4;
  options.initial_backoff = milliseconds(1000);
  options.max_backoff = milliseconds(8000);
  options.jitter = 0.0;
  return options;
}

// Real sockets, virtual waits: the fake clock records each backoff instead of sleeping.
class PoliteClientTest : public ::testing::Test {
 protected:
  PoliteClientTest()
      : curl_(MakeCurlHttpClient(FastOptions())),
        politeness_(clock_),
        client_(*curl_, politeness_, SmallRetries(), clock_, [] { return 0.5; }) {
    server_.SetRoute(
        "/api", CannedResponse{200, {{"Content-Type", "application/atom+xml"}}, "<feed/>", false});
  }

  ReplayServer server_;
  FakeClock clock_;
  std::unique_ptr<HttpClient> curl_;
  HostPoliteness politeness_;
  PoliteClient client_;
};

TEST_F(PoliteClientTest, Retries503WithRetryAfterThenSucceeds) {
  server_.AddFault("/api", Fault{Fault::Kind::kStatus, 503, "3", {}}, 2);
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "<feed/>");
  EXPECT_EQ(server_.RequestLog().size(), 3u);
  EXPECT_EQ(clock_.Sleeps(), (std::vector<milliseconds>{milliseconds(3000), milliseconds(3000)}));
}

TEST_F(PoliteClientTest, Retries429WithBackoff) {
  server_.AddFault("/api", Fault{Fault::Kind::kStatus, 429, "", {}}, 2);
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(clock_.Sleeps(), (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000)}));
}

TEST_F(PoliteClientTest, NotFoundFailsFastWithoutRetry) {
  auto response = client_.Get(server_.Url("/missing"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(server_.RequestLog().size(), 1u);
  EXPECT_TRUE(clock_.Sleeps().empty());
}

TEST_F(PoliteClientTest, TimeoutIsRetried) {
  server_.AddFault("/api", Fault{Fault::Kind::kDelay, 0, {}, milliseconds(800)});
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "<feed/>");
  EXPECT_EQ(server_.RequestLog().size(), 2u);
}

TEST_F(PoliteClientTest, ResetAndTruncationAreRetried) {
  server_.AddFault("/api", Fault{Fault::Kind::kReset, 0, {}, {}});
  server_.AddFault("/api", Fault{Fault::Kind::kTruncate, 0, {}, {}});
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "<feed/>");
  EXPECT_EQ(server_.RequestLog().size(), 3u);
}

TEST_F(PoliteClientTest, GivesUpAfterMaxAttempts) {
  server_.AddFault("/api", Fault{Fault::Kind::kStatus, 503, "1", {}}, 10);
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(response.error().message.find("HTTP 503"), std::string::npos);
  EXPECT_NE(response.error().message.find("4 attempt"), std::string::npos);
  EXPECT_EQ(server_.RequestLog().size(), 4u);
}

TEST_F(PoliteClientTest, TimeoutsExhaustedAreKTimeout) {
  server_.AddFault("/api", Fault{Fault::Kind::kDelay, 0, {}, milliseconds(600)}, 4);
  auto response = client_.Get(server_.Url("/api"));
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kTimeout);
}

// Measured from the server's own log with the real clock: concurrent callers sharing one
// HostPoliteness never start two requests to the host closer than its interval.
TEST(PoliteClient, ConcurrentCallersKeepTheHostInterval) {
  ReplayServer server;
  server.SetRoute("/rss", CannedResponse{200, {}, "ok", false});
  auto curl = MakeCurlHttpClient(FastOptions());
  HostPoliteness politeness(RealClock());
  const milliseconds interval(200);
  politeness.SetRule("127.0.0.1", {interval, true});
  PoliteClient first(*curl, politeness, SmallRetries());
  PoliteClient second(*curl, politeness, SmallRetries());
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      PoliteClient& client = i % 2 == 0 ? first : second;
      for (int j = 0; j < 2; ++j) EXPECT_TRUE(client.Get(server.Url("/rss")));
    });
  }
  for (auto& thread : threads) thread.join();
  auto log = server.RequestLog();
  ASSERT_EQ(log.size(), 8u);
  // Arrival can lag a start by the loopback connect; allow a small margin below the interval.
  const milliseconds margin(20);
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_GE(log[i].arrived - log[i - 1].arrived, interval - margin) << "request " << i;
  }
}

}  // namespace
}  // namespace coolpapers::net
