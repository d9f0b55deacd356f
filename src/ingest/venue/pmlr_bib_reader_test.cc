#include "ingest/venue/pmlr_bib_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/venue_test_sink.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CollectingSink;
using testing::VenueFixture;

TEST(PmlrBibReader, ReadsTheVolumeAndItsPapersWithTheirOpenReviewIds) {
  CollectingSink sink;
  ASSERT_TRUE(ReadPmlrBibFile(VenueFixture("pmlr/v305/corl25.bib"), sink));
  ASSERT_EQ(sink.editions.size(), 1u);
  const VenueEdition& edition = sink.editions[0];
  EXPECT_EQ(edition.Tag(), "CoRL.2025");
  EXPECT_EQ(edition.full_name, "Conference on Robot Learning");
  EXPECT_EQ(edition.start_date, "2025-09-27");
  EXPECT_EQ(edition.end_date, "2025-09-30");
  EXPECT_EQ(edition.published, "2025-10-07");
  EXPECT_EQ(edition.location, "Seoul, Korea");
  EXPECT_EQ(edition.url, "https://corl.org/");
  EXPECT_THAT(edition.sources, ElementsAre("PMLR v305"));

  ASSERT_EQ(sink.papers.size(), 3u);
  const VenuePaper& xie = sink.papers[0];
  EXPECT_EQ(xie.id.ToString(), "xie25a@v305@PMLR");
  ASSERT_EQ(xie.other_ids.size(), 1u);
  EXPECT_EQ(xie.other_ids[0].ToString(), "wnWYoetLhC@OpenReview");
  EXPECT_EQ(xie.group, "Oral");
  EXPECT_EQ(xie.presentation, "Oral");
  EXPECT_EQ(xie.pages, "1-16");
  EXPECT_EQ(xie.authors.at(0).name, "Amber Xie");
  EXPECT_EQ(xie.authors.size(), 4u);
  EXPECT_THAT(xie.abstract, HasSubstr("“Stack It Up!” – learning"));
  EXPECT_EQ(xie.landing_url, "https://proceedings.mlr.press/v305/xie25a.html");
  EXPECT_EQ(xie.pdf_url, "https://proceedings.mlr.press/v305/xie25a/xie25a.pdf");

  const VenuePaper& black = sink.Paper("black25a@v305@PMLR");
  EXPECT_EQ(black.title, "$\\pi_{0.5}$: a Vision-Language-Action Model with Open-World Generalization");
  EXPECT_EQ(black.authors.at(2).name, "Jan Schröder");
  EXPECT_EQ(sink.Paper("huang25d@v305@PMLR").group, "Poster");

  // The broken entry costs only itself.
  ASSERT_EQ(sink.malformed.size(), 1u);
  EXPECT_EQ(sink.malformed[0].first, 26);
  EXPECT_THAT(sink.malformed[0].second, HasSubstr("broken25"));
}

TEST(PmlrBibReader, AddsTheSlugLetterPmlrPublishesUnder) {
  EXPECT_EQ(PmlrSlugOfKey("xie25"), "xie25a");
  EXPECT_EQ(PmlrSlugOfKey("huang25d"), "huang25d");
  EXPECT_EQ(PmlrSlugOfKey("open-problem-nissim26"), "open-problem-nissim26a");
}

}  // namespace
}  // namespace coolpapers::ingest
