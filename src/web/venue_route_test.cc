// /venue/<NAME.YEAR>, /venue/<id>@<SOURCE> and their /api/venue/ JSON, through the site, over a
// SQLite venue store holding a few hand-written papers.
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/pages/coins.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

VenuePaper OpenReviewPaper(std::string forum, std::string title, std::string group,
                           int64_t position) {
  VenuePaper paper;
  paper.id = ParseVenuePaperId(forum + "@OpenReview").value();
  paper.edition = "ICLR.2024";
  paper.position = position;
  paper.title = std::move(title);
  paper.authors = {{"Ada Lovelace", "University of London"}, {"Charles Babbage", ""}};
  paper.abstract = "We study engines.";
  paper.track = "main";
  paper.group = group;
  paper.status = "Accept";
  paper.presentation = group;
  paper.pdf_url = "https://openreview.net/pdf?id=" + forum;
  paper.landing_url = "https://openreview.net/forum?id=" + forum;
  return paper;
}

class VenueRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    auto venues = store::OpenSqliteVenueStore(dir_.path() / "coolpapers.sqlite");
    ASSERT_TRUE(venues) << venues.error().message;
    venues_ = *std::move(venues);

    VenueEdition iclr = ParseEditionTag("ICLR.2024").value();
    iclr.full_name = "International Conference on Learning Representations";
    iclr.sources = {"OpenReview"};
    iclr.official_count = 5;
    iclr.official_count_source = "OpenReview API";
    ASSERT_TRUE(venues_->WriteEdition(iclr));
    // An older edition without papers: /venue/ICLR is still 2024's.
    ASSERT_TRUE(venues_->WriteEdition(ParseEditionTag("ICLR.2023").value()));
    VenueEdition naacl = ParseEditionTag("NAACL.2024").value();
    ASSERT_TRUE(venues_->WriteEdition(naacl));

    std::vector<VenuePaper> papers;
    papers.push_back(OpenReviewPaper("oralAAAA01", "Engines That Think", "Oral", 1));
    papers.back().arxiv_id = "2505.00002";
    papers.back().arxiv_link = ArxivLink::kSource;
    papers.push_back(OpenReviewPaper("posterBB02", "Difference Engines", "Poster", 2));
    papers.push_back(OpenReviewPaper("posterCC03", std::string(testing::kScriptPayload), "Poster", 3));
    papers.back().authors = {{std::string(testing::kImgPayload), std::string(testing::kScriptPayload)}};
    VenuePaper acl;
    acl.id = ParseVenuePaperId("2024.naacl-long.431@ACL").value();
    acl.edition = "NAACL.2024";
    acl.title = "Naive Bayes-based Context Extension for Large Language Models";
    acl.authors = {{"Jianlin Su", ""}};
    acl.group = "Long";
    acl.status = "Accept";
    acl.doi = "10.18653/v1/2024.naacl-long.431";
    acl.pages = "7791-7807";
    acl.pdf_url = "https://aclanthology.org/2024.naacl-long.431.pdf";
    acl.landing_url = "https://aclanthology.org/2024.naacl-long.431/";
    papers.push_back(acl);
    ASSERT_TRUE(venues_->WriteVenuePapers(papers));

    services_.venues = venues_.get();
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, services_);
  }

  Response Get(std::string_view target) { return site_->Handle(testing::GetRequest(target)); }
  static nlohmann::json Json(const Response& response) {
    return nlohmann::json::parse(*response.body);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::VenueStore> venues_;
  SiteServices services_;
  std::unique_ptr<Site> site_;
};

