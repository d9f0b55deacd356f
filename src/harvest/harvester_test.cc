// The harvester against a loopback arXiv: real HTTP (libcurl, per-host politeness, the retry
// policy) to a replay server serving feeds and export API answers built from real records,
// with faults injected. Each test runs the jobs directly through Harvester::RunJob.
#include "harvest/harvester.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/category_expr.h"
#include "ingest/arxiv_feed_parser.h"
#include "net/host_politeness.h"
#include "net/polite_client.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"
#include "tests/support/arxiv_fixtures.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using testing::ArxivDay;
using testing::Fault;
using testing::FeedItem;
using Kind = jobs::JobOutcome::Kind;

constexpr milliseconds kMinInterval{100};
constexpr milliseconds kArrivalJitter{50};
const std::string kFeedPath = "/atom/";
const std::string kApiPath = "/api/query";
constexpr int kBatch = 10;
constexpr const char* kClosedFeed = "rss-atom-cs.AI-2025-08-20-closed.xml";
constexpr const char* kTruncatedFeed = "rss-atom-cs.AI-2025-08-20.xml";  // cut off mid-entry

net::CurlHttpClientOptions LoopbackOptions() {
  net::CurlHttpClientOptions options;
  options.connect_timeout = milliseconds(2000);
  options.total_timeout = milliseconds(700);
  options.use_environment_proxy = false;
  return options;
}

net::RetryOptions QuickRetries() {
  net::RetryOptions options;
  options.max_attempts = 4;
  options.initial_backoff = milliseconds(20);
  options.max_backoff = milliseconds(200);
  options.max_retry_after = milliseconds(5000);
  return options;
}

std::vector<std::string> FeedIds(std::span<const FeedItem> feed) {
  std::vector<std::string> ids;
  for (const FeedItem& item : feed) {
    if (std::ranges::find(ids, item.paper.id) == ids.end()) ids.push_back(item.paper.id);
  }
  return ids;
}

class HarvesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.sqlite";
    auto store = store::OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto state = store::OpenSqliteHarvestState(path);
    ASSERT_TRUE(state) << state.error().message;
    state_ = std::move(*state);
    auto queue = store::OpenSqliteJobQueue(path);
    ASSERT_TRUE(queue) << queue.error().message;
    queue_ = std::move(*queue);
    curl_ = net::MakeCurlHttpClient(LoopbackOptions());
    politeness_ = std::make_unique<net::HostPoliteness>(
        RealClock(), net::HostRule{kMinInterval, /*single_connection=*/true});
    client_ = std::make_unique<net::PoliteClient>(*curl_, *politeness_, QuickRetries());
  }

  HarvestOptions Options(std::vector<std::string> categories) const {
    HarvestOptions options;
    options.categories = std::move(categories);
    options.feed_base_url = server_.Url(kFeedPath);
    options.api_url = server_.Url(kApiPath);
    options.api_batch_size = kBatch;
    return options;
  }

  Harvester& MakeHarvester(std::vector<std::string> categories) {
    harvester_ = std::make_unique<Harvester>(*store_, *state_, *queue_, *client_,
                                             Options(std::move(categories)));
    return *harvester_;
  }

  jobs::JobOutcome Run(const std::string& key) {
    store::Job job;
    job.kind = store::JobKind::kArxiv;
    job.key = key;
    return harvester_->RunJob(job, jobs::JobContext{});
  }

  // `count` real papers laid out as one day of `categories`.
  ArxivDay RealDay(std::size_t count, const std::vector<std::string>& categories) {
    auto shared = testing::SharedDataDir();
    EXPECT_TRUE(shared);
    if (!shared) return {};
    const std::vector<Paper> papers = testing::LoadArxivPapers(*shared, count);
    return testing::MakeArxivDay(papers, categories, Date::FromYmd(2025, 8, 20));
  }

  std::vector<std::string> Listed(const std::string& category, Date day) {
    auto expr = ParseCategoryExpr(category);
    EXPECT_TRUE(expr);
    auto list = store_->ListDay(*expr, day);
    EXPECT_TRUE(list) << list.error().message;
    std::vector<std::string> ids;
    for (const store::ListedPaper& paper : list->papers) ids.push_back(paper.paper_id);
    return ids;
  }

  store::CategoryDayStatus DayStatus(const std::string& category, Date day) {
    auto status = state_->Day(category, day);
    EXPECT_TRUE(status && status->has_value()) << category << " " << day.ToIso();
    return status && *status ? **status : store::CategoryDayStatus{};
  }

  // Serves the export API's answers for the papers of the recorded cs.AI feed of 2025-08-20:
  // the feed's own metadata plus what only the API has (version dates, a comment). Returns the
  // day as arXiv has it; the test serves the feed itself.
  ArxivDay ServeRecordedCsAi(const std::filesystem::path& shared) {
    const auto file = shared / "raw" / "rss" / kClosedFeed;
    auto feed = ingest::ParseAnnouncementFeed(testing::ReadFileBytes(file), file.string());
    EXPECT_TRUE(feed) << feed.error().message;
    if (!feed) return {};
    ArxivDay day{feed->day, {}, {}};
    for (const ingest::AnnouncementEntry& entry : feed->entries) {
      Paper paper = entry.paper;
      paper.versions = {{1, UtcTime(feed->day.AddDays(-1).days()) + std::chrono::hours(17)}};
      paper.comments = "accepted at a workshop";
      day.papers.emplace(paper.id, paper);
      day.feeds["cs.AI"].push_back({entry.paper, entry.announce_type});
    }
    testing::ServeIdListBatches(server_, kApiPath, FeedIds(day.feeds["cs.AI"]), day.papers,
                                kBatch);
    return day;
  }

  int ApiRequests() const {
    int count = 0;
    for (const auto& request : server_.RequestLog()) count += request.target.starts_with(kApiPath);
    return count;
  }

  // The server's log: no two requests arrived closer together than the politeness interval.
  // The log stamps a request when the server has read it, so a request held up on its way
  // (connection set-up, a busy CPU) moves closer to the next one; kArrivalJitter allows that.
  void ExpectPoliteIntervals() const {
    const auto log = server_.RequestLog();
    for (std::size_t i = 1; i < log.size(); ++i) {
      EXPECT_GE(log[i].arrived - log[i - 1].arrived, kMinInterval - kArrivalJitter)
          << log[i - 1].target << " then " << log[i].target;
    }
  }

  // The day as the store lists it matches the feed: same papers, same order within each
  // announce type, nothing lost or duplicated; and the store holds arXiv's full metadata.
  void ExpectDayMatches(const ArxivDay& day, const std::string& category) {
    const std::vector<std::string> expected = FeedIds(day.feeds.at(category));
    EXPECT_EQ(Listed(category, day.day), expected) << category;
    auto papers = store_->PapersByIds(expected);
    ASSERT_TRUE(papers);
    ASSERT_EQ(papers->size(), expected.size());
    for (const Paper& paper : *papers) {
      const Paper& truth = day.papers.at(paper.id);
      EXPECT_EQ(paper.version, truth.version) << paper.id;
      EXPECT_EQ(paper.title, truth.title) << paper.id;
      EXPECT_EQ(paper.comments, truth.comments) << paper.id;
      EXPECT_EQ(paper.journal_ref, truth.journal_ref) << paper.id;
      EXPECT_EQ(paper.doi, truth.doi) << paper.id;
      EXPECT_EQ(paper.license, truth.license) << paper.id;
      EXPECT_EQ(paper.versions.size(), truth.versions.size()) << paper.id;
    }
    const store::CategoryDayStatus status = DayStatus(category, day.day);
    EXPECT_TRUE(status.complete) << status.note;
    EXPECT_EQ(status.feed, status.stored);
    EXPECT_EQ(status.awaiting_metadata, 0);
  }

  testing::TempDir dir_;
  testing::ReplayServer server_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::HarvestState> state_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<net::HttpClient> curl_;
  std::unique_ptr<net::HostPoliteness> politeness_;
  std::unique_ptr<net::PoliteClient> client_;
  std::unique_ptr<Harvester> harvester_;
};

TEST_F(HarvesterTest, RecordedCsAiFeedEndsCompleteAndReconciled) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const ArxivDay day = ServeRecordedCsAi(shared);
  server_.SetRouteFromFile(kFeedPath + "cs.AI", shared / "raw" / "rss" / kClosedFeed);
  MakeHarvester({"cs.AI"});

  const jobs::JobOutcome outcome = Run("feed:cs.AI");
  EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  ExpectDayMatches(day, "cs.AI");
  const store::CategoryDayStatus status = DayStatus("cs.AI", Date::FromYmd(2025, 8, 20));
  EXPECT_EQ(status.feed, (store::AnnounceCounts{41, 45, 0}));
  EXPECT_EQ(ApiRequests(), 9);  // 86 papers, 10 per call
  ExpectPoliteIntervals();
}

