// Issue #17, point 1: README's run command harvests with no flag. `coolpapers serve` on an
// empty data folder, with a configuration that only says where arXiv is (a loopback replay
// server), reads the configured categories' current day at once: the home page says how far it
// got ("Harvesting 2 of 3 categories") and then lists the days. Offline, the home page says why
// in a reader's words, and when it tries again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <regex>
#include <thread>

#include "tests/support/arxiv_fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/replay_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::HttpResponse;

constexpr int kBatch = 20;

bool Has(const HttpResponse& response, const std::string& text) {
  return response.body.find(text) != std::string::npos;
}

// Where arXiv is, and fast polls; nothing turns harvesting on ([harvest] enabled is absent).
void WriteConfig(const std::filesystem::path& data, const std::string& arxiv_base,
                 const std::string& categories, const std::string& arxiv_backoff) {
  std::filesystem::create_directories(data);
  std::ofstream(data / "coolpapers.toml")
      << "[http]\nretry_initial_backoff = \"50ms\"\nretry_attempts = 2\n"
      << "[arxiv]\nmin_interval = \"10ms\"\n"
      << "feed_base_url = \"" << arxiv_base << "/atom/\"\n"
      << "api_url = \"" << arxiv_base << "/api/query\"\n"
      << "oai_url = \"" << arxiv_base << "/oai\"\n"
      << "api_batch_size = " << kBatch << "\n"
      << "[harvest]\ncategories = " << categories << "\n"
      << "[jobs.arxiv]\ninitial_backoff = \"" << arxiv_backoff << "\"\nidle_poll = \"100ms\"\n";
}

TEST(ServeFirstStartTest, HarvestsTheCurrentDayAtOnceWithoutAFlagAndShowsProgress) {
  auto shared = testing::SharedDataDir();
  if (!shared) GTEST_SKIP() << "needs ../shared/data beside the checkout";
  testing::TempDir temp;
  testing::ReplayServer arxiv;
  const std::vector<Paper> papers = testing::LoadArxivPapers(*shared, 200);
  const Date day = Date::FromYmd(2025, 8, 20);
  // The harvester reads the categories in the configured order, the map's (ServeArxivDay).
  const std::vector<std::string> categories = {"cs.AI", "cs.CL", "cs.LG"};
  const testing::ArxivDay arxiv_day = testing::MakeArxivDay(papers, categories, day);
  for (const std::string& category : categories) {
    ASSERT_FALSE(arxiv_day.feeds.at(category).empty()) << category;
  }
  testing::ServeArxivDay(arxiv, arxiv_day, "/atom/", "/api/query", kBatch);
  // The last category's feed is slow, so the page is seen half-way.
  testing::Fault slow;
  slow.kind = testing::Fault::Kind::kDelay;
  slow.delay = std::chrono::seconds(4);
  arxiv.AddFault("/atom/cs.LG", slow);
  const auto data = temp.path() / "var";
  WriteConfig(data, arxiv.Url(""), R"(["cs.AI", "cs.CL", "cs.LG"])", "100ms");

  testing::ServerProcess server(data, testing::ServeHarvest::kAsConfigured);
  EXPECT_THAT(server.Output(), HasSubstr("harvest on"));
  testing::HttpClient client("127.0.0.1", server.port());

  const HttpResponse halfway = testing::GetUntil(client, "/", [](const HttpResponse& r) {
    return Has(r, "Harvesting 2 of 3 categories");
  });
  ASSERT_THAT(halfway.body, HasSubstr("Harvesting 2 of 3 categories")) << server.Output();
  EXPECT_THAT(halfway.body, HasSubstr("class=\"harvest-progress\""));
  EXPECT_EQ(halfway.Header("refresh"), "15");  // the reader's page follows the progress
  // The categories already read are listed with their day.
  EXPECT_THAT(halfway.body, HasSubstr("href=\"/arxiv/cs.CL?date=2025-08-20\""));

  const HttpResponse done = testing::GetUntil(client, "/", [](const HttpResponse& r) {
    return Has(r, "href=\"/arxiv/cs.LG?date=2025-08-20\"") && !Has(r, "harvest-progress");
  });
  for (const std::string& category : categories) {
    EXPECT_THAT(done.body, HasSubstr("href=\"/arxiv/" + category + "?date=2025-08-20\""))
        << server.Output();
  }
  EXPECT_THAT(done.body, Not(HasSubstr("Harvesting")));
  EXPECT_THAT(done.body, Not(HasSubstr("harvest-problem")));
  EXPECT_EQ(done.Header("refresh"), "");
  const HttpResponse list = client.Get("/arxiv/cs.CL");
  EXPECT_THAT(list.body,
              HasSubstr("Total: " + std::to_string(arxiv_day.feeds.at("cs.CL").size())));
}

TEST(ServeFirstStartTest, OfflineTheHomePageSaysWhyAndWhenItTriesAgain) {
  testing::TempDir temp;
  const auto data = temp.path() / "var";
  // Port 9 on loopback (discard) refuses connections: arXiv cannot be reached.
  WriteConfig(data, "http://127.0.0.1:9", R"(["cs.CL"])", "10m");

  testing::ServerProcess server(data, testing::ServeHarvest::kAsConfigured);
  testing::HttpClient client("127.0.0.1", server.port());
  const HttpResponse home = testing::GetUntil(client, "/", [](const HttpResponse& r) {
    return Has(r, "harvest-problem");
  });
  ASSERT_THAT(home.body, HasSubstr("class=\"harvest-problem\"")) << server.Output();
  EXPECT_THAT(home.body, HasSubstr("Today's lists could not be fetched for 1 of 1 category: "
                                   "this server cannot reach arXiv (is it offline?)."));
  // The next try is the job's backoff (10 minutes), given as a time of day.
  EXPECT_THAT(home.body, ContainsRegex("Next try at [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC"));
  // Not the provider's raw error.
  EXPECT_THAT(home.body, Not(HasSubstr("127.0.0.1:9")));
  EXPECT_THAT(home.body, Not(HasSubstr("Couldn't connect")));
  EXPECT_THAT(home.body, Not(HasSubstr("Harvesting")));
  EXPECT_EQ(home.Header("refresh"), "");        // nothing to follow until the next try
  EXPECT_EQ(home.Header("cache-control"), "no-cache");  // but a reload shows the news
}

}  // namespace
}  // namespace coolpapers
