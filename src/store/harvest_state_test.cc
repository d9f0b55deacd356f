// The harvest state of every backend (SQLite, PostgreSQL): days recorded and read back, listings
// counted by announce type, resumption cursors, and a second process (another connection)
// seeing the same state.
#include "store/harvest_state.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "store/store_location.h"
#include "tests/support/store_test_records.h"
#include "tests/support/store_test_backends.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using testing::Day;
using testing::NewPaperRecord;
using testing::ReplacedPaperRecord;

class HarvestStateTest : public ::testing::TestWithParam<coolpapers::testing::StoreTestBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    auto store = OpenStoreAt(Location());
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto state = OpenHarvestStateAt(Location());
    ASSERT_TRUE(state) << state.error().message;
    state_ = std::move(*state);
  }

  StoreLocation Location() const { return GetParam().location(dir_.path()); }

  static CategoryDayStatus Status(std::string category, std::string_view day, bool complete) {
    CategoryDayStatus status;
    status.category = std::move(category);
    status.day = Day(day);
    status.feed = {3, 2, 1};
    status.stored = {3, 2, complete ? 1 : 0};
    status.awaiting_metadata = complete ? 0 : 1;
    status.complete = complete;
    status.attempts = 2;
    status.note = complete ? "" : "1 of 6 papers await metadata from the arXiv API";
    status.checked = JobTime(std::chrono::milliseconds(1'747'200'000'123));
    return status;
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<HarvestState> state_;
};

TEST_P(HarvestStateTest, UnknownDayIsNullopt) {
  auto day = state_->Day("cs.AI", Day("2025-05-14"));
  ASSERT_TRUE(day) << day.error().message;
  EXPECT_FALSE(day->has_value());
}

TEST_P(HarvestStateTest, RecordedDayReadsBackEveryField) {
  const CategoryDayStatus status = Status("cs.AI", "2025-05-14", false);
  ASSERT_TRUE(state_->RecordDay(status));
  auto day = state_->Day("cs.AI", Day("2025-05-14"));
  ASSERT_TRUE(day && day->has_value());
  const CategoryDayStatus& read = **day;
  EXPECT_EQ(read.category, "cs.AI");
  EXPECT_EQ(read.day, Day("2025-05-14"));
  EXPECT_EQ(read.feed, status.feed);
  EXPECT_EQ(read.stored, status.stored);
  EXPECT_EQ(read.awaiting_metadata, 1);
  EXPECT_FALSE(read.complete);
  EXPECT_EQ(read.attempts, 2);
  EXPECT_EQ(read.note, status.note);
  EXPECT_EQ(read.checked, status.checked);
}

TEST_P(HarvestStateTest, RecordDayReplacesTheEarlierStatus) {
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-14", false)));
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-14", true)));
  auto day = state_->Day("cs.AI", Day("2025-05-14"));
  ASSERT_TRUE(day && day->has_value());
  EXPECT_TRUE((*day)->complete);
  EXPECT_EQ((*day)->note, "");
  auto incomplete = state_->IncompleteDays();
  ASSERT_TRUE(incomplete);
  EXPECT_TRUE(incomplete->empty());
}

TEST_P(HarvestStateTest, NewestDaysGivesEachCategoryItsNewestDay) {
  ASSERT_TRUE(state_->RecordDay(Status("cs.CL", "2025-05-13", true)));
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-14", false)));
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-13", true)));
  auto newest = state_->NewestDays();
  ASSERT_TRUE(newest) << newest.error().message;
  EXPECT_THAT(*newest, ElementsAre(Field(&CategoryDayStatus::category, "cs.AI"),
                                   Field(&CategoryDayStatus::category, "cs.CL")));
  EXPECT_EQ((*newest)[0].day, Day("2025-05-14"));
  EXPECT_EQ((*newest)[1].day, Day("2025-05-13"));
}

TEST_P(HarvestStateTest, IncompleteDaysAreOldestFirst) {
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-15", false)));
  ASSERT_TRUE(state_->RecordDay(Status("cs.CL", "2025-05-14", true)));
  ASSERT_TRUE(state_->RecordDay(Status("cs.CL", "2025-05-13", false)));
  auto incomplete = state_->IncompleteDays();
  ASSERT_TRUE(incomplete) << incomplete.error().message;
  ASSERT_EQ(incomplete->size(), 2u);
  EXPECT_EQ((*incomplete)[0].day, Day("2025-05-13"));
  EXPECT_EQ((*incomplete)[0].category, "cs.CL");
  EXPECT_EQ((*incomplete)[1].day, Day("2025-05-15"));
}

TEST_P(HarvestStateTest, StoredCountsCountsTheCategoryDaysListingsByAnnounceType) {
  const Date day = Day("2025-05-14");
  std::vector<PaperRecord> records = {
      NewPaperRecord("2505.00001", {"cs.AI", "cs.CL"}, day, 0),
      NewPaperRecord("2505.00002", {"cs.AI"}, day, 1),
      NewPaperRecord("2505.00003", {"cs.CL", "cs.AI"}, day, 2),
      ReplacedPaperRecord("2504.00004", {"cs.AI"}, day, 3, 2),
      NewPaperRecord("2505.00005", {"cs.AI"}, Day("2025-05-13"), 0),
  };
  ASSERT_TRUE(store_->WriteRecords(records));
  auto ai = state_->StoredCounts("cs.AI", day);
  ASSERT_TRUE(ai) << ai.error().message;
  EXPECT_EQ(*ai, (AnnounceCounts{2, 1, 1}));
  auto cl = state_->StoredCounts("cs.CL", day);
  ASSERT_TRUE(cl);
  EXPECT_EQ(*cl, (AnnounceCounts{1, 1, 0}));
  auto none = state_->StoredCounts("cs.LG", day);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->total(), 0);
}

TEST_P(HarvestStateTest, CursorIsSetOverwrittenAndCleared) {
  const std::string name = "oai:2025-01-01..2025-01-31";
  auto absent = state_->Cursor(name);
  ASSERT_TRUE(absent);
  EXPECT_FALSE(absent->has_value());
  ASSERT_TRUE(state_->SetCursor(name, "1403493|1001"));
  ASSERT_TRUE(state_->SetCursor(name, "1403493|2002"));
  auto set = state_->Cursor(name);
  ASSERT_TRUE(set && set->has_value());
  EXPECT_EQ(**set, "1403493|2002");
  ASSERT_TRUE(state_->ClearCursor(name));
  auto cleared = state_->Cursor(name);
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(cleared->has_value());
}

TEST_P(HarvestStateTest, AnotherConnectionSeesTheRecordedState) {
  ASSERT_TRUE(state_->RecordDay(Status("cs.AI", "2025-05-14", false)));
  ASSERT_TRUE(state_->SetCursor("oai:x", "token"));
  auto other = OpenHarvestStateAt(Location());
  ASSERT_TRUE(other) << other.error().message;
  auto day = (*other)->Day("cs.AI", Day("2025-05-14"));
  ASSERT_TRUE(day && day->has_value());
  EXPECT_EQ((*day)->awaiting_metadata, 1);
  auto cursor = (*other)->Cursor("oai:x");
  ASSERT_TRUE(cursor && cursor->has_value());
  EXPECT_EQ(**cursor, "token");
}

INSTANTIATE_TEST_SUITE_P(Backends, HarvestStateTest,
                         ::testing::ValuesIn(coolpapers::testing::StoreTestBackends()),
                         coolpapers::testing::StoreTestBackendName);

}  // namespace
}  // namespace coolpapers::store
