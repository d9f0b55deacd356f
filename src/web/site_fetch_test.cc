// The site's answers for a paper we do not have (fetched from arXiv through the queue) and
// for /api/status, with the services serve hands it.
#include <chrono>
#include <map>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;

// A scripted stand-in for the harvester's fetch: the state each id is in, and who asked.
struct ScriptedFetcher {
  std::map<std::string, PaperFetch> states;
  std::vector<std::pair<std::string, bool>> requests;  // (id, admin)

  PaperFetcher AsFetcher() {
    return [this](const ArxivId& id, bool admin, std::string_view) -> Result<PaperFetch> {
      requests.emplace_back(id.str(), admin);
      auto found = states.find(id.str());
      if (found == states.end()) return PaperFetch{};
      return found->second;
    };
  }
};

class SiteFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    auto state = store::OpenSqliteHarvestState(dir_.path() / "coolpapers.sqlite");
    ASSERT_TRUE(state) << state.error().message;
    harvest_ = std::move(*state);
    auto queue = store::OpenSqliteJobQueue(dir_.path() / "coolpapers.sqlite");
    ASSERT_TRUE(queue) << queue.error().message;
    queue_ = std::move(*queue);
    SiteOptions options;
    options.change_poll = std::chrono::milliseconds(5);
    SiteServices services;
    services.harvest_state = harvest_.get();
    services.fetch_paper = fetcher_.AsFetcher();
    services.admin_token = "magic";
    services.status = [this](bool) -> Result<std::string> { return "{\"ok\":true}"; };
    site_ = std::make_unique<Site>(*store_, options, services);
  }

  Response Get(std::string_view target, std::string_view cookie = {}) {
    return site_->Handle(Request{"GET", target, false, cookie});
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::HarvestState> harvest_;
  std::unique_ptr<store::JobQueue> queue_;
  ScriptedFetcher fetcher_;
  std::unique_ptr<Site> site_;
};

TEST_F(SiteFetchTest, AnUnknownPaperShowsItsQueuedFetchAndRefreshes) {
  fetcher_.states["2401.06769"] = PaperFetch{PaperFetch::State::kQueued, 3, 0, "", std::nullopt};
  const Response response = Get("/arxiv/2401.06769");
  EXPECT_EQ(response.status, 202);
  EXPECT_EQ(response.Header("Refresh"), "3");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_THAT(*response.body, HasSubstr("Fetching <a href=\"https://arxiv.org/abs/2401.06769\">"));
  EXPECT_THAT(*response.body, HasSubstr("Pending: 3"));
  ASSERT_EQ(fetcher_.requests.size(), 1u);
  EXPECT_EQ(fetcher_.requests[0], std::make_pair(std::string("2401.06769"), false));
}

TEST_F(SiteFetchTest, ARunningFetchSaysSoWithItsLastError) {
  fetcher_.states["2401.06769"] =
      PaperFetch{PaperFetch::State::kRunning, 0, 2, "arXiv answered 503 <retry>", std::nullopt};
  const Response response = Get("/arxiv/2401.06769");
  EXPECT_EQ(response.status, 202);
  EXPECT_THAT(*response.body, HasSubstr("Fetching now (attempt 2)"));
  EXPECT_THAT(*response.body, HasSubstr("arXiv answered 503 &lt;retry&gt;"));
}

TEST_F(SiteFetchTest, APaperArxivDoesNotHaveIsA404SayingSo) {
  fetcher_.states["2401.99999"] = PaperFetch{PaperFetch::State::kNotFound, 0, 1, "", std::nullopt};
  const Response response = Get("/arxiv/2401.99999");
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(*response.body, HasSubstr("arXiv has no paper 2401.99999"));
}

TEST_F(SiteFetchTest, AFetchThatGaveUpIsA503WithTheReason) {
  fetcher_.states["2401.06769"] =
      PaperFetch{PaperFetch::State::kFailed, 0, 8, "gave up after 8 attempts: timeout", std::nullopt};
  const Response response = Get("/api/arxiv/2401.06769");
  EXPECT_EQ(response.status, 503);
  EXPECT_THAT(*response.body, HasSubstr("gave up after 8 attempts: timeout"));
}