TEST_F(HarvesterTest, TruncatedFeedIsRetriedNamingTheSourceAndWritesNothing) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const ArxivDay day = ServeRecordedCsAi(shared);
  server_.SetRouteFromFile(kFeedPath + "cs.AI", shared / "raw" / "rss" / kTruncatedFeed);
  MakeHarvester({"cs.AI"});

  const jobs::JobOutcome outcome = Run("feed:cs.AI");
  EXPECT_EQ(outcome.kind, Kind::kRetry);
  EXPECT_THAT(outcome.text, HasSubstr(server_.Url(kFeedPath + "cs.AI")));
  EXPECT_THAT(outcome.text, HasSubstr("at byte"));
  EXPECT_EQ(store_->PaperCount().value_or(-1), 0);
  auto days = state_->NewestDays();
  ASSERT_TRUE(days);
  EXPECT_TRUE(days->empty());
  EXPECT_EQ(ApiRequests(), 0);

  // The retry finds the whole feed.
  server_.SetRouteFromFile(kFeedPath + "cs.AI", shared / "raw" / "rss" / kClosedFeed);
  EXPECT_EQ(Run("feed:cs.AI").kind, Kind::kDone);
  ExpectDayMatches(day, "cs.AI");
}

TEST_F(HarvesterTest, CrossListedPapersAreAskedForOnceAcrossCategories) {
  const ArxivDay day = RealDay(60, {"cs.AI", "cs.CL", "cs.CV"});
  testing::ServeArxivDay(server_, day, kFeedPath, kApiPath, kBatch);
  MakeHarvester({"cs.AI", "cs.CL", "cs.CV"});
  for (const auto& [category, feed] : day.feeds) {
    const jobs::JobOutcome outcome = Run(FeedJobKey(category));
    EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  }
  for (const auto& [category, feed] : day.feeds) ExpectDayMatches(day, category);
  EXPECT_EQ(store_->PaperCount().value_or(-1), static_cast<int64_t>(day.papers.size()));
  ExpectPoliteIntervals();
}

struct FaultCase {
  const char* name;
  Fault fault;
};

// Names the case in test listings (and CTest) instead of dumping its bytes.
void PrintTo(const FaultCase& fault_case, std::ostream* out) { *out << fault_case.name; }

class HarvesterFaultTest : public HarvesterTest,
                           public ::testing::WithParamInterface<FaultCase> {};

TEST_P(HarvesterFaultTest, DayEndsCompleteAndReconciledAfterTheFault) {
  const ArxivDay day = RealDay(40, {"cs.CV"});
  testing::ServeArxivDay(server_, day, kFeedPath, kApiPath, kBatch);
  const std::vector<std::string> ids = FeedIds(day.feeds.at("cs.CV"));
  ASSERT_GT(ids.size(), static_cast<std::size_t>(kBatch));
  // Once on the feed, once on the second API batch.
  server_.AddFault(kFeedPath + "cs.CV", GetParam().fault);
  const auto second_batch =
      std::span(ids).subspan(kBatch, std::min<std::size_t>(kBatch, ids.size() - kBatch));
  server_.AddFault(testing::IdListTarget(kApiPath, second_batch), GetParam().fault);
  MakeHarvester({"cs.CV"});

  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  ExpectDayMatches(day, "cs.CV");
  ExpectPoliteIntervals();
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, HarvesterFaultTest,
    ::testing::Values(
        FaultCase{"Status503WithRetryAfter", Fault{Fault::Kind::kStatus, 503, "1", {}}},
        FaultCase{"Status429", Fault{Fault::Kind::kStatus, 429, {}, {}}},
        FaultCase{"DelayPastTheClientTimeout",
                  Fault{Fault::Kind::kDelay, 200, {}, milliseconds(1200)}},
        FaultCase{"ConnectionReset", Fault{Fault::Kind::kReset, 200, {}, {}}},
        FaultCase{"TruncatedBody", Fault{Fault::Kind::kTruncate, 200, {}, {}}}),
    [](const ::testing::TestParamInfo<FaultCase>& info) { return info.param.name; });

