// A paper's FAQ as stored and served: one answer per fixed question, in one language, from one
// version of the paper's full text, by one model (or extractive, without a model).
#ifndef COOLPAPERS_CORE_FAQ_ANSWER_H_
#define COOLPAPERS_CORE_FAQ_ANSWER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/announcement_calendar.h"  // UtcTime

namespace coolpapers {

enum class FaqLanguage { kEnglish, kChinese };
std::string_view FaqLanguageCode(FaqLanguage language);              // "en", "zh"
std::optional<FaqLanguage> ParseFaqLanguage(std::string_view code);  // "en", "zh"

struct FaqItem {
  std::string question_id;  // "problem", "method", ...
  std::string question;     // as asked
  std::string answer;       // Markdown with $math$ and verified "[page N]" marks
  std::vector<int> pages;   // pages cited by the kept marks
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

struct FaqAnswer {
  std::string paper_id;  // without version: "2401.06769"
  int version = 0;       // the version whose PDF was read
  FaqLanguage language = FaqLanguage::kEnglish;
  std::string model;     // "moonshot-v1-128k"; "extractive" when no model was used
  bool extractive = false;
  UtcTime created{};
  std::vector<FaqItem> items;  // in question order
  std::string closing;         // the fixed closing item (Markdown)
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_FAQ_ANSWER_H_