TEST_F(SiteFetchTest, TheApiReportsTheFetchAsJson) {
  fetcher_.states["2401.06769"] = PaperFetch{PaperFetch::State::kQueued, 1, 0, "", std::nullopt};
  const Response response = Get("/api/arxiv/2401.06769");
  EXPECT_EQ(response.status, 202);
  EXPECT_EQ(response.content_type, kJsonType);
  const auto json = nlohmann::json::parse(*response.body);
  EXPECT_EQ(json["id"], "2401.06769");
  EXPECT_EQ(json["fetch"]["state"], "queued");
  EXPECT_EQ(json["fetch"]["position"], 1);
}

TEST_F(SiteFetchTest, AStoredFetchShowsThePaperAtOnce) {
  // The fetch finished between the store read and the fetcher's answer: the page is the paper.
  fetcher_.states["2505.00001"] = PaperFetch{PaperFetch::State::kStored, 0, 1, "", std::nullopt};
  const Response response = Get("/arxiv/2505.00001");
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(*response.body, HasSubstr("Paper 2505.00001"));
  EXPECT_TRUE(fetcher_.requests.empty()) << "a paper we have is never fetched";
}

TEST_F(SiteFetchTest, TheMagicTokenCookieMakesTheFetchAnAdminOne) {
  Get("/arxiv/2401.06769", "theme=dark; coolpapers_token=magic");
  Get("/arxiv/2401.06770", "coolpapers_token=wrong");
  Get("/arxiv/2401.06771", "xcoolpapers_token=magic");
  ASSERT_EQ(fetcher_.requests.size(), 3u);
  EXPECT_TRUE(fetcher_.requests[0].second);
  EXPECT_FALSE(fetcher_.requests[1].second);
  EXPECT_FALSE(fetcher_.requests[2].second);
}

TEST_F(SiteFetchTest, SeveralIdsNeverStartFetches) {
  const Response response = Get("/arxiv/2401.06769,2401.06770");
  EXPECT_EQ(response.status, 404);
  EXPECT_TRUE(fetcher_.requests.empty());
}

TEST_F(SiteFetchTest, ServesTheStatusUncached) {
  const Response response = Get("/api/status");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonType);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(*response.body, "{\"ok\":true}");
}

TEST_F(SiteFetchTest, MarksWhenADayWasCheckedAndWhetherItIsComplete) {
  store::CategoryDayStatus status;
  status.category = "cs.CL";
  status.day = Day("2025-05-16");
  status.feed = {1, 0, 0};
  status.stored = {1, 0, 0};
  status.awaiting_metadata = 1;
  status.complete = false;
  status.note = "1 of 1 papers await metadata from the arXiv API";
  status.checked = store::JobTime{std::chrono::sys_days{std::chrono::year{2025} / 5 / 16} +
                                  std::chrono::hours(1) + std::chrono::minutes(5)};
  ASSERT_TRUE(harvest_->RecordDay(status));

  const Response list = Get("/arxiv/cs.CL?date=2025-05-16");
  EXPECT_THAT(*list.body, HasSubstr("updated 2025-05-16 01:05 UTC"));
  EXPECT_THAT(*list.body, HasSubstr("incomplete: 1 of 1 papers await metadata"));
  const Response home = Get("/");
  EXPECT_THAT(*home.body, HasSubstr("updated 2025-05-16 01:05 UTC"));
  EXPECT_THAT(*home.body, HasSubstr("class=\"incomplete\""));
  // Another day of the same category has no mark: it was imported, not harvested.
  const Response older = Get("/arxiv/cs.CL?date=2025-05-14");
  EXPECT_THAT(*older.body, Not(HasSubstr("class=\"updated\"")));
}

}  // namespace
}  // namespace coolpapers::web