TEST_F(HarvesterTest, DayAwaitingTheApiIsIncompleteUntilTheApiCatchesUp) {
  const ArxivDay day = RealDay(60, {"cs.CV"});
  const std::vector<FeedItem>& feed = day.feeds.at("cs.CV");
  const std::vector<std::string> ids = FeedIds(feed);
  // The API has not caught up: two new papers unknown, a replaced one (listed last) still v1.
  ASSERT_EQ(feed.back().paper.version, 2);
  ASSERT_GT(ids.size(), 3u);
  const std::vector<std::string> late = {ids[1], ids[2], ids.back()};  // in feed order
  std::map<std::string, Paper> lagging = day.papers;
  lagging.erase(ids[1]);
  lagging.erase(ids[2]);
  lagging.at(ids.back()).version = 1;
  lagging.at(ids.back()).versions.resize(1);

  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", day.day, feed), false});
  testing::ServeIdListBatches(server_, kApiPath, ids, lagging, kBatch);
  MakeHarvester({"cs.CV"});

  const jobs::JobOutcome first = Run("feed:cs.CV");
  EXPECT_EQ(first.kind, Kind::kRetry);
  EXPECT_EQ(first.retry_after, harvester_->options().incomplete_retry);
  store::CategoryDayStatus status = DayStatus("cs.CV", day.day);
  EXPECT_FALSE(status.complete);
  EXPECT_EQ(status.awaiting_metadata, 3);
  EXPECT_EQ(status.feed, status.stored);  // every listing is there; metadata is not
  EXPECT_THAT(status.note, HasSubstr("3 of " + std::to_string(ids.size()) +
                                     " papers await metadata from the arXiv API"));
  EXPECT_THAT(first.text, HasSubstr(status.note));

  // Later the API knows them: only they are asked for, and the day completes.
  testing::ServeIdListBatches(server_, kApiPath, late, day.papers, kBatch);
  const int before = ApiRequests();
  const jobs::JobOutcome second = Run("feed:cs.CV");
  EXPECT_EQ(second.kind, Kind::kDone) << second.text;
  EXPECT_EQ(ApiRequests() - before, 1);
  ExpectDayMatches(day, "cs.CV");
  EXPECT_EQ(DayStatus("cs.CV", day.day).attempts, 2);
}

TEST_F(HarvesterTest, IncompleteEarlierDayIsFinishedAfterTheFeedMovesOn) {
  const ArxivDay monday = RealDay(20, {"cs.CV"});
  const std::vector<std::string> monday_ids = FeedIds(monday.feeds.at("cs.CV"));
  std::map<std::string, Paper> lagging = monday.papers;
  lagging.erase(monday_ids[0]);
  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", monday.day,
                                                             monday.feeds.at("cs.CV")), false});
  testing::ServeIdListBatches(server_, kApiPath, monday_ids, lagging, kBatch);
  MakeHarvester({"cs.CV"});
  EXPECT_EQ(Run("feed:cs.CV").kind, Kind::kRetry);

  // The next day's feed replaces it before the API caught up with Monday's paper.
  auto shared = testing::SharedDataDir();
  ASSERT_TRUE(shared);
  std::vector<Paper> tuesday_papers = testing::LoadArxivPapers(*shared, 40);
  tuesday_papers.erase(tuesday_papers.begin(), tuesday_papers.begin() + 20);
  const std::vector<std::string> cv = {"cs.CV"};
  const ArxivDay tuesday = testing::MakeArxivDay(tuesday_papers, cv, monday.day.AddDays(1));
  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", tuesday.day,
                                                             tuesday.feeds.at("cs.CV")), false});
  testing::ServeIdListBatches(server_, kApiPath, FeedIds(tuesday.feeds.at("cs.CV")),
                              tuesday.papers, kBatch);
  const std::vector<std::string> late = {monday_ids[0]};
  testing::ServeIdListBatches(server_, kApiPath, late, monday.papers, kBatch);

  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  ExpectDayMatches(monday, "cs.CV");
  ExpectDayMatches(tuesday, "cs.CV");
}

