// Issue #3: `coolpapers harvest --from DATE --until DATE` backfills through OAI-PMH page by page,
// resumes an interrupted backfill from the stored resumptionToken, and does nothing for a range
// it has finished. Page 1 is arXiv's recorded answer (../shared/data/raw/oai-pmh); page 2 and
// the empty range are small fixtures in the same format (tests/fixtures/oai-pmh).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "cli/data_dir.h"
#include "core/announcement_calendar.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_store.h"
#include "tests/support/replay_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using testing::Fault;
using testing::ReplayServer;

const std::filesystem::path kFixtures = COOLPAPERS_TEST_FIXTURES;
const std::string kFirstPage =
    "/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2016-10-20&until=2016-10-21";
const std::string kSecondPage = "/oai?verb=ListRecords&resumptionToken=1403493%7C1001";
const std::string kEmptyRange =
    "/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2016-10-22&until=2016-10-22";

class HarvestBackfillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = testing::SharedDataDir();
    if (!shared) GTEST_SKIP() << "needs ../shared/data beside the checkout (not found)";
    server_.SetRouteFromFile(
        kFirstPage, *shared / "raw" / "oai-pmh" / "ListRecords_arXivRaw_from-2016-10-20_reformatted.xml",
        "text/xml");
    server_.SetRouteFromFile(kSecondPage, kFixtures / "oai-pmh" / "ListRecords_arXivRaw_page2.xml",
                             "text/xml");
    server_.SetRouteFromFile(kEmptyRange, kFixtures / "oai-pmh" / "noRecordsMatch.xml",
                             "text/xml");
    config_ = dir_.path() / "backfill.toml";
    std::ofstream(config_) << "[http]\nretry_attempts = 2\nretry_initial_backoff = \"20ms\"\n"
                           << "[arxiv]\nmin_interval = \"50ms\"\n"
                           << "oai_url = \"" << server_.Url("/oai") << "\"\n";
  }

  testing::CommandResult Backfill(const std::string& from, const std::string& until) {
    return testing::RunCoolpapers({"harvest", "--from", from, "--until", until, "--data",
                                   data().string(), "--config", config_.string()},
                                  std::chrono::seconds(120));
  }

  std::filesystem::path data() const { return dir_.path() / "data"; }

  std::vector<std::string> Targets() const {
    std::vector<std::string> targets;
    for (const auto& request : server_.RequestLog()) targets.push_back(request.target);
    return targets;
  }

  testing::TempDir dir_;
  ReplayServer server_;
  std::filesystem::path config_;
};

TEST_F(HarvestBackfillTest, InterruptedBackfillResumesFromTheStoredToken) {
  // arXiv is unavailable after page 1: the run fails with the cursor at page 2.
  server_.AddFault(kSecondPage, Fault{Fault::Kind::kStatus, 503, {}, {}}, 2);
  const testing::CommandResult interrupted = Backfill("2016-10-20", "2016-10-21");
  EXPECT_EQ(interrupted.exit_code, 1) << interrupted.output;
  EXPECT_NE(interrupted.output.find("page 1: 387 papers so far of 1440"), std::string::npos)
      << interrupted.output;
  {
    auto state = store::OpenSqliteHarvestState(cli::StorePath(data()));
    ASSERT_TRUE(state);
    auto cursor = (*state)->Cursor("oai:2016-10-20..2016-10-21");
    ASSERT_TRUE(cursor && cursor->has_value());
    EXPECT_EQ(**cursor, "1403493|1001");
  }

  const testing::CommandResult resumed = Backfill("2016-10-20", "2016-10-21");
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("(resumed)"), std::string::npos) << resumed.output;
  const std::vector<std::string> targets = Targets();
  EXPECT_EQ(std::ranges::count(targets, kFirstPage), 1);  // never read again
  EXPECT_EQ(targets.back(), kSecondPage);

  auto store = store::OpenSqliteStore(cli::StorePath(data()));
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->PaperCount().value_or(-1), 387 + 2);
  const std::vector<std::string> ids = {"1609.00420", "0803.4354"};
  auto papers = (*store)->PapersByIds(ids);
  ASSERT_TRUE(papers && papers->size() == 2);
  EXPECT_EQ((*papers)[0].version, 2);
  EXPECT_EQ((*papers)[0].doi, "10.1000/jct.2017.001");
  // Listed as a Kaggle snapshot import lists it: new on the announcement day of v1.
  EXPECT_EQ((*papers)[0].first_listed,
            AnnouncementDay(*ParseArxivTimestamp("Thu, 1 Sep 2016 19:02:41 GMT")));
  EXPECT_EQ((*papers)[1].version, 6);

  // Finished: a re-run asks arXiv nothing.
  const size_t requests = Targets().size();
  const testing::CommandResult again = Backfill("2016-10-20", "2016-10-21");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("already backfilled"), std::string::npos) << again.output;
  EXPECT_EQ(Targets().size(), requests);
}

TEST_F(HarvestBackfillTest, RangeWithNoRecordsFinishesEmpty) {
  const testing::CommandResult run = Backfill("2016-10-22", "2016-10-22");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("0 papers in 1 pages"), std::string::npos) << run.output;
}

TEST_F(HarvestBackfillTest, RejectsARangeThatEndsBeforeItStarts) {
  const testing::CommandResult run = Backfill("2016-10-22", "2016-10-20");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_TRUE(Targets().empty());
}

}  // namespace
}  // namespace coolpapers
