#include "ingest/arxiv_atom_parser.h"

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

const std::string kFixture = std::string(COOLPAPERS_INGEST_TESTDATA) + "/api_atom_sample.xml";

UtcTime At(const char* iso) { return *ParseArxivTimestamp(iso); }

TEST(ParseApiFeed, ReadsPapersAndPaging) {
  auto feed = ParseApiFeed(testing::ReadFileBytes(kFixture), kFixture);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->total_results, 2);
  EXPECT_EQ(feed->start_index, 0);
  EXPECT_EQ(feed->items_per_page, 100);
  ASSERT_EQ(feed->papers.size(), 2u);
  const Paper& revised = feed->papers[0];
  EXPECT_EQ(revised.id, "2402.01234");
  EXPECT_EQ(revised.version, 3);
  EXPECT_EQ(revised.title, "An Old Paper, Revised");
  EXPECT_EQ(revised.abstract, "We revisit Schrödinger bridges.");
  EXPECT_THAT(revised.authors, ElementsAre("Eve Fischer", "Frank Gold"));
  EXPECT_THAT(revised.categories, ElementsAre("cs.CL", "cs.LG"));  // MSC 68T50 dropped
  EXPECT_EQ(revised.comments, "12 pages, 3 figures");
  EXPECT_EQ(revised.journal_ref, "Proc. ACL 2025, 1-12");
  EXPECT_EQ(revised.doi, "10.1000/xyz123");
  ASSERT_EQ(revised.versions.size(), 2u);
  EXPECT_EQ(revised.versions[0].number, 1);
  EXPECT_EQ(revised.versions[0].submitted, At("2024-02-02T09:30:00Z"));
  EXPECT_EQ(revised.versions[1].number, 3);
  EXPECT_EQ(revised.versions[1].submitted, At("2025-08-20T17:02:11Z"));
  const Paper& old_style = feed->papers[1];
  EXPECT_EQ(old_style.id, "hep-th/9901001");
  EXPECT_EQ(old_style.version, 1);
  EXPECT_EQ(old_style.versions.size(), 1u);
}

TEST(ParseApiFeed, HandlesErrorsAndEmptyFeeds) {
  const std::string head =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">";
  struct Case {
    std::string name;
    std::string xml;
    std::optional<ErrorCode> code;
    std::string message_part;
  };
  const Case cases[] = {
      {"empty", head + "<opensearch:totalResults>0</opensearch:totalResults></feed>", std::nullopt,
       ""},
      {"error entry",
       head + "<entry><id>https://arxiv.org/api/errors#incorrect_id_format_for_abc</id>"
              "<title>Error</title><summary>incorrect id format for abc</summary></entry></feed>",
       ErrorCode::kInvalidArgument, "incorrect id format for abc"},
      {"truncated", head + "<entry><id>http://arxiv.org/abs/1707", ErrorCode::kCorrupt,
       "malformed XML at byte"},
      {"bad count", head + "<opensearch:totalResults>many</opensearch:totalResults></feed>",
       ErrorCode::kCorrupt, "totalResults"},
      {"bad id", head + "<entry><id>http://arxiv.org/abs/xyz</id></entry></feed>",
       ErrorCode::kCorrupt, "abs/xyz"},
  };
  for (const Case& c : cases) {
    auto feed = ParseApiFeed(c.xml, c.name);
    if (!c.code) {
      ASSERT_TRUE(feed) << c.name << ": " << feed.error().message;
      EXPECT_TRUE(feed->papers.empty());
      continue;
    }
    ASSERT_FALSE(feed) << c.name;
    EXPECT_EQ(feed.error().code, *c.code) << c.name;
    EXPECT_THAT(feed.error().message, HasSubstr(c.message_part)) << c.name;
  }
}

