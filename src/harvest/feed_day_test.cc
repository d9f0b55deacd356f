#include "harvest/feed_day.h"

#include <gtest/gtest.h>

namespace coolpapers::harvest {
namespace {

ingest::AnnouncementEntry Entry(std::string id, AnnounceType type, int64_t position) {
  ingest::AnnouncementEntry entry;
  entry.paper.id = std::move(id);
  entry.type = type;
  entry.position = position;
  return entry;
}

TEST(MakeFeedDay, CountsDistinctPapersPerAnnounceType) {
  ingest::AnnouncementFeed feed{"http://rss.arxiv.org/atom/cs.CL", Date::FromYmd(2025, 5, 14),
                                {Entry("2505.00001", AnnounceType::kNew, 0),
                                 Entry("2505.00002", AnnounceType::kCross, 1),
                                 Entry("2504.00003", AnnounceType::kReplace, 2)}};
  const FeedDay day = MakeFeedDay("cs.CL", std::move(feed));
  EXPECT_EQ(day.counts, (store::AnnounceCounts{1, 1, 1}));
  EXPECT_EQ(day.entries.size(), 3u);
  EXPECT_EQ(day.repeated, 0);
}

TEST(MakeFeedDay, KeepsAPaperListedTwiceOnceWithItsBestType) {
  ingest::AnnouncementFeed feed{"http://rss.arxiv.org/atom/cs.CL", Date::FromYmd(2025, 5, 14),
                                {Entry("2504.00003", AnnounceType::kReplace, 0),
                                 Entry("2505.00001", AnnounceType::kNew, 1),
                                 Entry("2504.00003", AnnounceType::kCross, 2)}};
  const FeedDay day = MakeFeedDay("cs.CL", std::move(feed));
  ASSERT_EQ(day.entries.size(), 2u);
  EXPECT_EQ(day.entries[0].paper.id, "2504.00003");
  EXPECT_EQ(day.entries[0].type, AnnounceType::kCross);
  EXPECT_EQ(day.entries[0].position, 0);
  EXPECT_EQ(day.counts, (store::AnnounceCounts{1, 1, 0}));
  EXPECT_EQ(day.repeated, 1);
}

}  // namespace
}  // namespace coolpapers::harvest
