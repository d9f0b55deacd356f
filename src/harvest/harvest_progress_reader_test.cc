#include "harvest/harvest_progress_reader.h"

#include <gtest/gtest.h>

#include "harvest/harvester.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

using namespace std::chrono;

constexpr store::JobTime kNow{milliseconds(1'760'000'000'000)};

class HarvestProgressReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.sqlite";
    auto state = store::OpenSqliteHarvestState(path);
    auto queue = store::OpenSqliteJobQueue(path);
    ASSERT_TRUE(state && queue);
    state_ = std::move(*state);
    queue_ = std::move(*queue);
    options_.categories = {"cs.AI", "cs.CL", "cs.LG", "stat.ML"};
  }

  // Claims the next feed check, which must be `category`'s (they are claimed in the order
  // QueueAll queued them).
  store::Job Claim(const std::string& category) {
    auto job = queue_->Claim(store::JobKind::kArxiv, "w", kNow, seconds(60));
    EXPECT_TRUE(job && job->has_value());
    if (!job || !job->has_value()) return {};
    EXPECT_EQ((*job)->key, FeedJobKey(category));
    return **job;
  }

  void QueueAll() {
    for (const std::string& category : options_.categories) {
      const store::JobSpec spec{store::JobKind::kArxiv, FeedJobKey(category),
                                store::JobPriority::kToday, {}};
      ASSERT_TRUE(queue_->Enqueue(spec, kNow, store::EnqueueMode::kRestartFinished));
    }
  }

  HarvestProgress Read(std::optional<store::JobTime> next_pass = std::nullopt) {
    auto progress = ReadHarvestProgress(*queue_, *state_, options_, next_pass);
    EXPECT_TRUE(progress) << progress.error().message;
    return progress ? *progress : HarvestProgress{};
  }

  testing::TempDir dir_;
  std::unique_ptr<store::HarvestState> state_;
  std::unique_ptr<store::JobQueue> queue_;
  HarvestOptions options_;
};

TEST_F(HarvestProgressReaderTest, AFirstStartCountsTheChecksAsTheyFinish) {
  EXPECT_FALSE(Read().Filling());  // nothing queued yet: nothing to show
  QueueAll();
  HarvestProgress progress = Read();
  EXPECT_EQ(progress.categories, 4);
  EXPECT_EQ(progress.checked, 0);
  EXPECT_EQ(progress.pending, 4);
  EXPECT_TRUE(progress.Filling());

  const store::Job ai = Claim("cs.AI");
  ASSERT_TRUE(queue_->Complete(ai.id, "w", "cs.AI 2025-08-20: 12 papers, complete", kNow));
  // A category harvested before (its newest day recorded) counts as checked even while its
  // feed is read again.
  store::CategoryDayStatus day;
  day.category = "cs.LG";
  day.day = Date::FromYmd(2025, 8, 19);
  day.complete = true;
  ASSERT_TRUE(state_->RecordDay(day));
  progress = Read();
  EXPECT_EQ(progress.checked, 2);
  EXPECT_EQ(progress.pending, 3);
  EXPECT_EQ(progress.failing, 0);
  EXPECT_EQ(progress.problem, "");
  EXPECT_TRUE(progress.Filling());

  for (const char* category : {"cs.CL", "cs.LG", "stat.ML"}) {
    const store::Job job = Claim(category);
    ASSERT_TRUE(queue_->Complete(job.id, "w", "", kNow));
  }
  progress = Read();
  EXPECT_EQ(progress.checked, 4);
  EXPECT_FALSE(progress.Filling());
}

TEST_F(HarvestProgressReaderTest, AFailingCheckSaysWhyInAReadersWordsAndWhenItRetries) {
  QueueAll();
  const store::Job ai = Claim("cs.AI");
  const store::JobTime retry = kNow + minutes(2);
  ASSERT_TRUE(queue_->Release(ai.id, "w",
                              "request to https://rss.arxiv.org/atom/cs.AI failed: Couldn't "
                              "resolve host name after 4 attempt(s)",
                              retry, kNow));
  const store::Job cl = Claim("cs.CL");
  ASSERT_TRUE(queue_->Release(cl.id, "w", "arXiv answered HTTP 503", std::nullopt, kNow));
  const store::JobTime next_pass = kNow + minutes(60);

  const HarvestProgress progress = Read(next_pass);
  EXPECT_EQ(progress.failing, 2);
  EXPECT_EQ(progress.pending, 2);
  EXPECT_EQ(progress.problem, "this server cannot reach arXiv (is it offline?)");
  ASSERT_TRUE(progress.retry_at.has_value());
  EXPECT_EQ(*progress.retry_at, retry);  // the earlier of the backoff and the next pass
}

TEST(ReaderReason, NamesTheKindOfFailureNotTheRawError) {
  EXPECT_EQ(ReaderReason("request to https://rss.arxiv.org/atom/cs.AI failed: Couldn't connect "
                         "to server after 4 attempt(s)"),
            "this server cannot reach arXiv (is it offline?)");
  EXPECT_EQ(ReaderReason("request to https://x/ failed: Timeout was reached"),
            "arXiv did not answer in time");
  EXPECT_EQ(ReaderReason("rss.arxiv.org answered HTTP 503 for https://rss.arxiv.org/atom/cs.AI "
                         "after 4 attempt(s)"),
            "arXiv is busy or down at the moment");
  EXPECT_EQ(ReaderReason("the feed is not Atom: expected <feed>"),
            "arXiv's answer could not be read");
}

}  // namespace
}  // namespace coolpapers::harvest
