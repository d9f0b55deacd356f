#include "harvest/reconciliation.h"

#include <gtest/gtest.h>

namespace coolpapers::harvest {
namespace {

DayCheck Check(store::AnnounceCounts feed, store::AnnounceCounts stored, int64_t awaiting,
               int64_t repeated = 0) {
  return DayCheck{"cs.CL", Date::FromYmd(2025, 5, 14), feed, stored, awaiting, repeated, 1, {}};
}

TEST(ReconcileDay, CompleteWhenCountsMatchAndNothingAwaits) {
  const auto status = ReconcileDay(Check({200, 100, 50}, {200, 100, 50}, 0));
  EXPECT_TRUE(status.complete);
  EXPECT_EQ(status.note, "");
}

TEST(ReconcileDay, SaysHowManyPapersAwaitTheApi) {
  const auto status = ReconcileDay(Check({200, 100, 50}, {200, 100, 50}, 12));
  EXPECT_FALSE(status.complete);
  EXPECT_EQ(status.note, "12 of 350 papers await metadata from the arXiv API");
  EXPECT_EQ(status.awaiting_metadata, 12);
}

TEST(ReconcileDay, SaysWhichCountsDiffer) {
  const auto status = ReconcileDay(Check({200, 100, 50}, {200, 100, 40}, 0));
  EXPECT_FALSE(status.complete);
  EXPECT_EQ(status.note,
            "the store lists 340 of the feed's 350 papers (new 200/200, cross 100/100, "
            "replace 40/50)");
}

TEST(ReconcileDay, MentionsPapersListedTwiceWithoutMakingTheDayIncomplete) {
  const auto status = ReconcileDay(Check({1, 0, 2}, {1, 0, 2}, 0, 1));
  EXPECT_TRUE(status.complete);
  EXPECT_EQ(status.note, "the feed listed 1 paper twice (counted once)");
}

TEST(StartedDay, IsIncomplete) {
  const auto status = StartedDay(Check({3, 0, 0}, {}, 3));
  EXPECT_FALSE(status.complete);
  EXPECT_EQ(status.note, "harvest of 3 papers under way");
}

}  // namespace
}  // namespace coolpapers::harvest
