#include "core/faq_answer.h"

namespace coolpapers {

std::string_view FaqLanguageCode(FaqLanguage language) {
  return language == FaqLanguage::kChinese ? "zh" : "en";
}

std::optional<FaqLanguage> ParseFaqLanguage(std::string_view code) {
  if (code == "en") return FaqLanguage::kEnglish;
  if (code == "zh") return FaqLanguage::kChinese;
  return std::nullopt;
}

}  // namespace coolpapers
