// Issue #19 target 2 on a whole Site: a write drops from the page cache only what it changed.
// A cached answer comes back with the very body the cache holds (no render), which is how these
// tests tell a hit from a miss.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_faq_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using testing::Day;

class SiteCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    SiteOptions options;
    options.change_poll = std::chrono::milliseconds(5);
    site_ = std::make_unique<Site>(*store_, options);
  }

  Response Get(std::string_view target) { return site_->Handle(Request{"GET", target, false}); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Site> site_;
};

// Issue #19 target 2: a harvested (category, day) drops only the cached pages that show it.
// A cached answer comes back with the very body the cache holds (no render), which is how
// these checks tell a hit from a miss.
TEST_F(SiteCacheTest, AHarvestedDayKeepsOtherPagesCached) {
  const std::vector<std::string_view> kept = {
      "/arxiv/cs.AI?date=2025-05-14", "/arxiv/cs.AI", "/api/days/cs.AI",
      "/arxiv/cs.CL?date=2025-05-14",  // its neighbours are 13 and 16: the 17th is not between
      "/arxiv/2505.00001", "/api/arxiv/2505.00002"};
  const std::vector<std::string_view> dropped = {"/arxiv/cs.CL", "/api/days/cs.CL",
                                                 "/arxiv/cs.CL?date=2025-05-16", "/"};
  std::vector<std::shared_ptr<const std::string>> kept_bodies;
  for (std::string_view target : kept) kept_bodies.push_back(Get(target).body);
  for (size_t i = 0; i < kept.size(); ++i) {
    ASSERT_EQ(Get(kept[i]).body, kept_bodies[i]) << kept[i] << " is cached";
  }
  for (std::string_view target : dropped) Get(target);

  const PaperRecord record =
      testing::ListedRecord(testing::SamplePaper("2505.00007"), Day("2025-05-17"), 1);
  ASSERT_TRUE(store_->WriteDayList({"cs.CL", Day("2025-05-17")}, {&record, 1}).has_value());
  // The watcher polls every 5 ms; the bound only keeps a broken invalidation from hanging.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (Get("/arxiv/cs.CL").body->find("2505.00007") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_THAT(*Get("/arxiv/cs.CL").body, HasSubstr("2505.00007"));
  EXPECT_THAT(*Get("/api/days/cs.CL").body, HasSubstr("2025-05-17"));
  EXPECT_THAT(*Get("/arxiv/cs.CL?date=2025-05-16").body, HasSubstr("2025-05-17"))
      << "the day before links the new day";
  for (size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(Get(kept[i]).body, kept_bodies[i]) << kept[i] << " should still be cached";
  }
}

// A new FAQ answer drops that paper's page (it says which languages are stored), and the lists
// showing its card (a card is tagged with its paper, whatever changed of it), no other page.
TEST_F(SiteCacheTest, AnFaqAnswerDropsOnlyItsPapersPage) {
  auto faq = store::OpenSqliteFaqStore(dir_.path() / "coolpapers.sqlite");
  ASSERT_TRUE(faq) << faq.error().message;
  const auto other = Get("/arxiv/2505.00001").body;
  const auto list = Get("/arxiv/cs.CL?date=2025-05-16").body;  // 2505.00006 only
  const auto answered = Get("/arxiv/2505.00002").body;
  ASSERT_EQ(Get("/arxiv/2505.00002").body, answered);
  ASSERT_EQ(Get("/arxiv/2505.00001").body, other);
  ASSERT_EQ(Get("/arxiv/cs.CL?date=2025-05-16").body, list);

  FaqAnswer answer;
  answer.paper_id = "2505.00002";
  answer.version = 1;
  answer.model = "extractive";
  answer.extractive = true;
  FaqItem item;
  item.question_id = "q1";
  item.question = "What?";
  item.answer = "This.";
  answer.items.push_back(item);
  ASSERT_TRUE((*faq)->SaveAnswer(answer).has_value());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (Get("/arxiv/2505.00002").body == answered &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_NE(Get("/arxiv/2505.00002").body, answered);
  EXPECT_EQ(Get("/arxiv/2505.00001").body, other);
  EXPECT_EQ(Get("/arxiv/cs.CL?date=2025-05-16").body, list);
}


// Issue #19 target 6: the page caches' bound is one, shared: pages get three quarters of it,
// search results the rest (each had the whole bound, so serve held up to twice what
// --page-cache-mb says).
TEST(SiteCacheBudget, PagesAndSearchResultsShareOneBound) {
  coolpapers::testing::TempDir dir;
  auto store = testing::OpenSampleStore(dir.path());
  ASSERT_NE(store, nullptr);
  SiteOptions options;
  options.cache.max_bytes = 64 * 1024;
  Site site(*store, options);
  EXPECT_EQ(site.cache().max_bytes(), 48 * 1024u);
  EXPECT_EQ(site.search_cache().max_bytes(), 16 * 1024u);
  // Pages past the bound push older ones out rather than grow the cache.
  for (const char* target : {"/arxiv/cs.CL", "/arxiv/cs.AI", "/arxiv/cs.LG", "/api/days/cs.CL",
                             "/arxiv/2505.00001", "/arxiv/2505.00002", "/", "/arxiv/cs.CV"}) {
    site.Handle(Request{"GET", target, false});
  }
  EXPECT_GT(site.cache().page_count(), 0u);
  EXPECT_LE(site.cache().size_bytes(), 48 * 1024u);
}

}  // namespace
}  // namespace coolpapers::web
