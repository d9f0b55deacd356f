// Our Atom feeds read by a real feed reader: python3-feedparser (tests/feeds/check_feed.py) must
// parse every feed the site serves without its bozo flag, with the right entries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/sqlite_venue_store.h"
#include "tests/support/python_check.h"
#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

// What check_feed.py says about `feed`; fails the test when the script cannot run.
json ReadWithFeedparser(const std::string& feed, const std::filesystem::path& dir) {
  return json::parse(coolpapers::testing::RunPythonCheck(COOLPAPERS_CHECK_FEED, feed, dir),
                     nullptr, false);
}

using testing::GetRequest;

class FeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = testing::OpenSearchableSampleSite(dir_.path());
    ASSERT_NE(sample_.site, nullptr);
    site_ = sample_.site.get();
  }

  // The feed at `target` as feedparser reads it, after checking the HTTP side.
  json Feed(std::string_view target, std::string_view host = {},
            std::string_view forwarded_proto = {}) {
    Request request = GetRequest(target);
    request.host = host;
    request.forwarded_proto = forwarded_proto;
    const Response response = site_->Handle(request);
    EXPECT_EQ(response.status, 200) << target << ": " << *response.body;
    EXPECT_EQ(response.content_type, "application/atom+xml; charset=utf-8");
    EXPECT_FALSE(response.Header("ETag").empty());
    EXPECT_FALSE(response.Header("Last-Modified").empty());
    const json parsed = ReadWithFeedparser(*response.body, dir_.path());
    EXPECT_EQ(parsed["bozo"], 0) << target << ": " << parsed["bozo_exception"];
    EXPECT_EQ(parsed["version"], "atom10") << target;
    return parsed;
  }

  coolpapers::testing::TempDir dir_;
  testing::SearchableSampleSite sample_;
  Site* site_ = nullptr;
};

TEST_F(FeedTest, ListFeedHasEveryPaperOfTheDay) {
  // 2025-05-14 lists four papers in cs.CL, one of them the hostile one.
  const json feed = Feed("/arxiv/cs.CL/feed?date=2025-05-14");
  ASSERT_EQ(feed["entries"].size(), 4u);
  const json& first = feed["entries"][0];
  EXPECT_EQ(first["id"], "urn:arxiv:2505.00002");
  EXPECT_EQ(first["title"], "Paper 2505.00002");
  EXPECT_EQ(first["link"], "/arxiv/2505.00002");
  EXPECT_EQ(first["updated"], "2025-05-13T17:30:00Z");
  EXPECT_EQ(first["authors"], 2);
  EXPECT_EQ(first["pdf"][0], "https://arxiv.org/pdf/2505.00002");
}

TEST_F(FeedTest, NewestDayFeedAndUnionFeedParse) {
  EXPECT_EQ(Feed("/arxiv/cs.CL/feed")["entries"].size(), 1u);  // 2025-05-16: 2505.00006
  EXPECT_EQ(Feed("/arxiv/cs.AI,cs.CL/feed?date=2025-05-14")["entries"].size(), 4u);
}

TEST_F(FeedTest, SearchFeedHasTheMatches) {
  const json feed = Feed("/arxiv/search/feed?query=paper&sort=time");
  EXPECT_EQ(feed["entries"].size(), 5u);
  EXPECT_EQ(Feed("/arxiv/search/feed?query=2505.00003")["entries"].size(), 1u);
}

TEST_F(FeedTest, FeedIdsAndBodiesAreStableAcrossRegenerations) {
  const Response first = site_->Handle(GetRequest("/arxiv/cs.CL/feed?date=2025-05-14"));
  site_->cache().Clear();
  const Response second = site_->Handle(GetRequest("/arxiv/cs.CL/feed?date=2025-05-14"));
  EXPECT_EQ(*first.body, *second.body);
  EXPECT_EQ(first.Header("ETag"), second.Header("ETag"));
}

TEST_F(FeedTest, PagesLinkTheirFeedsAndTheOpenSearchDescription) {
  const std::string list = *site_->Handle(GetRequest("/arxiv/cs.CL?date=2025-05-14")).body;
  EXPECT_THAT(list, HasSubstr("<link rel=\"alternate\" type=\"application/atom+xml\" "
                              "title=\"coolpapers: Computation and Language (cs.CL)\" "
                              "href=\"/arxiv/cs.CL/feed\">"));
  EXPECT_THAT(list, HasSubstr("href=\"/opensearch.xml\""));
  const std::string search = *site_->Handle(GetRequest("/arxiv/search?query=paper")).body;
  EXPECT_THAT(search, HasSubstr("type=\"application/atom+xml\""));
  EXPECT_THAT(search, HasSubstr("href=\"/arxiv/search/feed?query=paper\""));
  const Response opensearch = site_->Handle(GetRequest("/opensearch.xml"));
  EXPECT_EQ(opensearch.status, 200);
  EXPECT_THAT(*opensearch.body, HasSubstr("template=\"/arxiv/search?query={searchTerms}"));
}

