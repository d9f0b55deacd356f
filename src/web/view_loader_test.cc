#include "web/view_loader.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/category.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::ElementsAre;
using testing::Day;

std::vector<std::string> IdsOf(const ListView& view) {
  std::vector<std::string> ids;
  for (const ListedCard& card : view.cards) ids.push_back(card.paper.id);
  return ids;
}

CategoryExpr Expr(std::string_view text) { return ParseCategoryExpr(text).value(); }

class ViewLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(ViewLoaderTest, LoadsADayInArxivOrderWithItsNeighbours) {
  Result<ListView> view = LoadListView(*store_, nullptr, Expr("cs.CL"), Day("2025-05-14"), 0, 25);
  ASSERT_TRUE(view.has_value()) << view.error().message;
  EXPECT_EQ(view->expression, "cs.CL");
  EXPECT_EQ(view->heading, "Computation and Language (cs.CL)");
  EXPECT_EQ(view->day, Day("2025-05-14"));
  EXPECT_EQ(view->total, 4);
  EXPECT_EQ(view->previous_day, Day("2025-05-13"));
  EXPECT_EQ(view->next_day, Day("2025-05-16"));
  EXPECT_THAT(IdsOf(*view), ElementsAre("2505.00002", "2505.00003", "2505.00005", "2505.00004"));
  EXPECT_EQ(view->cards[0].type, AnnounceType::kNew);
  EXPECT_EQ(view->cards[3].type, AnnounceType::kCross);
}

TEST_F(ViewLoaderTest, LoadsOneSlice) {
  Result<ListView> view = LoadListView(*store_, nullptr, Expr("cs.CL"), Day("2025-05-14"), 1, 2);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->total, 4);
  EXPECT_EQ(view->skip, 1);
  EXPECT_THAT(IdsOf(*view), ElementsAre("2505.00003", "2505.00005"));
  Result<ListView> past_end = LoadListView(*store_, nullptr, Expr("cs.CL"), Day("2025-05-14"), 10, 25);
  ASSERT_TRUE(past_end.has_value());
  EXPECT_TRUE(past_end->cards.empty());
}

TEST_F(ViewLoaderTest, PicksTheNewestDayWhenNoneIsAsked) {
  Result<ListView> view = LoadListView(*store_, nullptr, Expr("cs.CL"), std::nullopt, 0, 25);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->day, Day("2025-05-16"));
  EXPECT_EQ(view->previous_day, Day("2025-05-14"));
  EXPECT_EQ(view->next_day, std::nullopt);
}

TEST_F(ViewLoaderTest, AnswersAnEmptyDayWithItsNeighbours) {
  Result<ListView> view = LoadListView(*store_, nullptr, Expr("cs.CL"), Day("2025-05-15"), 0, 25);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->total, 0);
  EXPECT_EQ(view->previous_day, Day("2025-05-14"));
  EXPECT_EQ(view->next_day, Day("2025-05-16"));
}

TEST_F(ViewLoaderTest, ReportsAnExpressionWithoutData) {
  Result<ListView> view = LoadListView(*store_, nullptr, Expr("cs.AR"), std::nullopt, 0, 25);
  ASSERT_FALSE(view.has_value());
  EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(view.error().message, "no papers are listed in cs.AR yet");
}

TEST_F(ViewLoaderTest, LoadsUnionsAndDifferences) {
  Result<ListView> both = LoadListView(*store_, nullptr, Expr("cs.AI,cs.CL"), Day("2025-05-14"), 0, 25);
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->total, 4);
  EXPECT_EQ(both->heading, "cs.AI,cs.CL");
  Result<ListView> minus = LoadListView(*store_, nullptr, Expr("cs.CL-cs.AI"), Day("2025-05-14"), 0, 25);
  ASSERT_TRUE(minus.has_value());
  EXPECT_THAT(IdsOf(*minus), ElementsAre("2505.00002", "2505.00005"));
}

TEST_F(ViewLoaderTest, LoadsPapersInTheOrderAskedAndNamesTheMissing) {
  const std::vector<ArxivId> ids = {ArxivId::Parse("2505.00003").value(),
                                    ArxivId::Parse("2401.99999").value(),
                                    ArxivId::Parse("2505.00001").value()};
  Result<PapersView> view = LoadPapersView(*store_, ids);
  ASSERT_TRUE(view.has_value());
  ASSERT_EQ(view->papers.size(), 2u);
  EXPECT_EQ(view->papers[0].id, "2505.00003");
  EXPECT_EQ(view->papers[1].id, "2505.00001");
  EXPECT_THAT(view->missing, ElementsAre("2401.99999"));
}

TEST_F(ViewLoaderTest, ReportsPapersNotInTheStore) {
  const std::vector<ArxivId> ids = {ArxivId::Parse("2401.99999").value(),
                                    ArxivId::Parse("hep-th/9901001").value()};
  Result<PapersView> view = LoadPapersView(*store_, ids);
  ASSERT_FALSE(view.has_value());
  EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(view.error().message,
            "no paper 2401.99999, hep-th/9901001 in this store: import its metadata first");
}

TEST_F(ViewLoaderTest, LoadsTheHomePage) {
  Result<HomeView> view = LoadHomeView(*store_, nullptr);
  ASSERT_TRUE(view.has_value());
  const HomeCategory* cs_cl = nullptr;
  for (const HomeGroup& group : view->groups) {
    for (const HomeCategory& category : group.categories) {
      if (category.id == "cs.CL") cs_cl = &category;
    }
  }
  ASSERT_NE(cs_cl, nullptr);
  EXPECT_EQ(cs_cl->newest_day, Day("2025-05-16"));
  EXPECT_EQ(cs_cl->paper_count, 1);
}

TEST(BuildHomeView, ListsActiveCanonicalCategoriesByGroup) {
  const store::CategoryDay days[] = {{"cs.AI", Day("2025-05-14"), 312}};
  const HomeView view = BuildHomeView(days);
  std::vector<std::string> group_names;
  std::vector<std::string> ids;
  for (const HomeGroup& group : view.groups) {
    group_names.push_back(group.name);
    for (const HomeCategory& category : group.categories) ids.push_back(category.id);
  }
  std::vector<std::string> expected_groups;
  for (const CategoryGroup& group : AllCategoryGroups()) {
    if (!group.is_test) expected_groups.emplace_back(group.name);
  }
  EXPECT_EQ(group_names, expected_groups);
  const auto has = [&](std::string_view id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has("cs.AI"));
  EXPECT_TRUE(has("math.NA"));
  EXPECT_TRUE(has("hep-th"));
  EXPECT_FALSE(has("cs.NA"));   // an alias of math.NA
  EXPECT_FALSE(has("cmp-lg"));  // legacy, subsumed into cs.CL
  for (const HomeGroup& group : view.groups) {
    for (const HomeCategory& category : group.categories) {
      if (category.id == "cs.AI") {
        EXPECT_EQ(category.newest_day, Day("2025-05-14"));
        EXPECT_EQ(category.paper_count, 312);
      } else {
        EXPECT_EQ(category.newest_day, std::nullopt) << category.id;
      }
    }
  }
}

}  // namespace
}  // namespace coolpapers::web
