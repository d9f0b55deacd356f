// RunOaiBackfill against a loopback OAI-PMH server: pages written and the cursor kept as it
// goes. The interrupted-and-resumed run through the real binary is in
// tests/integration/harvest_backfill_test.cc.
#include "harvest/oai_backfill.h"

#include <gtest/gtest.h>

#include "net/host_politeness.h"
#include "net/polite_client.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_store.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

const std::filesystem::path kFixtures = COOLPAPERS_TEST_FIXTURES;
const std::string kCursor = "oai:2016-10-20..2016-10-21";
const std::string kFirstPage =
    "/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2016-10-20&until=2016-10-21";
const std::string kTokenPage = "/oai?verb=ListRecords&resumptionToken=1403493%7C1001";

class OaiBackfillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.sqlite";
    auto store = store::OpenSqliteStore(path);
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    auto state = store::OpenSqliteHarvestState(path);
    ASSERT_TRUE(state);
    state_ = std::move(*state);
    net::CurlHttpClientOptions http;
    http.use_environment_proxy = false;
    curl_ = net::MakeCurlHttpClient(http);
    client_ = std::make_unique<net::PoliteClient>(*curl_, politeness_, net::RetryOptions{});
    options_.oai_url = server_.Url("/oai");
  }

  Result<BackfillProgress> Backfill() {
    return RunOaiBackfill(*store_, *state_, *client_, options_, Date::FromYmd(2016, 10, 20),
                          Date::FromYmd(2016, 10, 21));
  }

  testing::TempDir dir_;
  testing::ReplayServer server_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::HarvestState> state_;
  std::unique_ptr<net::HttpClient> curl_;
  net::HostPoliteness politeness_{RealClock()};
  std::unique_ptr<net::PoliteClient> client_;
  HarvestOptions options_;
};

TEST_F(OaiBackfillTest, ExpiredTokenRestartsTheRangeFromItsFirstPage) {
  ASSERT_TRUE(state_->SetCursor(kCursor, "1403493|1001"));
  server_.SetRouteFromFile(kTokenPage, kFixtures / "oai-pmh" / "badResumptionToken.xml");
  // Here the range's first page is also its last.
  server_.SetRouteFromFile(kFirstPage, kFixtures / "oai-pmh" / "ListRecords_arXivRaw_page2.xml");

  auto done = Backfill();
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->pages, 1);
  EXPECT_EQ(done->papers_written, 2);
  EXPECT_EQ(done->deleted_seen, 1);
  EXPECT_FALSE(done->resumed);
  auto again = Backfill();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->pages, 0);  // finished: nothing asked
  EXPECT_EQ(server_.RequestLog().size(), 2u);
}

TEST_F(OaiBackfillTest, FailedPageKeepsTheCursorWhereItWas) {
  ASSERT_TRUE(state_->SetCursor(kCursor, "1403493|1001"));
  auto done = Backfill();  // no route: arXiv answers 404
  EXPECT_FALSE(done);
  auto cursor = state_->Cursor(kCursor);
  ASSERT_TRUE(cursor && cursor->has_value());
  EXPECT_EQ(**cursor, "1403493|1001");
  EXPECT_EQ(store_->PaperCount().value_or(-1), 0);
}

}  // namespace
}  // namespace coolpapers::harvest
