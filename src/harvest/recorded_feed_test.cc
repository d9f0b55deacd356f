// arXiv's announcement feed as the harvester receives it: through the polite client (net/) and
// parsed by ingest/, the two modules the harvester joins.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ingest/arxiv_feed_parser.h"
#include "net/polite_client.h"
#include "tests/support/fake_clock.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"

namespace coolpapers::harvest {
namespace {

using ingest::ParseAnnouncementFeed;

// The recorded feed as a harvester receives it: gzip over HTTP, after one 503 + Retry-After.
TEST(RecordedFeed, ReadsTheRecordedFeedFetchedPolitely) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  testing::ReplayServer server;
  const std::string xml =
      testing::ReadFileBytes(shared / "raw/rss/rss-atom-cs.AI-2025-08-20-closed.xml");
  server.SetRoute("/atom/cs.AI", testing::CannedResponse{
                                     200, {{"Content-Type", "application/atom+xml"}}, xml, true});
  server.AddFault("/atom/cs.AI", testing::Fault{testing::Fault::Kind::kStatus, 503, "4", {}});
  testing::FakeClock clock;
  net::HostPoliteness politeness(clock, {std::chrono::milliseconds(3000), true});
  net::CurlHttpClientOptions options;
  options.use_environment_proxy = false;
  auto curl = net::MakeCurlHttpClient(options);
  net::PoliteClient client(*curl, politeness, net::RetryOptions{}, clock);
  const std::string url = server.Url("/atom/cs.AI");
  auto response = client.Get(url);
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, xml);
  EXPECT_EQ(clock.Sleeps(), std::vector<std::chrono::milliseconds>{std::chrono::seconds(4)});
  auto feed = ParseAnnouncementFeed(response->body, url);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->entries.size(), 86u);
}

}  // namespace
}  // namespace coolpapers::harvest
