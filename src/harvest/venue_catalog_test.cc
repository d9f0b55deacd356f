#include "harvest/venue_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/venue.h"

namespace coolpapers::harvest {
namespace {

using ::testing::HasSubstr;

TEST(VenueCatalog, FindsAKnownEditionAndItsSource) {
  auto iclr = FindKnownVenueEdition("ICLR.2025");
  ASSERT_TRUE(iclr);
  EXPECT_EQ(iclr->source, VenueHarvestSource::kOpenReview);
  EXPECT_EQ(iclr->detail, "ICLR.cc/2025/Conference");
  EXPECT_EQ(FindKnownVenueEdition("NAACL.2024")->source, VenueHarvestSource::kAclAnthology);
  EXPECT_EQ(FindKnownVenueEdition("CoRL.2025")->source, VenueHarvestSource::kPmlr);
  EXPECT_EQ(FindKnownVenueEdition("AAAI.2024")->source, VenueHarvestSource::kOjsOai);
}

TEST(VenueCatalog, AnUnknownEditionNamesTheKnownOnes) {
  auto unknown = FindKnownVenueEdition("ICLR.1999");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(unknown.error().message, HasSubstr("\"ICLR.1999\""));
  EXPECT_THAT(unknown.error().message, HasSubstr("ICLR.2025"));
  EXPECT_THAT(unknown.error().message, HasSubstr("NAACL.2024"));
  EXPECT_FALSE(FindKnownVenueEdition("iclr.2025"));  // spelled as papers.cool spells it
}

TEST(VenueCatalog, EveryRowIsAWellFormedEditionListedOnceWithHttpsUrls) {
  std::set<std::string> tags;
  for (const KnownVenueEdition& edition : KnownVenueEditions()) {
    EXPECT_TRUE(ParseEditionTag(edition.tag)) << edition.tag;
    EXPECT_TRUE(tags.insert(std::string(edition.tag)).second) << edition.tag;
    EXPECT_TRUE(edition.url.starts_with("https://")) << edition.tag;
    EXPECT_FALSE(edition.detail.empty()) << edition.tag;
  }
}

}  // namespace
}  // namespace coolpapers::harvest
