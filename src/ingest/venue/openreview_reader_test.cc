#include "ingest/venue/openreview_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/venue_test_sink.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CollectingSink;
using testing::VenueFixture;

TEST(OpenReviewReader, ReadsApiV2NotesWithStatusFromVenueIdAndPresentationFromVenue) {
  CollectingSink sink;
  ASSERT_TRUE(ReadOpenReviewFile(VenueFixture("openreview/v2_iclr-2024_notes.json"), sink));
  ASSERT_EQ(sink.papers.size(), 4u);
  const VenuePaper& poster = sink.papers[0];
  EXPECT_EQ(poster.id.ToString(), "Ny150AblPu@OpenReview");
  EXPECT_EQ(poster.edition, "ICLR.2024");
  EXPECT_EQ(poster.position, 5);
  EXPECT_EQ(poster.title, "Synthetic title text 1.");
  EXPECT_EQ(poster.authors.size(), 2u);
  EXPECT_THAT(poster.keywords, ElementsAre("Synthetic keywords text 4.", "Synthetic keywords text 5."));
  EXPECT_EQ(poster.status, "Accept");
  EXPECT_EQ(poster.presentation, "Poster");
  EXPECT_EQ(poster.group, "Poster");
  EXPECT_EQ(poster.track, "main");
  EXPECT_EQ(poster.pdf_url, "https://openreview.net/pdf/178e173a880d7872c0a79d88e005426c20501329.pdf");
  EXPECT_EQ(poster.landing_url, "https://openreview.net/forum?id=Ny150AblPu");
  EXPECT_EQ(sink.Paper("9Cu8MRmhq2@OpenReview").presentation, "Oral");
  EXPECT_EQ(sink.Paper("7ERQPyR2eb@OpenReview").presentation, "Spotlight");
  const VenuePaper& rejected = sink.Paper("cXs5md5wAq@OpenReview");
  EXPECT_EQ(rejected.status, "Reject");
  EXPECT_EQ(rejected.presentation, "");
  EXPECT_EQ(rejected.group, "Reject");

  ASSERT_EQ(sink.malformed.size(), 1u);
  EXPECT_THAT(sink.malformed[0].second, HasSubstr("noTitle001"));
  // The edition first, then again with the count the API gave for its accepted papers.
  ASSERT_EQ(sink.editions.size(), 2u);
  EXPECT_EQ(sink.editions[0].Tag(), "ICLR.2024");
  EXPECT_FALSE(sink.editions[0].official_count);
  EXPECT_EQ(sink.editions[1].official_count, 2260);
  EXPECT_THAT(sink.editions[1].official_count_source, HasSubstr("ICLR.cc/2024/Conference"));
}

TEST(OpenReviewReader, ReadsApiV1Notes) {
  CollectingSink sink;
  ASSERT_TRUE(ReadOpenReviewFile(VenueFixture("openreview/v1_iclr-2021_note.json"), sink));
  ASSERT_EQ(sink.papers.size(), 1u);
  const VenuePaper& note = sink.papers[0];
  EXPECT_EQ(note.id.ToString(), "5NsEIflpbSv@OpenReview");
  EXPECT_EQ(note.edition, "ICLR.2021");
  EXPECT_EQ(note.presentation, "Poster");
  EXPECT_EQ(note.status, "Accept");
  EXPECT_THAT(note.keywords, ElementsAre("Synthetic keywords text 12."));
  EXPECT_EQ(note.position, 2910);
  ASSERT_EQ(sink.editions.size(), 1u);  // a note fetched by id says nothing of the count
}

TEST(OpenReviewReader, ParsesVenueIds) {
  struct Case {
    std::string venueid, edition, track, status;
  };
  for (const Case& c : std::vector<Case>{
           {"ICLR.cc/2024/Conference", "ICLR.2024", "main", "Accept"},
           {"ICLR.cc/2024/Conference/Rejected_Submission", "ICLR.2024", "main", "Reject"},
           {"ICLR.cc/2024/Conference/Withdrawn_Submission", "ICLR.2024", "main", "Withdraw"},
           {"ICLR.cc/2025/Conference/Desk_Rejected_Submission", "ICLR.2025", "main", "Desk Reject"},
           {"NeurIPS.cc/2023/Track/Datasets_and_Benchmarks", "NeurIPS.2023", "Datasets and Benchmarks",
            "Accept"},
           {"colmweb.org/COLM/2024/Conference", "COLM.2024", "main", "Accept"}}) {
    Result<OpenReviewVenueId> id = ParseOpenReviewVenueId(c.venueid);
    ASSERT_TRUE(id) << c.venueid;
    EXPECT_EQ(id->edition.Tag(), c.edition) << c.venueid;
    EXPECT_EQ(id->track, c.track) << c.venueid;
    EXPECT_EQ(id->status, c.status) << c.venueid;
  }
  EXPECT_FALSE(ParseOpenReviewVenueId("ICLR.cc/Conference"));
  EXPECT_FALSE(ParseOpenReviewVenueId(""));
}

}  // namespace
}  // namespace coolpapers::ingest
