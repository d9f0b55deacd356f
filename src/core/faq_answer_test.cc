#include "core/faq_answer.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

TEST(FaqLanguage, CodesRoundTrip) {
  for (FaqLanguage language : {FaqLanguage::kEnglish, FaqLanguage::kChinese}) {
    EXPECT_EQ(ParseFaqLanguage(FaqLanguageCode(language)), language);
  }
  EXPECT_EQ(FaqLanguageCode(FaqLanguage::kEnglish), "en");
  EXPECT_EQ(FaqLanguageCode(FaqLanguage::kChinese), "zh");
}

TEST(FaqLanguage, RejectsOtherCodes) {
  for (std::string_view code : {"", "EN", "Zh", "zh-CN", "cn", "fr", "en "}) {
    EXPECT_EQ(ParseFaqLanguage(code), std::nullopt) << code;
  }
}

}  // namespace
}  // namespace coolpapers