TEST_F(VenueRouteTest, AnEditionListsItsPapersAsCardsWithGroupsAndCoins) {
  const Response page = Get("/venue/ICLR.2024");
  ASSERT_EQ(page.status, 200) << *page.body;
  EXPECT_EQ(page.content_type, kHtmlType);
  const std::string& html = *page.body;
  EXPECT_THAT(html, HasSubstr("International Conference on Learning Representations"));
  EXPECT_THAT(html, HasSubstr("Total: 3"));
  EXPECT_THAT(html, HasSubstr("<a class=\"title-link\" href=\"/venue/oralAAAA01%40OpenReview\">"
                              "Engines That Think</a>"));
  EXPECT_THAT(html, HasSubstr("href=\"https://openreview.net/pdf?id=oralAAAA01\""));
  EXPECT_THAT(html, HasSubstr("<span class=\"author\" data-family=\"Lovelace\" data-given=\"Ada\">Ada "
                              "Lovelace</span> <span "
                              "class=\"affiliation\">(University of London)</span>"));
  EXPECT_THAT(html, HasSubstr("<a class=\"arxiv\" href=\"/arxiv/2505.00002\">arXiv:2505.00002</a>"));
  EXPECT_THAT(html, HasSubstr("ICLR.2024 - Oral</a>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"badge status\">Accept</span>"));
  EXPECT_THAT(html, HasSubstr("href=\"/venue/ICLR.2024?group=Poster\">Poster <span "
                              "class=\"count\">2</span>"));
  // One COinS span per card, a conference paper of the edition.
  size_t spans = 0;
  for (size_t at = html.find("class=\"Z3988\""); at != std::string::npos;
       at = html.find("class=\"Z3988\"", at + 1)) {
    ++spans;
  }
  EXPECT_EQ(spans, 3u);
  EXPECT_THAT(html, HasSubstr("rft.genre=proceeding"));
  EXPECT_THAT(html, HasSubstr("rft.btitle=International+Conference+on+Learning+Representations"));
  // Hostile text is text.
  EXPECT_THAT(html, Not(HasSubstr(testing::kScriptPayload)));
  EXPECT_THAT(html, Not(HasSubstr(testing::kImgPayload)));
}

TEST_F(VenueRouteTest, AGroupAndASliceNarrowTheEdition) {
  const Response oral = Get("/venue/ICLR.2024?group=Oral");
  ASSERT_EQ(oral.status, 200);
  EXPECT_THAT(*oral.body, HasSubstr("Engines That Think"));
  EXPECT_THAT(*oral.body, Not(HasSubstr("Difference Engines")));
  EXPECT_THAT(*oral.body, HasSubstr("Total: 1"));

  const Response slice = Get("/venue/ICLR.2024?group=Poster&show=1");
  ASSERT_EQ(slice.status, 200);
  EXPECT_THAT(*slice.body, HasSubstr("Difference Engines"));
  EXPECT_THAT(*slice.body, HasSubstr("href=\"/venue/ICLR.2024?group=Poster&amp;skip=1&amp;show=1\""));
  const Response next = Get("/venue/ICLR.2024?group=Poster&skip=1&show=1");
  EXPECT_THAT(*next.body, Not(HasSubstr("Difference Engines")));
  EXPECT_THAT(*next.body, HasSubstr("#2</a>"));
}

TEST_F(VenueRouteTest, UnknownEditionsGroupsAndIdsSayWhatExists) {
  // A year the venue lacks, or a year that is no year: the venue's stored editions.
  for (const char* target : {"/venue/ICLR.2031", "/venue/ICLR.24"}) {
    const Response edition = Get(target);
    EXPECT_EQ(edition.status, 404) << target;
    EXPECT_THAT(*edition.body, HasSubstr("ICLR has ICLR.2024, ICLR.2023")) << target;
  }
  // A venue the instance lacks: every stored edition.
  for (const char* target : {"/venue/CVPR.2024", "/venue/CVPR", "/venue/no such thing"}) {
    const Response venue = Get(target);
    EXPECT_EQ(venue.status, 404) << target;
    EXPECT_THAT(*venue.body, HasSubstr("stored editions: ICLR.2024, ICLR.2023, NAACL.2024"))
        << target;
  }
  const Response group = Get("/api/venue/ICLR.2024?group=Findings");
  EXPECT_EQ(group.status, 404);
  EXPECT_THAT(Json(group)["error"]["message"].get<std::string>(), HasSubstr("Oral, Poster"));
  const Response newest_group = Get("/venue/ICLR?group=Findings");
  EXPECT_EQ(newest_group.status, 404);
  EXPECT_THAT(*newest_group.body, HasSubstr("its groups: Oral, Poster"));
  EXPECT_EQ(Get("/venue/nothing@OpenReview").status, 404);
  const Response bad_id = Get("/api/venue/x@Nowhere");
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_THAT(Json(bad_id)["error"]["message"].get<std::string>(), HasSubstr("OpenReview"));
}