TEST_F(FeedTest, LinksAreAbsoluteOnTheRequestsOrigin) {
  const json feed = Feed("/arxiv/cs.CL/feed?date=2025-05-14", "papers.test:8080");
  EXPECT_EQ(feed["entries"][0]["link"], "http://papers.test:8080/arxiv/2505.00002");
  EXPECT_EQ(feed["self"][0], "http://papers.test:8080/arxiv/cs.CL/feed?date=2025-05-14");
  EXPECT_EQ(feed["alternate"], "http://papers.test:8080/arxiv/cs.CL?date=2025-05-14");
  // Behind a TLS proxy; and the cached feed of one origin is not served to another.
  const json proxied = Feed("/arxiv/cs.CL/feed?date=2025-05-14", "papers.example.org", "https");
  EXPECT_EQ(proxied["entries"][0]["link"], "https://papers.example.org/arxiv/2505.00002");
  // A Host that is no host name gives relative links rather than someone's markup.
  const json forged = Feed("/arxiv/cs.CL/feed?date=2025-05-14", "evil\"><x>");
  EXPECT_EQ(forged["entries"][0]["link"], "/arxiv/2505.00002");
}

TEST_F(FeedTest, DatedFeedLinksKeepTheirDate) {
  const json dated = Feed("/arxiv/cs.CL/feed?date=2025-05-13");
  EXPECT_EQ(dated["self"][0], "/arxiv/cs.CL/feed?date=2025-05-13");
  EXPECT_EQ(dated["alternate"], "/arxiv/cs.CL?date=2025-05-13");
  const json newest = Feed("/arxiv/cs.CL/feed");
  EXPECT_EQ(newest["self"][0], "/arxiv/cs.CL/feed");
}

// Issue #15 upgrade 6: the personal feed, the newest day ranked by the reader's stars and
// keywords, which only its URL holds.
TEST_F(FeedTest, PersonalFeedIsBestMatchesFirst) {
  coolpapers::testing::TempDir topical_dir;
  testing::SearchableSampleSite topical =
      testing::OpenSearchableSite(topical_dir.path(), testing::TopicalDays());
  ASSERT_NE(topical.site, nullptr);
  site_ = topical.site.get();
  const json feed = Feed("/arxiv/cs.CL/feed?sort=like&stars=2505.99990&keywords=cloth");
  ASSERT_EQ(feed["entries"].size(), 5u);
  // The protein paper (like the star) and the one with "cloth" (the keyword) lead; the rest
  // follow in arXiv order.
  std::vector<std::string> links;
  for (const json& entry : feed["entries"]) links.push_back(entry["link"]);
  EXPECT_THAT(std::vector<std::string>(links.begin(), links.begin() + 2),
              ::testing::UnorderedElementsAre("/arxiv/2506.00003", "/arxiv/2506.00005"));
  EXPECT_THAT(std::vector<std::string>(links.begin() + 2, links.end()),
              ::testing::ElementsAre("/arxiv/2506.00001", "/arxiv/2506.00002", "/arxiv/2506.00004"));
  EXPECT_THAT(feed["title"].get<std::string>(), HasSubstr("like my stars"));
  EXPECT_EQ(feed["self"][0], "/arxiv/cs.CL/feed?sort=like&stars=2505.99990&keywords=cloth");
  EXPECT_EQ(feed["alternate"], "/arxiv/cs.CL?sort=like&stars=2505.99990&keywords=cloth");
  const json plain = Feed("/arxiv/cs.CL/feed");
  EXPECT_EQ(plain["entries"][0]["link"], "/arxiv/2506.00001");
}

TEST_F(FeedTest, SearchFeedIsNewestFirstUnlessAsked) {
  const json feed = Feed("/arxiv/search/feed?query=paper");
  ASSERT_EQ(feed["entries"].size(), 5u);
  // First listed 2025-05-13, the other four 2025-05-14: the oldest comes last, whatever its
  // relevance.
  EXPECT_EQ(feed["entries"][4]["id"], "urn:arxiv:2505.00001");
  const json relevance_first = Feed("/arxiv/search/feed?query=2505.00001+OR+paper&sort=relevance");
  EXPECT_EQ(relevance_first["entries"][0]["id"], "urn:arxiv:2505.00001");
  const json time_first = Feed("/arxiv/search/feed?query=2505.00001+OR+paper");
  EXPECT_EQ(time_first["entries"][4]["id"], "urn:arxiv:2505.00001");
  EXPECT_EQ(feed["self"][0], "/arxiv/search/feed?query=paper&sort=time");
  // Relevance when asked, and its self link says so: the feed's default would be time.
  const json relevance = Feed("/arxiv/search/feed?query=paper&sort=relevance");
  EXPECT_EQ(relevance["self"][0], "/arxiv/search/feed?query=paper&sort=relevance");
}

TEST_F(FeedTest, EmptySearchFeedIsDatedByTheStoreNotTheEpoch) {
  const json feed = Feed("/arxiv/search/feed?query=zebrafish");
  EXPECT_EQ(feed["entries"].size(), 0u);
  EXPECT_EQ(feed["updated"], "2025-05-16T00:00:00Z");  // the store's newest listing day
}

