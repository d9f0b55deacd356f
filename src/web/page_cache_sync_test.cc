#include "web/page_cache_sync.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/category_expr.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/cache_tags.h"

namespace coolpapers::web {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using testing::Day;

std::shared_ptr<const std::string> Body() { return std::make_shared<const std::string>(10, 'a'); }

ListView ViewOf(Date day, std::optional<Date> previous, std::optional<Date> next,
                std::vector<std::string> ids) {
  ListView view;
  view.day = day;
  view.previous_day = previous;
  view.next_day = next;
  for (std::string& id : ids) {
    ListedCard card;
    card.paper.id = std::move(id);
    view.cards.push_back(std::move(card));
  }
  return view;
}

TEST(PageCache, DropsOnlyThePagesTaggedWithWhatChanged) {
  PageCache cache;
  const uint64_t generation = cache.generation();
  cache.Insert("list|cs.AI", Body(), generation, {}, {}, {"day:cs.AI|2025-05-14", "paper:1"});
  cache.Insert("list|cs.CL", Body(), generation, {}, {}, {"day:cs.CL|2025-05-14", "paper:2"});
  cache.Insert("paper|1", Body(), generation, {}, {}, {"paper:1"});
  cache.Insert("home", Body(), generation, {}, {}, {"store"});
  const size_t bytes_before = cache.size_bytes();

  EXPECT_EQ(cache.DropTagged({"paper:1", "cat:cs.LG"}), 2u);
  EXPECT_FALSE(cache.Lookup("list|cs.AI").has_value());
  EXPECT_FALSE(cache.Lookup("paper|1").has_value());
  EXPECT_TRUE(cache.Lookup("list|cs.CL").has_value());
  EXPECT_TRUE(cache.Lookup("home").has_value());
  EXPECT_LT(cache.size_bytes(), bytes_before);

  // A page rendered before the drop may show what changed: it is not stored.
  cache.Insert("list|cs.AI", Body(), generation, {}, {}, {"day:cs.AI|2025-05-14"});
  EXPECT_FALSE(cache.Lookup("list|cs.AI").has_value());
  cache.Insert("list|cs.AI", Body(), cache.generation(), {}, {}, {"day:cs.AI|2025-05-14"});
  EXPECT_TRUE(cache.Lookup("list|cs.AI").has_value());
}

TEST(CacheTags, ADatedListShowsItsDayTheDaysUpToItsNeighboursAndItsCards) {
  const CategoryExpr expr = ParseCategoryExpr("cs.AI,cs.CL-cs.LG").value();
  const ListView view =
      ViewOf(Day("2025-05-14"), Day("2025-05-12"), Day("2025-05-15"), {"2505.00001"});
  EXPECT_THAT(ListTags(view, expr, false),
              ElementsAre("day:cs.AI|2025-05-14", "day:cs.AI|2025-05-13", "day:cs.CL|2025-05-14",
                          "day:cs.CL|2025-05-13", "paper:2505.00001"));
}

TEST(CacheTags, TheNewestDayOrAMissingOrFarNeighbourShowsTheWholeCategory) {
  const CategoryExpr expr = ParseCategoryExpr("cs.AI").value();
  EXPECT_THAT(ListTags(ViewOf(Day("2025-05-14"), Day("2025-05-13"), std::nullopt, {}), expr, false),
              Contains("cat:cs.AI"));
  EXPECT_THAT(ListTags(ViewOf(Day("2025-05-14"), Day("2025-05-13"), Day("2025-05-15"), {}), expr,
                       true),
              Contains("cat:cs.AI"));
  EXPECT_THAT(ListTags(ViewOf(Day("2025-05-14"), Day("2025-01-02"), Day("2025-05-15"), {}), expr,
                       false),
              Contains("cat:cs.AI"));
  EXPECT_THAT(ListTags(ViewOf(Day("2025-05-14"), Day("2025-05-13"), Day("2025-05-15"), {}), expr,
                       false),
              Not(Contains("cat:cs.AI")));
}

TEST(CacheTags, AChangeMakesItsListItsCategoryOrItsPaperStale) {
  store::PageChange list;
  list.list = store::CategoryDayKey{"cs.CL", Day("2025-05-17")};
  EXPECT_THAT(TagsChangedBy(list), ElementsAre("day:cs.CL|2025-05-17", "cat:cs.CL"));
  store::PageChange paper;
  paper.paper_id = "2505.00001";
  EXPECT_THAT(TagsChangedBy(paper), ElementsAre("paper:2505.00001"));
  store::PageChange every;
  every.every_paper = true;
  EXPECT_THAT(TagsChangedBy(every), ::testing::IsEmpty());
}

class PageCacheSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    sync_ = std::make_unique<PageCacheSync>(*store_, cache_,
                                            [this]() -> Result<uint64_t> { return stamp_; });
  }

  void Cache(const std::string& key, std::vector<std::string> tags) {
    cache_.Insert(key, std::make_shared<const std::string>("page"), cache_.generation(), {}, {},
                  std::move(tags));
  }
  bool Cached(const std::string& key) const { return cache_.Lookup(key).has_value(); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  PageCache cache_;
  uint64_t stamp_ = 1;
  std::unique_ptr<PageCacheSync> sync_;
};