TEST_F(VenueRouteTest, TheIndexListsEveryEditionWithItsCoverage) {
  for (const char* target : {"/venue/", "/venue"}) {
    const Response index = Get(target);
    ASSERT_EQ(index.status, 200) << target << ": " << *index.body;
    const std::string& html = *index.body;
    EXPECT_THAT(html, HasSubstr("<h2><a href=\"/venue/ICLR\">ICLR</a>"));
    EXPECT_THAT(html, HasSubstr("<a href=\"/venue/ICLR.2024\">ICLR.2024</a>"));
    EXPECT_THAT(html, HasSubstr("<span class=\"coverage partial\">3 of 5 accepted papers "
                                "(OpenReview API)</span>"));
    EXPECT_THAT(html, HasSubstr("<a href=\"/venue/ICLR.2023\">ICLR.2023</a> <span "
                                "class=\"coverage\">0 papers</span>"));
    EXPECT_THAT(html, HasSubstr("<a href=\"/venue/NAACL.2024\">NAACL.2024</a>"));
    EXPECT_LT(html.find("ICLR.2024"), html.find("ICLR.2023"));
  }
  const nlohmann::json index = Json(Get("/api/venue/"));
  ASSERT_EQ(index["editions"].size(), 3u);
  EXPECT_EQ(index["editions"][0]["edition"], "ICLR.2024");
  EXPECT_EQ(index["editions"][0]["papers"], 3);
  EXPECT_EQ(index["editions"][0]["official_count"], 5);
  EXPECT_EQ(index["editions"][0]["coverage_differs"], true);
  EXPECT_EQ(index["editions"][2]["edition"], "NAACL.2024");
  EXPECT_EQ(index["editions"][2]["coverage"], "1 paper");
  EXPECT_EQ(index["editions"][2]["coverage_differs"], false);
}

TEST_F(VenueRouteTest, AVenuesNameOpensItsNewestEdition) {
  for (const char* target : {"/venue/ICLR", "/venue/iclr"}) {
    const Response page = Get(target);
    ASSERT_EQ(page.status, 200) << target;
    EXPECT_THAT(*page.body, HasSubstr("<h1>ICLR.2024"));
    EXPECT_THAT(*page.body, HasSubstr("Engines That Think"));
  }
  EXPECT_THAT(*Get("/venue/ICLR?group=Oral").body, Not(HasSubstr("Difference Engines")));
  EXPECT_EQ(Json(Get("/api/venue/ICLR"))["edition"], "ICLR.2024");
  // The venue's years link each other.
  EXPECT_THAT(*Get("/venue/ICLR.2023").body,
              HasSubstr("<nav class=\"editions\">ICLR: <a class=\"edition\" "
                        "href=\"/venue/ICLR.2024\">2024</a> <a class=\"edition selected\" "
                        "href=\"/venue/ICLR.2023\">2023</a></nav>"));
}

TEST_F(VenueRouteTest, TheEditionSaysHowMuchOfItIsHere) {
  const std::string html = *Get("/venue/ICLR.2024?group=Oral").body;
  EXPECT_THAT(html, HasSubstr("<p class=\"coverage partial\">3 of 5 accepted papers "
                              "(OpenReview API)</p>"));
  const nlohmann::json edition = Json(Get("/api/venue/ICLR.2024"));
  EXPECT_EQ(edition["coverage"], "3 of 5 accepted papers (OpenReview API)");
  EXPECT_EQ(edition["papers_stored"], 3);
  EXPECT_EQ(edition["accepted_stored"], 3);
  EXPECT_EQ(edition["editions"], nlohmann::json::array({"ICLR.2024", "ICLR.2023"}));
  EXPECT_THAT(*Get("/venue/NAACL.2024").body, HasSubstr("<p class=\"coverage\">1 paper</p>"));
}

TEST_F(VenueRouteTest, AFragmentHoldsOnlyTheCardsAndTheNextLink) {
  const Response fragment = Get("/venue/ICLR.2024?show=2&fragment=1");
  ASSERT_EQ(fragment.status, 200);
  EXPECT_EQ(fragment.body->rfind("<div class=\"panel paper venue-paper\"", 0), 0u);
  EXPECT_THAT(*fragment.body, Not(HasSubstr("<html")));
  EXPECT_THAT(*fragment.body, HasSubstr("<nav class=\"more\"><a class=\"next\" "
                                        "href=\"/venue/ICLR.2024?skip=2&amp;show=2\">Papers 3 "
                                        "and on, of 3</a></nav>"));
}

