#include "harvest/harvest_scheduler.h"

#include <gtest/gtest.h>

#include <atomic>

#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

using namespace std::chrono;

UtcTime At(year_month_day day, hours h, minutes m = minutes(0)) {
  return UtcTime(sys_days(day)) + h + m;
}

HarvestOptions Options() {
  HarvestOptions options;
  options.poll_interval = minutes(5);
  options.idle_poll_interval = minutes(60);
  options.window = hours(8);
  return options;
}

TEST(InAnnouncementWindow, FollowsEasternTimeAcrossDaylightSaving) {
  // Sunday 2025-05-11 20:00 EDT is Monday 00:00 UTC.
  EXPECT_FALSE(InAnnouncementWindow(At(2025y / May / 11, 23h, 59min), hours(8)));
  EXPECT_TRUE(InAnnouncementWindow(At(2025y / May / 12, 0h), hours(8)));
  EXPECT_TRUE(InAnnouncementWindow(At(2025y / May / 12, 7h, 59min), hours(8)));
  EXPECT_FALSE(InAnnouncementWindow(At(2025y / May / 12, 8h), hours(8)));
  // In winter (EST) the same evening starts an hour later in UTC.
  EXPECT_FALSE(InAnnouncementWindow(At(2025y / January / 13, 0h, 30min), hours(8)));
  EXPECT_TRUE(InAnnouncementWindow(At(2025y / January / 13, 1h), hours(8)));
}

TEST(InAnnouncementWindow, HasNoWindowOnFridayOrSaturdayEvenings) {
  // Thursday 2025-05-15 20:00 EDT announces; Friday and Saturday evenings do not.
  EXPECT_TRUE(InAnnouncementWindow(At(2025y / May / 16, 1h), hours(8)));
  EXPECT_FALSE(InAnnouncementWindow(At(2025y / May / 17, 1h), hours(8)));
  EXPECT_FALSE(InAnnouncementWindow(At(2025y / May / 18, 1h), hours(8)));
}

TEST(NextCheckDelay, PollsOftenInsideTheWindow) {
  EXPECT_EQ(NextCheckDelay(At(2025y / May / 12, 1h), Options()), minutes(5));
}

TEST(NextCheckDelay, IdlesOutsideTheWindowButWakesForItsStart) {
  EXPECT_EQ(NextCheckDelay(At(2025y / May / 12, 12h), Options()), minutes(60));
  // Monday 19:30 EDT: the window opens in 30 minutes.
  EXPECT_EQ(NextCheckDelay(At(2025y / May / 12, 23h, 30min), Options()), minutes(30));
}

TEST(HarvestScheduler, ChecksAtOnceAndStopsPromptlyDuringItsWait) {
  testing::TempDir dir;
  const auto path = dir.path() / "coolpapers.sqlite";
  auto store = store::OpenSqliteStore(path);
  auto state = store::OpenSqliteHarvestState(path);
  auto queue = store::OpenSqliteJobQueue(path);
  ASSERT_TRUE(store && state && queue);
  auto http = net::MakeCurlHttpClient({});  // never called: the scheduler only queues jobs
  HarvestOptions options = Options();
  options.categories = {"cs.AI", "cs.CL"};
  options.poll_interval = hours(1);
  options.idle_poll_interval = hours(1);
  Harvester harvester(**store, **state, **queue, *http, options);
  std::atomic<int> wakes{0};
  HarvestScheduler scheduler(harvester, [&] { ++wakes; }, options);

  scheduler.Start();
  const auto deadline = steady_clock::now() + seconds(10);
  while (wakes.load() == 0 && steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  std::optional<UtcTime> next = scheduler.NextCheck();
  while (!next && steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
    next = scheduler.NextCheck();
  }
  // The next pass is at most the idle interval away (an hour here), and in the future.
  ASSERT_TRUE(next.has_value());
  EXPECT_GT(*next, floor<seconds>(system_clock::now()) - seconds(1));
  EXPECT_LE(*next, floor<seconds>(system_clock::now()) + hours(1) + seconds(1));
  const auto stop_started = steady_clock::now();
  scheduler.Stop();
  EXPECT_LT(steady_clock::now() - stop_started, seconds(2));
  EXPECT_EQ(wakes.load(), 1);
  EXPECT_FALSE(scheduler.NextCheck().has_value());
  for (const char* key : {"feed:cs.AI", "feed:cs.CL"}) {
    auto job = (*queue)->Find(store::JobKind::kArxiv, key);
    ASSERT_TRUE(job && job->has_value()) << key;
    EXPECT_EQ((*job)->state, store::JobState::kQueued);
  }
}

}  // namespace
}  // namespace coolpapers::harvest
