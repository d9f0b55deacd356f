#include "web/pages/paper_page.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;
using testing::HostilePaper;
using testing::SamplePaper;

TEST(PaperPage, CarriesHighwireMetaTagsForZotero) {
  Paper paper = SamplePaper("2401.06769", {"cs.CL"});
  paper.title = "Attention & Memory";
  const std::string page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_title\" content=\"Attention &amp; Memory\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_author\" content=\"Ada Lovelace\">\n"
                              "<meta name=\"citation_author\" content=\"Charles Babbage\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_date\" content=\"2025/05/14\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_pdf_url\" content=\"https://arxiv.org/pdf/2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_arxiv_id\" content=\"2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"description\" content=\"We study $x^2$ on 2401.06769.\">"));
  EXPECT_THAT(page, HasSubstr("<meta property=\"og:title\" content=\"Attention &amp; Memory\">"));
  EXPECT_THAT(page, HasSubstr("<title>Attention &amp; Memory</title>"));
  EXPECT_THAT(page, HasSubstr("<div class=\"panel paper\" id=\"2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<body id=\"arxiv\""));
}

TEST(PaperPage, DatesByTheFirstVersionWhenNeverListed) {
  Paper paper = SamplePaper("2401.06769");
  paper.first_listed.reset();
  EXPECT_THAT(RenderPaperPage({{paper}, {}}, PageFrame{}),
              HasSubstr("<meta name=\"citation_date\" content=\"2025/05/13\">"));
  paper.versions.clear();
  EXPECT_THAT(RenderPaperPage({{paper}, {}}, PageFrame{}), Not(HasSubstr("citation_date")));
}

TEST(PaperPage, OnePaperSaysWhichVersionAndWhereItWasListed) {
  Paper paper = SamplePaper("2401.06769", {"cs.CL", "cs.AI"});
  paper.version = 2;
  const std::string page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<span class=\"arxiv-id\">arXiv:2401.06769v2</span>"));
  EXPECT_THAT(page, HasSubstr("Listed <a class=\"listed-day\" href=\"/arxiv/cs.CL?date=2025-05-14\">"
                              "Wed, 14 May 2025</a> in <a class=\"listed-in\" "
                              "href=\"/arxiv/cs.CL?date=2025-05-14\">cs.CL</a>, <a class=\"listed-in\" "
                              "href=\"/arxiv/cs.AI?date=2025-05-14\">cs.AI</a>"));
  // Not a list card numbered "#1": the card names the paper.
  EXPECT_THAT(page, HasSubstr(">2401.06769</a> <a class=\"title-link\""));
  EXPECT_THAT(page, Not(HasSubstr(">#1</a>")));
  EXPECT_THAT(page, Not(HasSubstr("shared-heading")));
  EXPECT_THAT(page, HasSubstr("<p class=\"info paper-info\" data-faq=\"\">"));
  EXPECT_THAT(RenderPaperPage({{paper}, {}}, PageFrame{}, {"en", "zh"}),
              HasSubstr("<p class=\"info paper-info\" data-faq=\"en zh\">"));
}

TEST(PaperPage, ShowsSeveralPapersWithoutCitationTags) {
  const std::string page =
      RenderPaperPage({{SamplePaper("2401.06769"), SamplePaper("1406.2661")}, {"2401.99999"}},
                      PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("citation_title")));
  EXPECT_THAT(page, HasSubstr(">#1</a> <a class=\"title-link\" href=\"/arxiv/2401.06769\">"));
  EXPECT_THAT(page, HasSubstr(">#2</a> <a class=\"title-link\" href=\"/arxiv/1406.2661\">"));
  EXPECT_THAT(page, HasSubstr("Not found here: <a href=\"https://arxiv.org/abs/2401.99999\">"));
  EXPECT_THAT(page, HasSubstr("<h1 class=\"shared-heading\">2 papers, shared by link</h1>"));
  EXPECT_THAT(page, Not(HasSubstr("paper-info")));
}

TEST(PaperPage, EscapesHostileTextInCardsAndMetaTags) {
  const std::string page = RenderPaperPage({{HostilePaper()}, {}}, PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_author\" content=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"));
  EXPECT_THAT(page, HasSubstr("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img"));
}

TEST(PublishDay, PrefersTheFirstListingDay) {
  Paper paper = SamplePaper("2401.06769");
  EXPECT_EQ(PublishDay(paper), Day("2025-05-14"));
  paper.first_listed.reset();
  EXPECT_EQ(PublishDay(paper), Day("2025-05-13"));
  paper.versions.clear();
  EXPECT_EQ(PublishDay(paper), std::nullopt);
}

}  // namespace
}  // namespace coolpapers::web
