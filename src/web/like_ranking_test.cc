// "Like my stars" on a day's list (like_ranking.h): the page, its JSON and its personal feed,
// ranked by the real search index over papers on distinct subjects (TopicalDays).
#include "web/like_ranking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using testing::CardIds;
using testing::GetRequest;

class LikeRankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = testing::OpenSearchableSite(dir_.path(), testing::TopicalDays());
    ASSERT_NE(sample_.site, nullptr);
  }

  Response Get(std::string_view target) { return sample_.site->Handle(GetRequest(target)); }

  // The ids of the JSON list at `target`, in its order.
  std::vector<std::string> ApiIds(std::string_view target) {
    const Response response = Get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << *response.body;
    std::vector<std::string> ids;
    if (response.status != 200) return ids;
    const nlohmann::json list = nlohmann::json::parse(*response.body);
    for (const auto& paper : list["papers"]) {
      ids.push_back(paper["id"]);
    }
    return ids;
  }

  coolpapers::testing::TempDir dir_;
  testing::SearchableSampleSite sample_;
};

constexpr std::string_view kDay = "/api/arxiv/cs.CL?date=2025-06-02";

TEST_F(LikeRankingTest, ArxivOrderWithoutTheSort) {
  EXPECT_THAT(ApiIds(kDay), ElementsAre("2506.00001", "2506.00002", "2506.00003", "2506.00004",
                                        "2506.00005"));
}

TEST_F(LikeRankingTest, StarsBringTheirSubjectFirstAndKeepArxivOrderForTheRest) {
  const std::vector<std::string> ids =
      ApiIds(std::string(kDay) + "&sort=like&stars=2506.00010");
  ASSERT_EQ(ids.size(), 5u);
  // Both speculative-decoding papers first, then the others in arXiv order.
  EXPECT_THAT(std::vector<std::string>(ids.begin(), ids.begin() + 2),
              UnorderedElementsAre("2506.00001", "2506.00004"));
  EXPECT_THAT(std::vector<std::string>(ids.begin() + 2, ids.end()),
              ElementsAre("2506.00002", "2506.00003", "2506.00005"));

  // Another star, another subject: the protein paper leads.
  EXPECT_EQ(ApiIds(std::string(kDay) + "&sort=like&stars=2505.99990").front(), "2506.00003");
}

TEST_F(LikeRankingTest, KeywordsRankByPhrasesAndWords) {
  EXPECT_EQ(ApiIds(std::string(kDay) + "&sort=like&keywords=protein+folding").front(),
            "2506.00003");
  EXPECT_EQ(ApiIds(std::string(kDay) + "&sort=like&keywords=grasping,cloth").front(),
            "2506.00005");
  // A phrase matches as a phrase: "decoding speculative" is in no paper.
  const std::vector<std::string> ids =
      ApiIds(std::string(kDay) + "&sort=like&keywords=%22decoding+speculative%22,robot");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "2506.00005");
}

TEST_F(LikeRankingTest, PagesAreSlicesOfTheRankedDayAndNeverCached) {
  const size_t cached = sample_.site->cache().page_count();
  const Response page = Get("/arxiv/cs.CL?date=2025-06-02&sort=like&stars=2505.99990&show=2");
  ASSERT_EQ(page.status, 200) << *page.body;
  EXPECT_EQ(CardIds(*page.body).front(), "2506.00003");
  EXPECT_EQ(CardIds(*page.body).size(), 2u);
  EXPECT_THAT(*page.body, HasSubstr("data-expression=\"cs.CL\" data-day=\"2025-06-02\""));
  // The second slice of the ranked day: arXiv order after the protein paper.
  EXPECT_THAT(ApiIds(std::string(kDay) + "&sort=like&stars=2505.99990&skip=1&show=2"),
              ElementsAre("2506.00001", "2506.00002"));
  // Nothing about the reader's stars stays in the site.
  EXPECT_EQ(sample_.site->cache().page_count(), cached);
}

TEST_F(LikeRankingTest, TheUrlIsBounded) {
  std::string stars;
  for (int i = 1; i <= 101; ++i) stars += (i > 1 ? "," : "") + std::to_string(250600000 + i).insert(4, ".");
  const Response many = Get(std::string(kDay) + "&sort=like&stars=" + stars);
  EXPECT_EQ(many.status, 400);
  EXPECT_THAT(*many.body, HasSubstr("at most 100"));
  const Response bad = Get(std::string(kDay) + "&sort=like&stars=2506.00010,nonsense");
  EXPECT_EQ(bad.status, 400);
  const Response long_keyword = Get(std::string(kDay) + "&sort=like&keywords=" + std::string(61, 'a'));
  EXPECT_EQ(long_keyword.status, 400);
  EXPECT_THAT(*long_keyword.body, HasSubstr("at most 60 characters"));
  EXPECT_EQ(Get("/api/search?query=decoding&sort=like").status, 400);
  // Stars are canonical ids: versions and repeats are dropped.
  Result<std::vector<ArxivId>> parsed = ParseStarIds("2506.00010v2, 2506.00010,2505.99990");
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ(parsed->front().str(), "2506.00010");
}

TEST_F(LikeRankingTest, WithoutAnIndexOnlyTheUnrankedDayAnswers) {
  coolpapers::testing::TempDir plain;
  auto store = testing::OpenStoreWith(plain.path(), testing::TopicalDays());
  ASSERT_NE(store, nullptr);
  Site site(*store);
  EXPECT_EQ(site.Handle(GetRequest("/api/arxiv/cs.CL?date=2025-06-02&sort=like&stars=2506.00010"))
                .status,
            503);
  // sort=like kept in a URL without stars: arXiv order, index or not.
  EXPECT_EQ(site.Handle(GetRequest("/arxiv/cs.CL?date=2025-06-02&sort=like")).status, 200);
}

TEST_F(LikeRankingTest, PersonalFeedIsRankedAndLinksItself) {
  const Response feed =
      Get("/arxiv/cs.CL/feed?sort=like&stars=2505.99990&keywords=speculative+decoding");
  ASSERT_EQ(feed.status, 200) << *feed.body;
  EXPECT_THAT(*feed.body, HasSubstr("like my stars"));
  EXPECT_THAT(*feed.body,
              HasSubstr("/arxiv/cs.CL/feed?sort=like&amp;stars=2505.99990&amp;keywords="
                        "speculative+decoding\""));
  const size_t protein = feed.body->find("Protein Folding from Sequence Alone");
  const size_t grasp = feed.body->find("Learning to Grasp Deformable Objects");
  ASSERT_NE(protein, std::string::npos);
  ASSERT_NE(grasp, std::string::npos);
  EXPECT_LT(protein, grasp);
  // The plain feed is unchanged.
  EXPECT_THAT(*Get("/arxiv/cs.CL/feed").body, Not(HasSubstr("like my stars")));
}

}  // namespace
}  // namespace coolpapers::web
