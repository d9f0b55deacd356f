#include "ingest/venue/venue_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;

TEST(VenueFields, NormalisesPageRanges) {
  EXPECT_EQ(NormalizePages("1--21"), "1-21");
  EXPECT_EQ(NormalizePages("1–12"), "1-12");
  EXPECT_EQ(NormalizePages(" 7129 -- 7135 "), "7129-7135");
  EXPECT_EQ(NormalizePages("i-i"), "i-i");
}

TEST(VenueFields, NamesPresentations) {
  EXPECT_EQ(PresentationOf("ICLR 2024 spotlight"), "Spotlight");
  EXPECT_EQ(PresentationOf("Oral"), "Oral");
  EXPECT_EQ(PresentationOf("ICLR 2023 notable top 5%"), "Oral");
  EXPECT_EQ(PresentationOf("ICLR 2023 notable-top-25%"), "Spotlight");
  EXPECT_EQ(PresentationOf("Submitted to ICLR 2024"), "");
  EXPECT_EQ(PresentationOf("Findings"), "");
}

TEST(VenueFields, SplitsListsAndFindsArxivIds) {
  EXPECT_THAT(SplitTrimmed("Tamar Rott Shaham;  Tali Dekel;;", ';'),
              ElementsAre("Tamar Rott Shaham", "Tali Dekel"));
  EXPECT_EQ(ArxivIdOfLink("https://arxiv.org/abs/1905.01164v2"), "1905.01164");
  EXPECT_EQ(ArxivIdOfLink("http://arxiv.org/pdf/1905.01164.pdf"), "1905.01164");
  EXPECT_EQ(ArxivIdOfLink("arXiv:2401.06769"), "2401.06769");
  EXPECT_EQ(ArxivIdOfLink(""), "");
  EXPECT_EQ(ArxivIdOfLink("https://github.com/x"), "");
}

}  // namespace
}  // namespace coolpapers::ingest
