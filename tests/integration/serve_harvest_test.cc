// Issue #3, "done when": `coolpapers serve` with harvesting enabled, pointed at a loopback
// arXiv, shows a new day appear on its own; /api/status reports it; a paper we lack opened at
// /arxiv/<id> is fetched on demand, and an id arXiv does not know ends as a 404 saying so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "tests/support/arxiv_fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/replay_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ArxivDay;
using testing::HttpResponse;

constexpr int kBatch = 20;

class ServeHarvestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = testing::SharedDataDir();
    if (!shared) GTEST_SKIP() << "needs ../shared/data beside the checkout";
    papers_ = testing::LoadArxivPapers(*shared, 400);
    data_ = temp_.path() / "var";
    std::filesystem::create_directories(data_);
    // Found by serve beside its data: harvest on, every poll a fraction of a second.
    std::ofstream(data_ / "coolpapers.toml")
        << "[http]\nretry_initial_backoff = \"50ms\"\n"
        << "[arxiv]\nmin_interval = \"10ms\"\n"
        << "feed_base_url = \"" << arxiv_.Url("/atom/") << "\"\n"
        << "api_url = \"" << arxiv_.Url("/api/query") << "\"\n"
        << "oai_url = \"" << arxiv_.Url("/oai") << "\"\n"
        << "api_batch_size = " << kBatch << "\n"
        << "[harvest]\nenabled = true\ncategories = [\"cs.CL\"]\n"
        << "poll_interval = \"200ms\"\nidle_poll_interval = \"200ms\"\n"
        << "[jobs.arxiv]\ninitial_backoff = \"100ms\"\nidle_poll = \"100ms\"\n";
  }

  // The day's cs.CL feed and the API's answers, from papers [first, first + count).
  ArxivDay ServeDay(Date day, size_t first, size_t count) {
    std::vector<Paper> slice(papers_.begin() + first, papers_.begin() + first + count);
    ArxivDay arxiv_day = testing::MakeArxivDay(slice, std::vector<std::string>{"cs.CL"}, day);
    testing::ServeArxivDay(arxiv_, arxiv_day, "/atom/", "/api/query", kBatch);
    return arxiv_day;
  }

  testing::TempDir temp_;
  testing::ReplayServer arxiv_;
  std::filesystem::path data_;
  std::vector<Paper> papers_;
};

TEST_F(ServeHarvestTest, ANewDayAppearsOnItsOwn) {
  const Date first_day = Date::FromYmd(2025, 8, 20);
  const Date second_day = Date::FromYmd(2025, 8, 21);
  const ArxivDay first = ServeDay(first_day, 0, 150);
  ASSERT_FALSE(first.feeds.at("cs.CL").empty());

  testing::ServerProcess server(data_, testing::ServeHarvest::kAsConfigured);
  testing::HttpClient client("127.0.0.1", server.port());

  // Until the day is listed and its harvest done: the list shows the feed's papers first, marked
  // incomplete while their details are fetched (a loaded machine saw that page).
  HttpResponse list = testing::GetUntil(client, "/arxiv/cs.CL", [&](const HttpResponse& r) {
    return r.status == 200 && r.body.find(first_day.ToDisplay()) != std::string::npos &&
           r.body.find("class=\"updated\"") != std::string::npos &&
           r.body.find("class=\"incomplete\"") == std::string::npos;
  });
  ASSERT_EQ(list.status, 200) << server.Output();
  EXPECT_THAT(list.body, HasSubstr(first_day.ToDisplay()));
  EXPECT_THAT(list.body, HasSubstr("Total: " + std::to_string(first.feeds.at("cs.CL").size())));
  EXPECT_THAT(list.body, Not(HasSubstr("class=\"incomplete\"")));

  // arXiv announces the next day: the harvester's next poll finds it without any nudge.
  const ArxivDay second = ServeDay(second_day, 150, 120);
  list = testing::GetUntil(client, "/arxiv/cs.CL", [&](const HttpResponse& r) {
    return r.body.find(second_day.ToDisplay()) != std::string::npos &&
           r.body.find("class=\"updated\"") != std::string::npos;
  });
  EXPECT_THAT(list.body, HasSubstr(second_day.ToDisplay())) << server.Output();
  EXPECT_THAT(list.body, HasSubstr("Total: " + std::to_string(second.feeds.at("cs.CL").size())));
  // The first day stays listed.
  EXPECT_THAT(client.Get("/arxiv/cs.CL?date=2025-08-20").body,
              HasSubstr("Total: " + std::to_string(first.feeds.at("cs.CL").size())));

  const HttpResponse status = client.Get("/api/status");
  ASSERT_EQ(status.status, 200);
  const auto json = nlohmann::json::parse(status.body);
  EXPECT_TRUE(json["harvest"]["enabled"].get<bool>());
  ASSERT_EQ(json["harvest"]["categories"].size(), 1u);
  const auto& cs_cl = json["harvest"]["categories"][0];
  EXPECT_EQ(cs_cl["category"], "cs.CL");
  EXPECT_EQ(cs_cl["day"], "2025-08-21");
  EXPECT_TRUE(cs_cl["complete"].get<bool>());
  EXPECT_TRUE(json["harvest"]["incomplete_days"].empty());
  EXPECT_EQ(json["workers"][0]["kind"], "arxiv");
  EXPECT_GE(json["jobs"]["arxiv"]["done"].get<int>(), 1);
}

TEST_F(ServeHarvestTest, APaperWeLackIsFetchedOnDemand) {
  ServeDay(Date::FromYmd(2025, 8, 20), 0, 10);  // the scheduler has something to do too
  const Paper& wanted = papers_.at(300);
  arxiv_.SetRoute(testing::IdListTarget("/api/query", std::vector<std::string>{wanted.id}),
                  {200, {{"Content-Type", "application/atom+xml"}},
                   testing::RenderApiFeed(std::span(&wanted, 1)), false});
  const std::string missing = "2508.99999";
  arxiv_.SetRoute(testing::IdListTarget("/api/query", std::vector<std::string>{missing}),
                  {200, {{"Content-Type", "application/atom+xml"}},
                   testing::RenderApiFeed(std::span<const Paper>{}), false});

  testing::ServerProcess server(data_, testing::ServeHarvest::kAsConfigured);
  testing::HttpClient client("127.0.0.1", server.port());

  const HttpResponse first = client.Get("/arxiv/" + wanted.id);
  if (first.status == 202) {
    EXPECT_THAT(first.body, HasSubstr("from arXiv"));
    EXPECT_EQ(first.Header("refresh"), "3");
  } else {
    EXPECT_EQ(first.status, 200);  // the workers were quicker than this request
  }
  const HttpResponse page = testing::GetUntil(client, "/arxiv/" + wanted.id,
                                    [](const HttpResponse& r) { return r.status == 200; });
  ASSERT_EQ(page.status, 200) << server.Output();
  EXPECT_THAT(page.body, HasSubstr(wanted.id));

  const HttpResponse absent = testing::GetUntil(client, "/arxiv/" + missing,
                                      [](const HttpResponse& r) { return r.status == 404; });
  EXPECT_EQ(absent.status, 404) << server.Output();
  EXPECT_THAT(absent.body, HasSubstr("arXiv has no paper " + missing));
}

}  // namespace
}  // namespace coolpapers