TEST_F(FeedTest, BadSearchFeedGets400) {
  EXPECT_EQ(site_->Handle(GetRequest("/arxiv/search/feed?query=author%3A")).status, 400);
  EXPECT_EQ(site_->Handle(GetRequest("/arxiv/search/feed")).status, 400);
}

// The venue feeds (issue #14): an edition's papers, a venue's newest edition, and the newest
// editions of every venue, over a venue store with two editions of one venue and one of another.
class VenueFeedTest : public FeedTest {
 protected:
  void SetUp() override {
    FeedTest::SetUp();
    auto venues = store::OpenSqliteVenueStore(dir_.path() / "venues.sqlite");
    ASSERT_TRUE(venues) << venues.error().message;
    venues_ = *std::move(venues);
    VenueEdition corl = ParseEditionTag("CoRL.2025").value();
    corl.full_name = "Conference on Robot Learning";
    corl.published = "2025-10-07";
    ASSERT_TRUE(venues_->WriteEdition(corl));
    ASSERT_TRUE(venues_->WriteEdition(ParseEditionTag("CoRL.2024").value()));
    VenueEdition colt = ParseEditionTag("COLT.2026").value();
    colt.end_date = "2026-07-03";
    ASSERT_TRUE(venues_->WriteEdition(colt));
    std::vector<VenuePaper> papers;
    for (int i = 1; i <= 3; ++i) {
      VenuePaper paper;
      paper.id = ParseVenuePaperId("paper" + std::to_string(i) + "a@v305@PMLR").value();
      paper.edition = "CoRL.2025";
      paper.position = i;
      paper.title = i == 3 ? std::string(testing::kScriptPayload) : "Robots & Learning " + std::to_string(i);
      paper.authors = {{"Ada Lovelace", "London"}, {"Alan Turing", ""}};
      paper.abstract = "Control <b>characters</b>\x01 and all.";
      paper.group = i == 1 ? "Oral" : "Poster";
      paper.status = "Accept";
      paper.pdf_url = "https://raw.githubusercontent.com/mlresearch/v305/main/assets/paper" +
                      std::to_string(i) + "a/paper" + std::to_string(i) + "a.pdf";
      papers.push_back(std::move(paper));
    }
    ASSERT_TRUE(venues_->WriteVenuePapers(papers));
    SiteServices services;
    services.venues = venues_.get();
    venue_site_ = std::make_unique<Site>(*sample_.store, SiteOptions{}, services);
    site_ = venue_site_.get();
  }

  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<Site> venue_site_;
};

TEST_F(VenueFeedTest, AnEditionsFeedHasEveryPaper) {
  const json feed = Feed("/venue/CoRL.2025/feed", "papers.example.org");
  EXPECT_EQ(feed["title"], "coolpapers: CoRL.2025 (Conference on Robot Learning)");
  EXPECT_EQ(feed["updated"], "2025-10-07T00:00:00Z");
  EXPECT_EQ(feed["alternate"], "http://papers.example.org/venue/CoRL.2025");
  ASSERT_EQ(feed["entries"].size(), 3u);
  const json& first = feed["entries"][0];
  EXPECT_EQ(first["id"], "urn:coolpapers:venue:paper1a@v305@PMLR");
  EXPECT_EQ(first["title"], "Robots & Learning 1");
  EXPECT_EQ(first["link"], "http://papers.example.org/venue/paper1a%40v305%40PMLR");
  EXPECT_EQ(first["authors"], 2);
  EXPECT_EQ(first["pdf"][0], "https://raw.githubusercontent.com/mlresearch/v305/main/assets/"
                             "paper1a/paper1a.pdf");
}

TEST_F(VenueFeedTest, AVenuesFeedFollowsItsNewestEdition) {
  const json feed = Feed("/venue/CoRL/feed");
  EXPECT_EQ(feed["entries"].size(), 3u);
  EXPECT_EQ(feed["self"][0], "/venue/CoRL/feed");
  EXPECT_EQ(Feed("/venue/CoRL.2024/feed")["entries"].size(), 0u);
  const Response unknown = site_->Handle(GetRequest("/venue/CVPR/feed"));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(*unknown.body, HasSubstr("CoRL.2025"));
}

TEST_F(VenueFeedTest, TheLatestFeedListsTheNewestEditionsFirst) {
  const json feed = Feed("/venue/latest/feed");
  ASSERT_EQ(feed["entries"].size(), 3u);
  EXPECT_EQ(feed["entries"][0]["id"], "urn:coolpapers:venue:COLT.2026");
  EXPECT_EQ(feed["entries"][0]["updated"], "2026-07-03T00:00:00Z");
  EXPECT_EQ(feed["entries"][1]["id"], "urn:coolpapers:venue:CoRL.2025");
  EXPECT_EQ(feed["entries"][1]["link"], "/venue/CoRL.2025");
  EXPECT_EQ(feed["entries"][2]["id"], "urn:coolpapers:venue:CoRL.2024");
  EXPECT_EQ(feed["updated"], "2026-07-03T00:00:00Z");
}

}  // namespace
}  // namespace coolpapers::web