TEST_F(HarvesterTest, UnchangedFeedRecordsNothingNew) {
  const ArxivDay day = RealDay(25, {"cs.CV"});
  testing::ServeArxivDay(server_, day, kFeedPath, kApiPath, kBatch);
  MakeHarvester({"cs.CV"});
  ASSERT_EQ(Run("feed:cs.CV").kind, Kind::kDone);
  const auto stamp = store_->ChangeStamp();
  const int api_requests = ApiRequests();
  const store::CategoryDayStatus before = DayStatus("cs.CV", day.day);

  // A holiday: arXiv announces nothing, and its feed still shows the day we have.
  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone);
  EXPECT_THAT(outcome.text, HasSubstr("unchanged"));
  EXPECT_EQ(ApiRequests(), api_requests);
  EXPECT_EQ(store_->ChangeStamp().value_or(0), stamp.value_or(1));
  EXPECT_EQ(DayStatus("cs.CV", day.day).attempts, before.attempts);
}

// papers.cool #91: arXiv's list once came out with papers missing and was fixed later. A feed
// that lists more for a day we completed is harvested again, not taken as "unchanged".
TEST_F(HarvesterTest, ACompletedDayWhoseFeedGrewIsHarvestedAgain) {
  const ArxivDay full = RealDay(30, {"cs.CV"});
  std::vector<FeedItem> partial = full.feeds.at("cs.CV");
  ASSERT_GT(partial.size(), 3u);
  partial.erase(partial.begin(), partial.begin() + 2);  // the top of the list is missing
  ArxivDay first = full;
  first.feeds.at("cs.CV") = partial;
  testing::ServeArxivDay(server_, first, kFeedPath, kApiPath, kBatch);
  MakeHarvester({"cs.CV"});
  ASSERT_EQ(Run("feed:cs.CV").kind, Kind::kDone);
  ASSERT_TRUE(DayStatus("cs.CV", full.day).complete);
  ASSERT_EQ(Listed("cs.CV", full.day).size(), FeedIds(partial).size());

  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", full.day,
                                                             full.feeds.at("cs.CV")), false});
  const std::vector<std::string> missing = {full.feeds.at("cs.CV")[0].paper.id,
                                            full.feeds.at("cs.CV")[1].paper.id};
  testing::ServeIdListBatches(server_, kApiPath, missing, full.papers, kBatch);
  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  EXPECT_THAT(outcome.text, ::testing::Not(HasSubstr("unchanged")));
  ExpectDayMatches(full, "cs.CV");
  EXPECT_TRUE(DayStatus("cs.CV", full.day).complete);
}

TEST_F(HarvesterTest, EmptyFeedIsNoAnnouncement) {
  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", Date::FromYmd(2025, 8, 23), {}),
                    false});
  MakeHarvester({"cs.CV"});
  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone);
  EXPECT_THAT(outcome.text, HasSubstr("no announcement"));
  auto days = state_->NewestDays();
  ASSERT_TRUE(days);
  EXPECT_TRUE(days->empty());
}

TEST_F(HarvesterTest, PaperListedTwiceIsCountedOnceAndTheNoteSaysSo) {
  ArxivDay day = RealDay(12, {"cs.CV"});
  std::vector<FeedItem>& feed = day.feeds.at("cs.CV");
  const auto replaced = std::ranges::find_if(feed, [](const FeedItem& item) {
    return item.paper.version == 2;
  });
  ASSERT_NE(replaced, feed.end());
  FeedItem again = *replaced;
  again.announce_type = "replace-cross";
  feed.push_back(again);
  testing::ServeArxivDay(server_, day, kFeedPath, kApiPath, kBatch);
  MakeHarvester({"cs.CV"});

  const jobs::JobOutcome outcome = Run("feed:cs.CV");
  EXPECT_EQ(outcome.kind, Kind::kDone) << outcome.text;
  ExpectDayMatches(day, "cs.CV");
  const store::CategoryDayStatus status = DayStatus("cs.CV", day.day);
  EXPECT_EQ(status.feed.total(), static_cast<int64_t>(feed.size()) - 1);
  EXPECT_THAT(status.note, HasSubstr("the feed listed 1 paper twice (counted once)"));
}