TEST_F(VenueRouteTest, AVenuePaperPageCarriesConferencePaperTags) {
  const Response page = Get("/venue/2024.naacl-long.431@ACL");
  ASSERT_EQ(page.status, 200) << *page.body;
  const std::string& html = *page.body;
  EXPECT_THAT(html, HasSubstr("<meta name=\"z:itemType\" content=\"conferencePaper\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_title\" content=\"Naive Bayes-based Context "
                              "Extension for Large Language Models\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_author\" content=\"Su, Jianlin;\">"));
  // No full name stored: the edition's tag is the conference.
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_conference_title\" content=\"NAACL.2024\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_publication_date\" content=\"2024\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_doi\" content=\"10.18653/v1/2024.naacl-long.431\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_pdf_url\" content=\"https://aclanthology.org/2024.naacl-long.431.pdf\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_firstpage\" content=\"7791\">"));
  EXPECT_THAT(html, HasSubstr("<meta name=\"citation_lastpage\" content=\"7807\">"));

  const Response linked = Get("/venue/oralAAAA01@OpenReview");
  ASSERT_EQ(linked.status, 200);
  EXPECT_THAT(*linked.body, HasSubstr("href=\"/arxiv/2505.00002\""));
  EXPECT_THAT(*linked.body, HasSubstr("content=\"International Conference on Learning Representations\""));
}

TEST_F(VenueRouteTest, TheArxivPageLinksTheVenuePaper) {
  const Response page = Get("/arxiv/2505.00002");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(*page.body, HasSubstr("Accepted at <a class=\"venue-version\" "
                                    "href=\"/venue/oralAAAA01%40OpenReview\">ICLR.2024 - Oral</a>"));
  EXPECT_THAT(*Get("/arxiv/2505.00003").body, Not(HasSubstr("Accepted at")));
}

TEST_F(VenueRouteTest, SeveralIdsShareOnePageAndMissingOnesAreNamed) {
  const Response page = Get("/venue/oralAAAA01@OpenReview,2024.naacl-long.431@ACL,gone@OpenReview");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(*page.body, HasSubstr("Engines That Think"));
  EXPECT_THAT(*page.body, HasSubstr("Naive Bayes"));
  EXPECT_THAT(*page.body, HasSubstr("Not in this instance: gone@OpenReview"));
  EXPECT_THAT(*page.body, Not(HasSubstr("z:itemType")));
}

TEST_F(VenueRouteTest, TheApiAnswersTheSameAsJson) {
  const Response edition = Get("/api/venue/ICLR.2024?group=Poster");
  ASSERT_EQ(edition.status, 200);
  EXPECT_EQ(edition.content_type, kJsonType);
  const nlohmann::json document = Json(edition);
  EXPECT_EQ(document["edition"], "ICLR.2024");
  EXPECT_EQ(document["year"], 2024);
  EXPECT_EQ(document["group"], "Poster");
  EXPECT_EQ(document["total"], 2);
  ASSERT_EQ(document["papers"].size(), 2u);
  EXPECT_EQ(document["papers"][0]["id"], "posterBB02@OpenReview");
  EXPECT_EQ(document["papers"][0]["authors"][0]["affiliation"], "University of London");
  EXPECT_EQ(document["papers"][0]["arxiv_id"], nullptr);
  EXPECT_THAT(*edition.body, Not(HasSubstr("<script>")));

  const Response papers = Get("/api/venue/oralAAAA01@OpenReview,gone@OpenReview");
  ASSERT_EQ(papers.status, 200);
  EXPECT_EQ(Json(papers)["papers"][0]["arxiv_id"], "2505.00002");
  EXPECT_EQ(Json(papers)["papers"][0]["arxiv_link"], "source");
  EXPECT_EQ(Json(papers)["missing"][0], "gone@OpenReview");
}

TEST_F(VenueRouteTest, TheHomePageListsTheEditions) {
  const Response home = Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(*home.body, HasSubstr("<h2><a href=\"/venue/\">Venues</a></h2>"));
  EXPECT_THAT(*home.body, HasSubstr("<a href=\"/venue/ICLR.2024\">ICLR.2024</a> <span "
                                    "class=\"name\">International Conference on Learning "
                                    "Representations</span> <span class=\"count\">3 papers</span>"));
  EXPECT_THAT(*home.body, HasSubstr("<a href=\"/venue/NAACL.2024\">NAACL.2024</a>"));
  Site bare(*store_, SiteOptions{}, SiteServices{});
  EXPECT_THAT(*bare.Handle(testing::GetRequest("/")).body, Not(HasSubstr("Venues")));
}

TEST_F(VenueRouteTest, ASiteWithoutAVenueStoreSaysItServesNoVenues) {
  Site bare(*store_, SiteOptions{}, SiteServices{});
  const Response page = bare.Handle(testing::GetRequest("/api/venue/ICLR.2024"));
  EXPECT_EQ(page.status, 501);
  EXPECT_THAT(*page.body, HasSubstr("serves no conference venues"));
}

}  // namespace
}  // namespace coolpapers::web
