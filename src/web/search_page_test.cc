// The search page and /api/search through the Site, on the sample store indexed for real.
#include "web/pages/search_page.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <chrono>
#include <regex>
#include <thread>
#include <string>
#include <vector>

#include "search/paper_indexer.h"
#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::ElementsAre;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using testing::CardIds;
using testing::GetRequest;

class SearchPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = testing::OpenSearchableSampleSite(dir_.path());
    ASSERT_NE(sample_.site, nullptr);
  }

  Response Get(std::string_view target) { return sample_.site->Handle(GetRequest(target)); }

  coolpapers::testing::TempDir dir_;
  testing::SearchableSampleSite sample_;
};

TEST_F(SearchPageTest, ShowsMatchesAsCardsWithTheCount) {
  const Response response = Get("/arxiv/search?query=Paper+2505.00003");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kHtmlType);
  EXPECT_THAT(CardIds(*response.body), ElementsAre("2505.00003"));
  EXPECT_THAT(*response.body, HasSubstr("Total: 1"));
  EXPECT_THAT(*response.body,
              HasSubstr("<a class=\"index\" href=\"https://arxiv.org/abs/2505.00003\">#1</a>"));
}

TEST_F(SearchPageTest, AuthorLinksOfCardsFindTheirPapers) {
  const Response list = Get("/arxiv/cs.CL?date=2025-05-13");
  const std::smatch link = [&] {
    std::smatch m;
    std::regex_search(*list.body, m, std::regex(R"re(<a class="author" href="([^"]+)")re"));
    return m;
  }();
  ASSERT_FALSE(link.empty());
  const std::string target = std::regex_replace(link[1].str(), std::regex("&amp;"), "&");
  const Response found = Get(target);
  EXPECT_EQ(found.status, 200) << target;
  EXPECT_THAT(CardIds(*found.body), ::testing::Contains("2505.00001")) << target;
}

TEST_F(SearchPageTest, HighlightMarksQueryWordsOnly) {
  const std::string page = *Get("/arxiv/search?query=paper+2505.00002&highlight=1").body;
  EXPECT_THAT(page, HasSubstr("<mark>Paper</mark> <mark>2505.00002</mark>"));
  EXPECT_THAT(*Get("/arxiv/search?query=paper+2505.00002").body, Not(HasSubstr("<mark>")));
}

TEST_F(SearchPageTest, PagesAndSortsResults) {
  const std::string first = *Get("/arxiv/search?query=paper&show=2").body;
  EXPECT_EQ(CardIds(first).size(), 2u);
  EXPECT_THAT(first, HasSubstr("href=\"/arxiv/search?query=paper&amp;skip=2&amp;show=2\""));
  const std::string by_time = *Get("/arxiv/search?query=paper&sort=time").body;
  EXPECT_EQ(CardIds(by_time).back(), "2505.00001");  // the only one first listed on 2025-05-13
  EXPECT_EQ(Get("/arxiv/search?query=paper&sort=stars").status, 200);
  EXPECT_EQ(Get("/arxiv/search?query=paper&sort=sideways").status, 400);
}

TEST_F(SearchPageTest, EmptyQueryShowsTheForm) {
  const Response response = Get("/arxiv/search");
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(*response.body, HasSubstr("<form class=\"search\""));
  EXPECT_TRUE(CardIds(*response.body).empty());
}

TEST_F(SearchPageTest, HostileQueriesGet400WithAMessage) {
  struct Case {
    std::string target;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"/arxiv/search?query=" + std::string(10 * 1024, 'a'), "too long"},
      {"/arxiv/search?query=author%3A", "author: needs something after it"},
      {"/arxiv/search?query=%22", "unclosed quote"},
      {"/arxiv/search?query=%22paper+2505.00004", "unclosed quote"},
      {"/arxiv/search?query=%01%02%7F", "nothing to search for"},
      {"/arxiv/search?query=cat%3Acs.XX", "cs.XX"},
  };
  for (const Case& c : cases) {
    const Response response = Get(c.target);
    EXPECT_EQ(response.status, 400) << c.target.substr(0, 60);
    EXPECT_THAT(*response.body, HasSubstr(c.message_part)) << c.target.substr(0, 60);
  }
  // The page keeps its search box, holding the query, with the reason under it.
  const std::string page = *Get("/arxiv/search?query=%22paper+2505.00004").body;
  EXPECT_THAT(page, HasSubstr("name=\"query\" aria-label=\"Search\" value=\"&quot;paper 2505.00004\""));
  EXPECT_THAT(page, HasSubstr("</form>\n<p class=\"query-error\" role=\"alert\">the query has an unclosed quote"));
  EXPECT_THAT(page, HasSubstr("<details class=\"search-help\" open><summary>Search syntax</summary>"));
}

TEST_F(SearchPageTest, AnArxivIdOpensThePaper) {
  for (const std::string_view target : {"/arxiv/search?query=2505.00003",
                                        "/arxiv/search?query=arXiv%3A2505.00003v2",
                                        "/arxiv/search?query=+2505.00003+"}) {
    const Response response = Get(target);
    EXPECT_EQ(response.status, 301) << target;
    EXPECT_THAT(response.headers, Contains(std::pair<std::string, std::string>(
                                      "Location", "/arxiv/2505.00003")))
        << target;
  }
  // Words and ids together are a search; so is the API's.
  EXPECT_EQ(Get("/arxiv/search?query=paper+2505.00003").status, 200);
  EXPECT_EQ(Get("/api/search?query=2505.00003").status, 200);
}

TEST_F(SearchPageTest, PapersCoolFaqLinksOpenThePaperWithItsFaq) {
  for (const std::string_view target : {"/arxiv/kimi?paper=2505.00003", "/arxiv/kimi/2505.00003v1"}) {
    const Response response = Get(target);
    EXPECT_EQ(response.status, 301) << target;
    EXPECT_THAT(response.headers, Contains(std::pair<std::string, std::string>(
                                      "Location", "/arxiv/2505.00003#faq")))
        << target;
  }
  EXPECT_EQ(Get("/arxiv/kimi?paper=nonsense").status, 400);
}

TEST_F(SearchPageTest, ApiAnswersJsonAndJsonErrors) {
  const Response response = Get("/api/search?query=paper&show=3");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonType);
  const nlohmann::json json = nlohmann::json::parse(*response.body);
  EXPECT_EQ(json["query"], "paper");
  EXPECT_EQ(json["total"], 5);  // every sample paper but the hostile one is titled "Paper ..."
  EXPECT_EQ(json["papers"].size(), 3u);
  const Response bad = Get("/api/search?query=author%3A");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(*bad.body)["error"]["code"], "invalid_argument");
}

