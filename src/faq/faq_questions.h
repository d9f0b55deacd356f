// The fixed FAQ questions and the prompts that carry them (reference §3.1), in English and
// Chinese: two independent generations, never translations. A deployer changes them in a TOML
// file (docs/faq.md); the defaults are compiled in.
#ifndef COOLPAPERS_FAQ_FAQ_QUESTIONS_H_
#define COOLPAPERS_FAQ_FAQ_QUESTIONS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/faq_answer.h"

namespace coolpapers::faq {

struct FaqQuestion {
  std::string id;        // stable key: "problem", "related_work", "method", "experiments",
                         // "further_work", "summary"
  std::string question;  // as shown to readers and asked of the model
};

// Everything the model is told for one language.
struct FaqPrompts {
  // The system message; asks for Markdown, $...$ math, and a "[page N]" mark after each claim
  // drawn from the paper, N being a page of the "[page N]" lines in the paper text.
  std::string system;
  // The user message; "{title}", "{paper}" (the text from FitToBudget) and "{question}" are
  // replaced.
  std::string user_template;
  std::vector<FaqQuestion> questions;  // asked one per call, in this order
  // The fixed closing item shown after the answers (not asked of the model): markdown.
  std::string closing;
};

struct FaqQuestionSet {
  FaqPrompts english;
  FaqPrompts chinese;
  const FaqPrompts& For(FaqLanguage language) const {
    return language == FaqLanguage::kChinese ? chinese : english;
  }
};

// The compiled-in questions of reference §3.1 in both languages.
const FaqQuestionSet& DefaultFaqQuestions();

// Reads a TOML file shaped as docs/faq.md shows; keys it leaves out keep the defaults.
// Errors: kNotFound (no file), kInvalidArgument naming the file, line and key (bad TOML, an
// unknown key, a question without id or text, a template without "{paper}" or "{question}").
[[nodiscard]] Result<FaqQuestionSet> LoadFaqQuestions(const std::filesystem::path& path);

// The user message for one question: the template with its placeholders replaced.
std::string RenderUserPrompt(const FaqPrompts& prompts, std::string_view title,
                             std::string_view paper_text, const FaqQuestion& question);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_FAQ_QUESTIONS_H_
