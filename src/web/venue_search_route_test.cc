// /venue/search, /api/venue/search and related papers across branches, through the Site, on
// arXiv papers (TopicalDays) and a few venue papers of our own, indexed for real.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

using testing::CardIds;
using testing::GetRequest;

// The ids of the venue cards of a page (div.panel.paper.venue-paper), in page order.
std::vector<std::string> VenueCardIds(const std::string& html) {
  static const std::regex kCard(R"re(<div class="panel paper venue-paper" id="([^"]+)")re");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), kCard), end; it != end; ++it) {
    ids.push_back((*it)[1]);
  }
  return ids;
}

VenuePaper MakeVenuePaper(std::string anthology_id, std::string edition, std::string title,
                          std::string abstract) {
  VenuePaper paper;
  paper.id = {.source = VenueSource::kAcl, .local = std::move(anthology_id), .qualifier = ""};
  paper.edition = std::move(edition);
  paper.title = std::move(title);
  paper.authors = {{"Lin Wei", "Tsinghua University"}};
  paper.abstract = std::move(abstract);
  paper.group = "Long";
  paper.status = std::string(kStatusAccept);
  return paper;
}

class VenueSearchRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = testing::OpenSearchableSite(dir_.path(), testing::TopicalDays());
    ASSERT_NE(sample_.site, nullptr);
    auto venues = store::OpenSqliteVenueStore(dir_.path() / "coolpapers.sqlite");
    ASSERT_TRUE(venues) << venues.error().detail;
    venues_ = std::move(*venues);
    VenueEdition edition;
    edition.venue = "NAACL";
    edition.year = 2024;
    edition.start_date = "2024-06-16";
    ASSERT_TRUE(venues_->WriteEdition(edition));
    ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{
        MakeVenuePaper("2024.naacl-long.1", "NAACL.2024", "Speculative Decoding for Translation",
                       "Speculative decoding with a draft model speeds up translation inference."),
        MakeVenuePaper("2024.naacl-long.2", "NAACL.2024", "Protein Language Models",
                       "Protein sequences read by language models predict structure."),
    }));
    {
      auto indexer = search::PaperIndexer::Open(dir_.path() / "index");
      ASSERT_TRUE(indexer) << indexer.error().detail;
      ASSERT_EQ(search::SyncVenueIndex(*venues_, **indexer), 2);
    }
    SiteServices services;
    services.searcher = sample_.searcher.get();
    services.venues = venues_.get();
    site_ = std::make_unique<Site>(*sample_.store, SiteOptions{}, std::move(services));
  }

  Response Get(std::string_view target) { return site_->Handle(GetRequest(target)); }

  coolpapers::testing::TempDir dir_;
  testing::SearchableSampleSite sample_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<Site> site_;
};

TEST_F(VenueSearchRouteTest, VenueSearchShowsVenueCardsOnly) {
  const Response response = Get("/venue/search?query=speculative+decoding");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kHtmlType);
  EXPECT_THAT(VenueCardIds(*response.body), ElementsAre("2024.naacl-long.1@ACL"));
  EXPECT_THAT(CardIds(*response.body), IsEmpty());  // no arXiv card
  EXPECT_THAT(*response.body, HasSubstr("Total: 1<"));
  EXPECT_THAT(*response.body, HasSubstr("<h1>Venue search</h1>"));
  EXPECT_THAT(*response.body, HasSubstr("action=\"/venue/search\""));
  // A venue card: its page on this site, its edition and group.
  EXPECT_THAT(*response.body, HasSubstr("href=\"/venue/2024.naacl-long.1%40ACL\""));
  EXPECT_THAT(*response.body, HasSubstr("NAACL.2024 - Long"));
}

TEST_F(VenueSearchRouteTest, ArxivSearchHoldsBothBranchesUnlessOneIsAsked) {
  // The same query on /arxiv/search first: the venue page must not be served from its cache.
  const std::string both = *Get("/arxiv/search?query=speculative+decoding").body;
  EXPECT_THAT(VenueCardIds(both), ElementsAre("2024.naacl-long.1@ACL"));
  EXPECT_THAT(CardIds(both), UnorderedElementsAre("2506.00001", "2506.00004", "2506.00010"));
  const std::string arxiv = *Get("/arxiv/search?query=speculative+decoding+branch%3Aarxiv").body;
  EXPECT_THAT(VenueCardIds(arxiv), IsEmpty());
  EXPECT_EQ(CardIds(arxiv).size(), 3u);
  EXPECT_THAT(VenueCardIds(*Get("/venue/search?query=speculative+decoding").body),
              ElementsAre("2024.naacl-long.1@ACL"));
}