TEST(ParseApiFeed, ReadsTheRecordedCurrentFormat) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto dir = shared / "raw/api-atom/current-format-2026";
  struct Case {
    const char* file;
    size_t entries;
    int64_t total;
  };
  const Case cases[] = {
      {"search_all-testing_start0_max100.xml", 100, 214881},
      {"search_all-testing_start10_max10.xml", 10, 214881},
      {"id_list_1707.08567.xml", 1, 1},
      {"id_list_0808.05394_1707.08567.xml", 1, 1},
      {"id_list_0808.05394_nonexistent.xml", 0, 0},
      {"id_list_astro-ph_0601001.xml", 1, 1},
      {"id_list_quant-ph_0201082v1.xml", 1, 1},
      {"error_id_list_0000.0000.xml", 0, 0},
  };
  for (const Case& c : cases) {
    auto feed = ParseApiFeed(testing::ReadFileBytes(dir / c.file), c.file);
    ASSERT_TRUE(feed) << c.file << ": " << feed.error().message;
    EXPECT_EQ(feed->papers.size(), c.entries) << c.file;
    EXPECT_EQ(feed->total_results, c.total) << c.file;
  }
  auto start10 =
      ParseApiFeed(testing::ReadFileBytes(dir / "search_all-testing_start10_max10.xml"), "start10");
  ASSERT_TRUE(start10);
  EXPECT_EQ(start10->start_index, 10);
  EXPECT_EQ(start10->items_per_page, 10);

  auto one = ParseApiFeed(testing::ReadFileBytes(dir / "id_list_1707.08567.xml"), "1707.08567");
  ASSERT_TRUE(one);
  const Paper& paper = one->papers[0];
  EXPECT_EQ(paper.id, "1707.08567");
  EXPECT_EQ(paper.version, 1);
  EXPECT_EQ(paper.title,
            "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
  EXPECT_EQ(paper.authors.front(), "Kees A. Schouhamer Immink");
  EXPECT_THAT(paper.categories, ElementsAre("cs.IT"));
  EXPECT_EQ(paper.comments,
            "44 pages, editors for the proceedings: Yanling Chen and A. J. Han Vinck");
  ASSERT_EQ(paper.versions.size(), 1u);
  EXPECT_EQ(paper.versions[0].submitted, At("2017-07-27T08:18:33Z"));

  auto old_style = ParseApiFeed(testing::ReadFileBytes(dir / "id_list_astro-ph_0601001.xml"), "a");
  ASSERT_TRUE(old_style);
  EXPECT_EQ(old_style->papers[0].id, "astro-ph/0601001");

  auto error = ParseApiFeed(testing::ReadFileBytes(dir / "error_id_list_abc.xml"), "abc");
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.error().message, "arXiv API: incorrect id format for abc");
}

TEST(ParseApiFeed, ReadsTheRecorded2016Format) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto dir = shared / "raw/api-atom/legacy-format-2016";
  auto page = ParseApiFeed(testing::ReadFileBytes(dir / "search_au-del_maestro_start0_max10.xml"),
                           "del_maestro");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->papers.size(), 10u);
  EXPECT_EQ(page->total_results, 31);
  EXPECT_EQ(page->items_per_page, 10);

  auto one = ParseApiFeed(testing::ReadFileBytes(dir / "id_list_1111.2011v2.xml"), "1111.2011v2");
  ASSERT_TRUE(one) << one.error().message;
  ASSERT_EQ(one->papers.size(), 1u);
  const Paper& paper = one->papers[0];
  EXPECT_EQ(paper.id, "1111.2011");
  EXPECT_EQ(paper.version, 2);
  EXPECT_EQ(paper.title,
            "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity "
            "Limit");
  EXPECT_THAT(paper.abstract, ::testing::StartsWith("Theoretical description of anisotropic"));
  EXPECT_THAT(paper.authors,
              ElementsAre("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic"));
  EXPECT_THAT(paper.categories, ElementsAre("cond-mat.str-el", "cond-mat.stat-mech"));
  ASSERT_EQ(paper.versions.size(), 2u);
  EXPECT_EQ(paper.versions[0].submitted, At("2011-11-08T18:48:36Z"));
  EXPECT_EQ(paper.versions[1].number, 2);
  EXPECT_EQ(paper.versions[1].submitted, At("2012-04-02T12:38:54Z"));
}

}  // namespace
}  // namespace coolpapers::ingest