TEST_F(HarvesterTest, KnownFieldsAreKeptAndKnownPapersNotAskedFor) {
  const ArxivDay day = RealDay(8, {"cs.CV"});
  const std::vector<std::string> ids = FeedIds(day.feeds.at("cs.CV"));
  // Already stored in full (from an earlier import), with a comment the feed does not carry.
  Paper known = day.papers.at(ids[0]);
  known.comments = "12 pages, from the snapshot";
  known.license.clear();
  ASSERT_TRUE(store_->WriteRecords(std::vector<PaperRecord>{{known, {}}}));
  server_.SetRoute(kFeedPath + "cs.CV",
                   {200, {}, testing::RenderAnnouncementFeed("cs.CV", day.day,
                                                             day.feeds.at("cs.CV")), false});
  const std::vector<std::string> rest(ids.begin() + 1, ids.end());
  testing::ServeIdListBatches(server_, kApiPath, rest, day.papers, kBatch);
  MakeHarvester({"cs.CV"});

  EXPECT_EQ(Run("feed:cs.CV").kind, Kind::kDone);
  const std::vector<std::string> first = {ids[0]};
  auto stored = store_->PapersByIds(first);
  ASSERT_TRUE(stored && stored->size() == 1);
  EXPECT_EQ(stored->front().comments, "12 pages, from the snapshot");
  EXPECT_EQ(stored->front().license, day.papers.at(ids[0]).license);  // the feed's
  EXPECT_EQ(stored->front().versions.size(), known.versions.size());
  EXPECT_TRUE(DayStatus("cs.CV", day.day).complete);
}

TEST_F(HarvesterTest, PaperJobStoresAPaperArxivKnows) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  server_.SetRouteFromFile(kApiPath + "?id_list=1707.08567&max_results=1",
                           shared / "raw" / "api-atom" / "current-format-2026" /
                               "id_list_1707.08567.xml");
  MakeHarvester({"cs.IT"});
  const jobs::JobOutcome outcome = Run("paper:1707.08567");
  EXPECT_EQ(outcome.kind, Kind::kDone);
  EXPECT_EQ(outcome.text, "stored");
  const std::vector<std::string> ids = {"1707.08567"};
  auto papers = store_->PapersByIds(ids);
  ASSERT_TRUE(papers && papers->size() == 1);
  EXPECT_THAT(papers->front().title, HasSubstr("Proceedings of Workshop AEW10"));
  auto listed = store_->NewestDay(*ParseCategoryExpr("cs.IT"));
  ASSERT_TRUE(listed);
  EXPECT_FALSE(listed->has_value());  // fetched on demand, listed nowhere
}

TEST_F(HarvesterTest, PaperJobOfAPaperArxivDoesNotKnowEndsNotFound) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  // Asked for in canonical form: before 1501 the number has four digits.
  server_.SetRouteFromFile(kApiPath + "?id_list=0808.5394&max_results=1",
                           shared / "raw" / "api-atom" / "current-format-2026" /
                               "id_list_0808.05394_nonexistent.xml");
  MakeHarvester({"cs.IT"});
  const jobs::JobOutcome outcome = Run("paper:0808.05394");
  EXPECT_EQ(outcome.kind, Kind::kDone);
  EXPECT_EQ(outcome.text, "not found");
  EXPECT_EQ(store_->PaperCount().value_or(-1), 0);
}

TEST_F(HarvesterTest, PaperJobIsRetriedWhileArxivIsDown) {
  server_.AddFault(kApiPath + "?id_list=2508.13167&max_results=1",
                   Fault{Fault::Kind::kStatus, 503, {}, {}}, 10);
  MakeHarvester({"cs.AI"});
  const jobs::JobOutcome outcome = Run("paper:2508.13167");
  EXPECT_EQ(outcome.kind, Kind::kRetry);
  EXPECT_THAT(outcome.text, HasSubstr("503"));
}

TEST_F(HarvesterTest, EnqueueFeedChecksQueuesEveryCategoryAtPriorityToday) {
  MakeHarvester({"cs.AI", "cs.CL"});
  const store::JobTime now{milliseconds(1'750'000'000'000)};
  auto queued = harvester_->EnqueueFeedChecks(now);
  ASSERT_TRUE(queued) << queued.error().message;
  EXPECT_EQ(*queued, 2);
  auto job = queue_->Find(store::JobKind::kArxiv, "feed:cs.CL");
  ASSERT_TRUE(job && job->has_value());
  EXPECT_EQ((*job)->priority, store::JobPriority::kToday);
  auto paper = harvester_->RequestPaper(*ArxivId::Parse("2508.13167v2"),
                                        store::JobPriority::kHistory, now);
  ASSERT_TRUE(paper);
  EXPECT_EQ(paper->key, "paper:2508.13167");
}

}  // namespace
}  // namespace coolpapers::harvest
