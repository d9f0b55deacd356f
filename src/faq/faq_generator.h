// One FAQ generation: a paper's PDF -> text -> one model call per question, each answer's page
// marks checked, each finished item saved at once so a restarted generation resumes after the
// last one -> the finished FaqAnswer, stored. Without a model, the extractive answers.
#ifndef COOLPAPERS_FAQ_FAQ_GENERATOR_H_
#define COOLPAPERS_FAQ_FAQ_GENERATOR_H_

#include <cstddef>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>

#include "core/faq_paper.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/faq_answer.h"
#include "faq/faq_questions.h"
#include "llm/llm_client.h"
#include "store/faq_store.h"

namespace coolpapers::faq {

// The PDF of `paper` (an arXiv id with its version, "2401.06769v2", or a venue paper), as bytes.
// Errors as the fetcher reports them: kUnavailable/kTimeout (try later), kNotFound (the source
// has no such PDF). `stop` cancels.
using PdfLoader =
    std::function<Result<std::string>(const FaqPaper& paper, std::stop_token stop)>;

// What to generate: the paper at one version, in one language.
struct FaqGeneration {
  FaqPaper id;            // with the version to read: "2401.06769v2"; a venue paper at v1
  std::string title;      // from the store: fills the prompt's "{title}"
  std::string abstract;   // from the store: the extractive summary's fallback
  FaqLanguage language = FaqLanguage::kEnglish;
};

// Hears the generation's progress, on the generating thread; each may be empty.
struct FaqProgress {
  // Question `question_index` of `question_count` starts (also at once for each question
  // finished by an earlier attempt, which is then reported through on_item_done).
  std::function<void(int question_index, int question_count)> on_question;
  std::function<void(int question_index, std::string_view delta)> on_delta;
  // The item is final (its marks checked) and saved.
  std::function<void(int question_index, const FaqItem& item)> on_item_done;
};

struct FaqGeneratorOptions {
  PdfLoader load_pdf;
  // Not owned; must outlive the calls. nullptr: extractive answers (model "extractive").
  llm::LlmClient* llm = nullptr;
  FaqQuestionSet questions = DefaultFaqQuestions();
  // Tokens of paper text a prompt may carry (LlmOptions::context_tokens).
  size_t context_tokens = 100'000;
  double temperature = 0.3;
  int max_tokens = 0;  // per answer; 0: the server's default
  Clock* clock = &RealClock();  // the answer's created time; not owned
};

// Runs the generation of `what`: loads the PDF, extracts its text (ExtractPaperText) and fits it
// to options.context_tokens (FitToBudget), then asks each question that `faq_store` holds no
// partial item for (same paper, version, language and model), streaming the answer's deltas to
// `progress`, verifying its page marks (VerifyPageMarks) and saving it as a partial item; at the
// end saves and returns the FaqAnswer (model = llm->model(), closing from the prompts).
// Without a model, the extractive answers are saved at once (extractive = true).
// Errors, from the step that failed: the PdfLoader's; ExtractPaperText's (kInvalidArgument not
// a PDF or encrypted, kCorrupt damaged, kNotFound no text: failures for good); the model's
// (kUnavailable, kTimeout: try again; kInvalidArgument, kCorrupt); the store's;
// kUnavailable "cancelled" when `stop` was requested between steps. Items finished before an
// error stay saved. Thread-safe for different papers; `faq_store` and options.llm must outlive
// the call.
[[nodiscard]] Result<FaqAnswer> GenerateFaq(const FaqGeneration& what,
                                            const FaqGeneratorOptions& options,
                                            store::FaqStore& faq_store,
                                            const FaqProgress& progress,
                                            std::stop_token stop = {});

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_FAQ_GENERATOR_H_