TEST_F(PageCacheSyncTest, DropsWhatTheStoreSaysChangedAndKeepsTheRest) {
  ASSERT_TRUE(sync_->Poll());  // learns where the log stands: the sample's writes are old news
  Cache("cl-16", {"day:cs.CL|2025-05-16", "paper:2505.00006"});
  Cache("ai-14", {"day:cs.AI|2025-05-14", "paper:2505.00003"});
  Cache("paper-1", {"paper:2505.00001"});
  Cache("home", {std::string(kStoreTag)});
  ASSERT_TRUE(sync_->Poll());
  EXPECT_TRUE(Cached("cl-16") && Cached("ai-14") && Cached("paper-1") && Cached("home"));

  const PaperRecord record =
      testing::ListedRecord(testing::SamplePaper("2505.00001"), Day("2025-05-16"), 2);
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-16")}, {&record, 1}));
  ASSERT_TRUE(sync_->Poll());
  EXPECT_FALSE(Cached("cl-16"));
  EXPECT_TRUE(Cached("ai-14"));
  EXPECT_TRUE(Cached("paper-1")) << "the paper itself did not change, only where it is listed";
  EXPECT_TRUE(Cached("home")) << "the stamp reader says nothing moved";
  EXPECT_EQ(sync_->counts().pages_dropped, 1u);

  stamp_ = 2;
  ASSERT_TRUE(sync_->Poll());
  EXPECT_FALSE(Cached("home"));
  EXPECT_TRUE(Cached("ai-14"));
}

TEST_F(PageCacheSyncTest, DropsEverythingAfterAWriteOfVeryManyPapers) {
  ASSERT_TRUE(sync_->Poll());
  Cache("ai-14", {"day:cs.AI|2025-05-14"});
  std::vector<PaperRecord> records;
  for (size_t i = 0; i <= store::kMaxPaperChangesPerWrite; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "2506.%05zu", i);
    records.push_back(testing::ListedRecord(testing::SamplePaper(id), Day("2025-06-02"), 1));
  }
  ASSERT_TRUE(store_->WriteRecords(records));
  ASSERT_TRUE(sync_->Poll());
  EXPECT_FALSE(Cached("ai-14"));
  EXPECT_EQ(sync_->counts().full_drops, 1u);
  // And on from the latest change: nothing more to drop.
  Cache("ai-14", {"day:cs.AI|2025-05-14"});
  ASSERT_TRUE(sync_->Poll());
  EXPECT_TRUE(Cached("ai-14"));
}

}  // namespace
}  // namespace coolpapers::web