TEST_F(VenueSearchRouteTest, VenueFieldDatesAndPagingStayOnTheVenueBranch) {
  EXPECT_THAT(VenueCardIds(*Get("/venue/search?query=venue%3Anaacl").body),
              UnorderedElementsAre("2024.naacl-long.1@ACL", "2024.naacl-long.2@ACL"));
  EXPECT_THAT(VenueCardIds(*Get("/venue/search?query=venue%3Anaacl+date%3A2024-06").body),
              UnorderedElementsAre("2024.naacl-long.1@ACL", "2024.naacl-long.2@ACL"));
  EXPECT_THAT(*Get("/venue/search?query=venue%3Anaacl+date%3A2025").body,
              HasSubstr("No papers match"));
  const std::string first = *Get("/venue/search?query=venue%3Anaacl&show=1").body;
  EXPECT_EQ(VenueCardIds(first).size(), 1u);
  EXPECT_THAT(first, HasSubstr("href=\"/venue/search?query=venue%3Anaacl&amp;skip=1&amp;show=1\""));
  // A refused query comes back in the venue page's box.
  const Response refused = Get("/venue/search?query=branch%3Amars");
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(*refused.body, HasSubstr("action=\"/venue/search\""));
  EXPECT_THAT(*refused.body, HasSubstr("unknown branch"));
}

TEST_F(VenueSearchRouteTest, TheApiAnswersVenuePapers) {
  const Response response = Get("/api/venue/search?query=protein");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonType);
  const nlohmann::json json = nlohmann::json::parse(*response.body);
  EXPECT_EQ(json["total"], 1);
  ASSERT_EQ(json["papers"].size(), 1u);
  EXPECT_EQ(json["papers"][0]["id"], "2024.naacl-long.2@ACL");
  EXPECT_EQ(json["papers"][0]["branch"], "venue");
  EXPECT_EQ(json["papers"][0]["edition"], "NAACL.2024");
  EXPECT_EQ(json["papers"][0]["url"], "/venue/2024.naacl-long.2%40ACL");
  EXPECT_EQ(json["papers"][0]["authors"][0]["affiliation"], "Tsinghua University");
  // /api/search mixes both, each in its own shape.
  const nlohmann::json mixed = nlohmann::json::parse(*Get("/api/search?query=protein").body);
  std::vector<std::string> ids;
  for (const nlohmann::json& paper : mixed["papers"]) ids.push_back(paper["id"]);
  EXPECT_THAT(ids, Contains("2024.naacl-long.2@ACL"));
  EXPECT_THAT(ids, Contains("2506.00003"));
}

TEST_F(VenueSearchRouteTest, RelatedPapersCrossBranches) {
  const Response of_arxiv = Get("/api/related/2506.00004");
  ASSERT_EQ(of_arxiv.status, 200) << *of_arxiv.body;
  const nlohmann::json arxiv_json = nlohmann::json::parse(*of_arxiv.body);
  std::vector<std::string> ids;
  for (const nlohmann::json& paper : arxiv_json["papers"]) ids.push_back(paper["id"]);
  EXPECT_THAT(ids, Contains("2024.naacl-long.1@ACL")) << *of_arxiv.body;
  const Response of_venue = Get("/api/related/2024.naacl-long.1%40ACL");
  ASSERT_EQ(of_venue.status, 200) << *of_venue.body;
  const nlohmann::json json = nlohmann::json::parse(*of_venue.body);
  EXPECT_EQ(json["id"], "2024.naacl-long.1@ACL");
  ids.clear();
  for (const nlohmann::json& paper : json["papers"]) ids.push_back(paper["id"]);
  EXPECT_THAT(ids, Contains("2506.00004"));
  EXPECT_THAT(ids, Not(Contains("2024.naacl-long.1@ACL")));
  EXPECT_EQ(Get("/api/related/nothing%40Nowhere").status, 400);
}

}  // namespace
}  // namespace coolpapers::web