TEST(SearchPage, WithoutAnIndexSearchIsUnavailable) {
  coolpapers::testing::TempDir dir;
  auto store = testing::OpenSampleStore(dir.path());
  ASSERT_NE(store, nullptr);
  Site site(*store);
  EXPECT_EQ(site.Handle(GetRequest("/arxiv/search?query=paper")).status, 503);
}

// [REL] through the site, as JSON. (Which papers are related is tested on real data in
// searcher_real_data_test.cc; these sample papers share almost every word.)
TEST_F(SearchPageTest, RelatedPapersComeWithTheirKeywords) {
  const Response response = Get("/api/related/2505.00003?show=3");
  ASSERT_EQ(response.status, 200) << *response.body;
  EXPECT_EQ(response.content_type, kJsonType);
  const auto json = nlohmann::json::parse(*response.body);
  EXPECT_EQ(json["id"], "2505.00003");
  EXPECT_TRUE(json["keywords"].is_array());
  EXPECT_LE(json["papers"].size(), 3u);
  for (const auto& paper : json["papers"]) EXPECT_NE(paper["id"], "2505.00003");

  // The hostile paper's words are its own: keywords, but nobody shares them.
  const auto hostile = nlohmann::json::parse(*Get("/api/related/2505.00005").body);
  EXPECT_FALSE(hostile["keywords"].empty());
  EXPECT_THAT(hostile["keywords"].dump(), Not(HasSubstr("<")));
  EXPECT_TRUE(hostile["papers"].empty());

  EXPECT_EQ(Get("/api/related/2501.99999").status, 404);
  EXPECT_EQ(Get("/api/related/not-an-id").status, 400);
}

TEST_F(SearchPageTest, ResultsAreCachedUntilTheIndexChanges) {
  const std::string target = "/arxiv/search?query=zymurgy";
  EXPECT_THAT(CardIds(*Get(target).body), IsEmpty());
  const size_t cached = sample_.site->search_cache().page_count();
  EXPECT_GE(cached, 1u);
  EXPECT_THAT(CardIds(*Get(target).body), IsEmpty());
  EXPECT_EQ(sample_.site->search_cache().page_count(), cached);  // answered from the cache

  // The word arrives in the index (the store's text is unchanged; the index is what moved).
  Result<std::vector<Paper>> papers = sample_.store->PapersByIds(std::vector<std::string>{"2505.00003"});
  ASSERT_TRUE(papers && papers->size() == 1u);
  papers->front().title += " zymurgy";
  {
    auto indexer = search::PaperIndexer::Open(dir_.path() / "index");
    ASSERT_TRUE(indexer) << indexer.error().detail;
    ASSERT_TRUE((*indexer)->Index(*papers));
  }
  // The site's watcher polls the index every half second (SiteOptions); allow it ten.
  std::vector<std::string> found;
  for (int attempt = 0; attempt < 100 && found.empty(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    found = CardIds(*Get(target).body);
  }
  EXPECT_THAT(found, Contains("2505.00003"));
}

// Star sorts too, for the minute (issue #18 finding 6: every one read 1,000 matches).
TEST_F(SearchPageTest, SearchFeedsAndStarSortsAreCached) {
  const size_t before = sample_.site->search_cache().page_count();
  EXPECT_EQ(Get("/arxiv/search/feed?query=paper").status, 200);
  EXPECT_EQ(sample_.site->search_cache().page_count(), before + 1);
  EXPECT_EQ(Get("/arxiv/search?query=paper&sort=stars").status, 200);
  EXPECT_EQ(sample_.site->search_cache().page_count(), before + 2);
  EXPECT_EQ(Get("/arxiv/search?sort=stars&query=paper%20").status, 200);  // the same search
  EXPECT_LE(sample_.site->search_cache().page_count(), before + 3);  // +3 only across a minute
}

}  // namespace
}  // namespace coolpapers::web
