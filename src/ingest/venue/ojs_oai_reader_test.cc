#include "ingest/venue/ojs_oai_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/venue/file_text.h"
#include "tests/support/venue_test_sink.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CollectingSink;
using testing::VenueFixture;

TEST(OjsOaiReader, ReadsArticlesOfTheProceedingsWithTheirEditionFromTheVolume) {
  CollectingSink sink;
  ASSERT_TRUE(ReadOjsOaiFile(VenueFixture("ojs/aaai-page-1.xml"), {}, sink));
  ASSERT_EQ(sink.papers.size(), 2u);
  const VenuePaper& paper = sink.Paper("27749@AAAI");
  EXPECT_EQ(paper.edition, "AAAI.2024");
  EXPECT_EQ(paper.position, 27749);
  EXPECT_EQ(paper.title, "A First Paper on Planning");
  ASSERT_EQ(paper.authors.size(), 2u);
  EXPECT_EQ(paper.authors[0].name, "Hongyi Liu");
  EXPECT_EQ(paper.authors[1].name, "Heng Ji");
  EXPECT_EQ(paper.abstract, "An abstract of article 27749.");
  EXPECT_THAT(paper.keywords, ElementsAre("ML: Planning", "ROB: Robotics"));
  EXPECT_EQ(paper.landing_url, "https://ojs.aaai.org/index.php/AAAI/article/view/27749");
  EXPECT_EQ(paper.pdf_url, "https://ojs.aaai.org/index.php/AAAI/article/view/27749/27849");
  EXPECT_EQ(paper.doi, "10.1609/aaai.v38i1.27749");
  EXPECT_EQ(paper.pages, "1-9");
  EXPECT_EQ(paper.track, "ML");
  EXPECT_EQ(paper.status, "Accept");
  EXPECT_EQ(sink.Paper("3745@AAAI").edition, "AAAI.2019");
  ASSERT_EQ(sink.editions.size(), 2u);
  EXPECT_EQ(sink.editions[0].Tag(), "AAAI.2024");
  EXPECT_THAT(sink.editions[0].sources, ElementsAre("AAAI OJS OAI-PMH"));

  ASSERT_EQ(sink.malformed.size(), 1u);  // 27750 has no title
  EXPECT_THAT(sink.malformed[0].second, HasSubstr("article/27750"));
  EXPECT_GT(sink.malformed[0].first, 1);
}

TEST(OjsOaiReader, KeepsOnlyTheEditionAskedForAndPassesOverDeletedRecords) {
  CollectingSink sink;
  VenueFileOptions options;
  options.edition = "AAAI.2024";
  ASSERT_TRUE(ReadOjsOaiFile(VenueFixture("ojs/aaai-page-1.xml"), options, sink));
  std::vector<std::string> ids;
  for (const VenuePaper& paper : sink.papers) ids.push_back(paper.id.ToString());
  EXPECT_THAT(ids, ElementsAre("27749@AAAI"));

  CollectingSink second;
  ASSERT_TRUE(ReadOjsOaiFile(VenueFixture("ojs/aaai-page-2.xml"), options, second));
  ASSERT_EQ(second.papers.size(), 1u);
  EXPECT_EQ(second.papers[0].authors.at(0).name, "Erwin Schrödinger");
  EXPECT_EQ(second.papers[0].pages, "19-27");
  EXPECT_TRUE(second.malformed.empty());
}

TEST(OjsOaiReader, FindsTheResumptionTokenUntilTheLastPage) {
  const auto first = OaiResumptionToken(ReadFileText(VenueFixture("ojs/aaai-page-1.xml")).value());
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, "aaai-token-1/2");
  const auto last = OaiResumptionToken(ReadFileText(VenueFixture("ojs/aaai-page-2.xml")).value());
  ASSERT_TRUE(last);
  EXPECT_FALSE(*last);
  EXPECT_EQ(OaiResumptionToken("<html>maintenance</html>").error().code, ErrorCode::kCorrupt);
  const auto refused = OaiResumptionToken(
      "<OAI-PMH><error code=\"badResumptionToken\">expired</error></OAI-PMH>");
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("badResumptionToken"));
  EXPECT_FALSE(OaiResumptionToken(
                   "<OAI-PMH><error code=\"noRecordsMatch\">none</error></OAI-PMH>")
                   .value());
}

}  // namespace
}  // namespace coolpapers::ingest
