#include "ingest/oai_pmh_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/announcement_calendar.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kFixture =
    std::string(COOLPAPERS_INGEST_TESTDATA) + "/oai_pmh_list_records_sample.xml";

UtcTime At(const char* text) { return *ParseArxivTimestamp(text); }

TEST(ParseOaiPmhPage, ReadsRecordsVersionsAndToken) {
  auto page = ParseOaiPmhPage(testing::ReadFileBytes(kFixture), kFixture);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->papers.size(), 2u);
  EXPECT_THAT(page->deleted_ids, ElementsAre("2401.99999"));
  const Paper& paper = page->papers[0];
  EXPECT_EQ(paper.id, "2402.01234");
  EXPECT_EQ(paper.version, 3);
  ASSERT_EQ(paper.versions.size(), 3u);
  EXPECT_EQ(paper.versions[0].submitted, At("Fri, 2 Feb 2024 09:30:00 GMT"));
  EXPECT_EQ(paper.versions[2].number, 3);
  EXPECT_EQ(paper.versions[2].submitted, At("Wed, 20 Aug 2025 17:02:11 GMT"));
  EXPECT_EQ(paper.title, "An Old Paper, Revised");
  EXPECT_EQ(paper.abstract, "We revisit Schrödinger bridges.");
  EXPECT_THAT(paper.authors, ElementsAre("Eve Fischer", "Frank Gold"));
  EXPECT_THAT(paper.categories, ElementsAre("cs.CL", "cs.LG"));
  EXPECT_EQ(paper.comments, "12 pages, 3 figures");
  EXPECT_EQ(paper.journal_ref, "Proc. ACL 2025, 1-12");
  EXPECT_EQ(paper.doi, "10.1000/xyz123");
  EXPECT_EQ(paper.license, "http://creativecommons.org/licenses/by-sa/4.0/");
  EXPECT_EQ(page->papers[1].id, "cs/0506078");
  EXPECT_THAT(page->papers[1].categories, ElementsAre("eess.SY", "math.OC"));  // cs.SY alias
  ASSERT_TRUE(page->resumption);
  EXPECT_EQ(page->resumption->token, "1403493|1001");
  EXPECT_EQ(page->resumption->cursor, 0);
  EXPECT_EQ(page->resumption->complete_list_size, 1440);
}

TEST(ParseOaiPmhPage, MapsOaiErrorsAndTheLastPage) {
  const std::string head = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">";
  struct Case {
    std::string name;
    std::string xml;
    std::optional<ErrorCode> code;
    std::string message_part;
  };
  const Case cases[] = {
      {"no records", head + "<error code=\"noRecordsMatch\">No records</error></OAI-PMH>",
       std::nullopt, ""},
      {"empty token",
       head + "<ListRecords><resumptionToken cursor=\"1000\" completeListSize=\"1440\"/>"
              "</ListRecords></OAI-PMH>",
       std::nullopt, ""},
      {"bad token", head + "<error code=\"badResumptionToken\">expired</error></OAI-PMH>",
       ErrorCode::kInvalidArgument, "badResumptionToken: expired"},
      {"unknown id", head + "<error code=\"idDoesNotExist\">not here</error></OAI-PMH>",
       ErrorCode::kNotFound, "idDoesNotExist"},
      {"truncated", head + "<ListRecords><record><header>", ErrorCode::kCorrupt,
       "malformed XML at byte"},
      {"wrong root", "<html/>", ErrorCode::kCorrupt, "expected <OAI-PMH>"},
      {"bad date",
       head + "<GetRecord><record><header><identifier>oai:arXiv.org:0804.2273</identifier>"
              "</header><metadata><arXivRaw><id>0804.2273</id><version version=\"v1\">"
              "<date>yesterday</date></version><categories>cs.DL</categories></arXivRaw>"
              "</metadata></record></GetRecord></OAI-PMH>",
       ErrorCode::kCorrupt, "record 0804.2273"},
  };
  for (const Case& c : cases) {
    auto page = ParseOaiPmhPage(c.xml, c.name);
    if (!c.code) {
      ASSERT_TRUE(page) << c.name << ": " << page.error().message;
      EXPECT_TRUE(page->papers.empty()) << c.name;
      EXPECT_FALSE(page->resumption) << c.name;
      continue;
    }
    ASSERT_FALSE(page) << c.name;
    EXPECT_EQ(page.error().code, *c.code) << c.name;
    EXPECT_THAT(page.error().message, HasSubstr(c.message_part)) << c.name;
  }
}

TEST(ParseOaiPmhPage, ReadsTheRecordedListRecords) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto path = shared / "raw/oai-pmh/ListRecords_arXivRaw_from-2016-10-20_reformatted.xml";
  auto page = ParseOaiPmhPage(testing::ReadFileBytes(path), path.string());
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->papers.size() + page->deleted_ids.size(), 387u);
  ASSERT_TRUE(page->resumption);
  EXPECT_EQ(page->resumption->token, "1403493|1001");
  EXPECT_EQ(page->resumption->complete_list_size, 1440);
  for (const Paper& paper : page->papers) {
    EXPECT_FALSE(paper.versions.empty()) << paper.id;
    EXPECT_FALSE(paper.categories.empty()) << paper.id;
    EXPECT_FALSE(paper.title.empty()) << paper.id;
  }
}

TEST(ParseOaiPmhPage, ReadsTheRecordedGetRecord) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto path = shared / "raw/oai-pmh/GetRecord_arXivRaw_0804.2273_reformatted.xml";
  auto page = ParseOaiPmhPage(testing::ReadFileBytes(path), path.string());
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->papers.size(), 1u);
  EXPECT_FALSE(page->resumption);
  const Paper& paper = page->papers[0];
  EXPECT_EQ(paper.id, "0804.2273");
  EXPECT_EQ(paper.version, 1);
  ASSERT_EQ(paper.versions.size(), 1u);
  EXPECT_EQ(paper.versions[0].submitted, At("Mon, 14 Apr 2008 21:02:00 GMT"));
  EXPECT_EQ(paper.title, "Object Re-Use & Exchange: A Resource-Centric Approach");
  EXPECT_THAT(paper.authors,
              ElementsAre("Carl Lagoze", "Herbert Van de Sompel", "Michael L. Nelson",
                          "Simeon Warner", "Robert Sanderson", "Pete Johnston"));
  EXPECT_THAT(paper.categories, ElementsAre("cs.DL", "cs.NI"));
  EXPECT_EQ(paper.license, "http://creativecommons.org/licenses/by/3.0/");
  EXPECT_THAT(paper.abstract, ::testing::StartsWith("The OAI Object Reuse and Exchange (OAI-ORE) "
                                                    "framework recasts the repository-centric"));
}

}  // namespace
}  // namespace coolpapers::ingest
