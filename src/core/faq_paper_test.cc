#include "core/faq_paper.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

TEST(FaqPaper, ReadsArxivAndVenueIdsApartByTheirAt) {
  const FaqPaper arxiv = FaqPaper::Parse("2401.06769v2").value();
  EXPECT_FALSE(arxiv.is_venue());
  EXPECT_EQ(arxiv.str(), "2401.06769");
  EXPECT_EQ(arxiv.version(), 2);
  EXPECT_EQ(arxiv.Describe(), "arXiv 2401.06769v2");
  EXPECT_EQ(arxiv.AtVersion(3).arxiv().WithVersion(), "2401.06769v3");

  const FaqPaper venue = FaqPaper::Parse("2024.naacl-long.431@ACL").value();
  ASSERT_TRUE(venue.is_venue());
  EXPECT_EQ(venue.venue().source, VenueSource::kAcl);
  EXPECT_EQ(venue.str(), "2024.naacl-long.431@ACL");
  EXPECT_EQ(venue.version(), 0);
  EXPECT_EQ(venue.AtVersion(5).version(), 1) << "a venue PDF has one version";
  EXPECT_EQ(venue.Describe(), "2024.naacl-long.431@ACL");
  EXPECT_EQ(FaqPaper::Parse("0042@2024@IJCAI").value().str(), "42@2024@IJCAI");
}

TEST(FaqPaper, RefusesWhatNeitherParserReads) {
  EXPECT_EQ(FaqPaper::Parse("2401.0676x").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FaqPaper::Parse("@ACL").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FaqPaper::Parse("x@Nowhere").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace coolpapers
