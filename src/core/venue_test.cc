#include "core/venue.h"

#include <gtest/gtest.h>

#include <string>

#include "core/title_key.h"

namespace coolpapers {
namespace {

struct IdCase {
  std::string text;
  VenueSource source;
  std::string local;
  std::string qualifier;
  std::string printed;  // the canonical spelling
};

class VenuePaperIdForms : public ::testing::TestWithParam<IdCase> {};

TEST_P(VenuePaperIdForms, ParsesAndPrintsBack) {
  const IdCase& c = GetParam();
  Result<VenuePaperId> id = ParseVenuePaperId(c.text);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->source, c.source);
  EXPECT_EQ(id->local, c.local);
  EXPECT_EQ(id->qualifier, c.qualifier);
  EXPECT_EQ(id->ToString(), c.printed);
}

INSTANTIATE_TEST_SUITE_P(
    EveryForm, VenuePaperIdForms,
    ::testing::Values(
        IdCase{"rhgIgTSSxW@OpenReview", VenueSource::kOpenReview, "rhgIgTSSxW", "",
               "rhgIgTSSxW@OpenReview"},
        IdCase{"2024.naacl-long.431@ACL", VenueSource::kAcl, "2024.naacl-long.431", "",
               "2024.naacl-long.431@ACL"},
        IdCase{"0042@2024@IJCAI", VenueSource::kIjcai, "42", "2024", "42@2024@IJCAI"},
        IdCase{"xie25a@v305@PMLR", VenueSource::kPmlr, "xie25a", "v305", "xie25a@v305@PMLR"},
        IdCase{"Park_SplineGS_Robust@CVPR2025@CVF", VenueSource::kCvf, "Park_SplineGS_Robust",
               "CVPR2025", "Park_SplineGS_Robust@CVPR2025@CVF"},
        IdCase{"38818@AAAI", VenueSource::kAaai, "38818", "", "38818@AAAI"},
        IdCase{"8B16EBC056E613024C057BE590B542EB@2018@NeurIPS", VenueSource::kNeurIps,
               "8b16ebc056e613024c057be590b542eb", "2018",
               "8b16ebc056e613024c057be590b542eb@2018@NeurIPS"},
        // URLS.md §2: /venue/xu-haichuan%40usenixsecurity24%40USENIX.
        IdCase{"xu-haichuan@usenixsecurity24@USENIX", VenueSource::kUsenix, "xu-haichuan",
               "usenixsecurity24", "xu-haichuan@usenixsecurity24@USENIX"},
        IdCase{"zhang-wei@osdi25@USENIX", VenueSource::kUsenix, "zhang-wei", "osdi25",
               "zhang-wei@osdi25@USENIX"}));

TEST(VenuePaperId, RejectsMalformedIds) {
  for (const char* text : {"", "abc", "abc@", "@ACL", "abc@Arxiv", "x@ACL@", "a b@ACL",
                           "x@2024@ACL@", "1@24@IJCAI", "1@IJCAI", "abc@2024@IJCAI",
                           "xie25a@305@PMLR", "x@2019@CVF", "x@iccv2019@CVF", "12ab@2018@NeurIPS",
                           "x1@AAAI", "xu-haichuan@USENIX", "x@usenixsecurity@USENIX",
                           "x@UsenixSecurity24@USENIX", "x@2024@USENIX", "x@osdi2025@USENIX"}) {
    Result<VenuePaperId> id = ParseVenuePaperId(text);
    EXPECT_FALSE(id) << text;
    if (!id) {
      EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument) << text;
    }
  }
}

TEST(VenuePaperId, RanksProceedingsBeforeOpenReview) {
  EXPECT_LT(VenueSourceRank(VenueSource::kPmlr), VenueSourceRank(VenueSource::kOpenReview));
  EXPECT_LT(VenueSourceRank(VenueSource::kAcl), VenueSourceRank(VenueSource::kOpenReview));
  EXPECT_LT(VenueSourceRank(VenueSource::kUsenix), VenueSourceRank(VenueSource::kOpenReview));
}

TEST(VenueEdition, ParsesAndPrintsTags) {
  Result<VenueEdition> edition = ParseEditionTag("USENIX-Sec.2023");
  ASSERT_TRUE(edition);
  EXPECT_EQ(edition->venue, "USENIX-Sec");
  EXPECT_EQ(edition->year, 2023);
  EXPECT_EQ(edition->Tag(), "USENIX-Sec.2023");
  for (const char* bad : {"ICLR", "ICLR.24", ".2024", "IC LR.2024", "ICLR.2024x"}) {
    EXPECT_FALSE(ParseEditionTag(bad)) << bad;
  }
}

TEST(TitleKey, IgnoresCasePunctuationSpacingAndAccentSpelling) {
  EXPECT_EQ(MakeTitleKey("Naive Bayes-based Context Extension for Large Language Models"),
            MakeTitleKey("naive bayes based  context {E}xtension for large language models."));
  EXPECT_EQ(MakeTitleKey("Schr{\\\"o}dinger Bridges"), MakeTitleKey("Schrödinger bridges"));
  EXPECT_EQ(MakeTitleKey("“Stack It Up!” — a test"), MakeTitleKey("\"Stack It Up!\" - a test"));
  EXPECT_EQ(MakeTitleKey("A 4-Approximation"), "a4approximation");
  EXPECT_NE(MakeTitleKey("Learning to Rank"), MakeTitleKey("Learning to Rank II"));
}

}  // namespace
}  // namespace coolpapers
