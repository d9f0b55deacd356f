#include "harvest/on_demand_paper_fetcher.h"

#include <gtest/gtest.h>

#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using State = jobs::PaperFetch::State;

store::JobTime Now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

// The real queue in a real store file; the harvester's arXiv client is never called here
// (asking for a fetch only queues it).
class PaperFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto file = dir_.path() / "coolpapers.sqlite";
    store_ = std::move(store::OpenSqliteStore(file).value());
    queue_ = std::move(store::OpenSqliteJobQueue(file).value());
    state_ = std::move(store::OpenSqliteHarvestState(file).value());
    http_ = net::MakeCurlHttpClient({});
    harvester_ = std::make_unique<harvest::Harvester>(*store_, *state_, *queue_, *http_,
                                                      harvest::HarvestOptions{});
    workers_ = std::make_unique<jobs::WorkerPool>(
        *queue_, [](const store::Job&, const jobs::JobContext&) { return jobs::JobOutcome::Done(); },
        jobs::WorkerPoolOptions{});
    fetch_ = MakeOnDemandPaperFetcher(*harvester_, *queue_, *workers_);
  }

  // Ends the paper's job at `when` as done with `result`, or failed when `result` is nullopt.
  void FinishJob(const ArxivId& id, std::optional<std::string> result, store::JobTime when) {
    const store::JobSpec spec{store::JobKind::kArxiv, harvest::PaperJobKey(id),
                              store::JobPriority::kHistory, {}};
    ASSERT_TRUE(queue_->Enqueue(spec, when));
    auto job = queue_->Claim(store::JobKind::kArxiv, "test", when, minutes(1));
    ASSERT_TRUE(job && *job);
    if (result) {
      ASSERT_TRUE(queue_->Complete((*job)->id, "test", *result, when));
    } else {
      ASSERT_TRUE(queue_->Release((*job)->id, "test", "arXiv unreachable", std::nullopt, when));
    }
  }

  ArxivId Id(std::string_view text) { return ArxivId::Parse(text).value(); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<store::HarvestState> state_;
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<harvest::Harvester> harvester_;
  std::unique_ptr<jobs::WorkerPool> workers_;
  jobs::PaperFetcher fetch_;
};

TEST_F(PaperFetcherTest, QueuesAFetchAndReportsItsPlace) {
  auto first = fetch_(Id("2401.00001"), false, "");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->state, State::kQueued);
  EXPECT_EQ(first->position, 0);
  auto second = fetch_(Id("2401.00002"), false, "");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->position, 1);
  // An admin's request goes ahead of both.
  auto admin = fetch_(Id("2401.00003"), true, "");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->position, 0);
  auto job = queue_->Find(store::JobKind::kArxiv, harvest::PaperJobKey(Id("2401.00003")));
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->priority, store::JobPriority::kAdmin);
}

TEST_F(PaperFetcherTest, ReportsFinishedFetches) {
  FinishJob(Id("2401.00001"), std::string(harvest::kPaperNotFoundResult), Now());
  FinishJob(Id("2401.00002"), "stored", Now());
  FinishJob(Id("2401.00003"), std::nullopt, Now());
  EXPECT_EQ(fetch_(Id("2401.00001"), false, "")->state, State::kNotFound);
  EXPECT_EQ(fetch_(Id("2401.00002"), false, "")->state, State::kStored);
  auto failed = fetch_(Id("2401.00003"), false, "");
  EXPECT_EQ(failed->state, State::kFailed);
  EXPECT_EQ(failed->error, "arXiv unreachable");
}

TEST_F(PaperFetcherTest, AsksAgainAfterAnOldFailureOrAnOldNotFound) {
  FinishJob(Id("2401.00001"), std::nullopt, Now() - kRetryFailedFetchAfter - minutes(1));
  FinishJob(Id("2401.00002"), std::string(harvest::kPaperNotFoundResult),
            Now() - kRetryNotFoundAfter - hours(1));
  FinishJob(Id("2401.00003"), std::string(harvest::kPaperNotFoundResult), Now() - hours(1));
  EXPECT_EQ(fetch_(Id("2401.00001"), false, "")->state, State::kQueued);
  EXPECT_EQ(fetch_(Id("2401.00002"), false, "")->state, State::kQueued);
  EXPECT_EQ(fetch_(Id("2401.00003"), false, "")->state, State::kNotFound);
}

// Issue #18 finding 5: 1,000 unknown ids queued 1,000 arXiv jobs. Now a client keeps at most
// max_pending_per_client new fetches waiting and everyone together max_pending; joining a
// fetch already waiting, and the magic token, are never refused.
TEST_F(PaperFetcherTest, BoundsTheFetchesStrangersKeepWaiting) {
  fetch_ = MakeOnDemandPaperFetcher(*harvester_, *queue_, *workers_,
                                    {.max_pending = 3, .max_pending_per_client = 2});
  EXPECT_TRUE(fetch_(Id("2401.00001"), false, "a"));
  EXPECT_TRUE(fetch_(Id("2401.00002"), false, "a"));
  auto third = fetch_(Id("2401.00003"), false, "a");
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(third.error().message,
            "you already have 2 papers waiting to be fetched from arXiv: please ask again once "
            "they have arrived");
  EXPECT_TRUE(fetch_(Id("2401.00004"), false, "b"));
  auto full = fetch_(Id("2401.00005"), false, "c");
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().message,
            "too many papers are waiting to be fetched from arXiv (3): please try again in a few "
            "minutes");
  auto joined = fetch_(Id("2401.00001"), false, "c");
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->state, State::kQueued);
  EXPECT_TRUE(fetch_(Id("2401.00006"), true, "c"));
  // Once a's fetches ran, a may ask again.
  // (FinishJob runs the next job in the queue's order: the admin's first.)
  FinishJob(Id("2401.00006"), "stored", Now());
  FinishJob(Id("2401.00001"), "stored", Now());
  FinishJob(Id("2401.00002"), "stored", Now());
  EXPECT_TRUE(fetch_(Id("2401.00003"), false, "a"));
}

}  // namespace
}  // namespace coolpapers::harvest
