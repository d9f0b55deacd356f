#include "faq/faq_generator.h"

#include <chrono>
#include <utility>
#include <vector>

#include "faq/extractive_faq.h"
#include "faq/page_marks.h"
#include "pdf/pdf_text.h"
#include "faq/searchable_text.h"
#include "faq/token_budget.h"

namespace coolpapers::faq {
namespace {

constexpr std::string_view kExtractiveModel = "extractive";

UtcTime NowOf(const FaqGeneratorOptions& options) {
  return WallSeconds(*options.clock);
}

Result<void> Cancelled(const FaqPaper& id) {
  return Fail(ErrorCode::kUnavailable,
              "the FAQ generation of " + id.Describe() + " was cancelled");
}

FaqAnswer AnswerOf(const FaqGeneration& what, const FaqPrompts& prompts, std::string model,
                   UtcTime created) {
  FaqAnswer answer;
  answer.paper_id = what.id.str();
  answer.version = what.id.version();
  answer.language = what.language;
  answer.extractive = model == kExtractiveModel;
  answer.model = std::move(model);
  answer.created = created;
  answer.closing = prompts.closing;
  return answer;
}

FaqItem ItemOf(const FaqQuestion& question, const CheckedAnswer& checked) {
  FaqItem item;
  item.question_id = question.id;
  item.question = question.question;
  item.answer = checked.text;
  item.pages = checked.pages;
  return item;
}

void ReportDone(const FaqProgress& progress, int index, int count, const FaqItem& item) {
  if (progress.on_question) progress.on_question(index, count);
  if (progress.on_item_done) progress.on_item_done(index, item);
}

Result<FaqAnswer> GenerateExtractive(const FaqGeneration& what, const FaqPrompts& prompts,
                                     const pdf::PaperText& paper, const FaqGeneratorOptions& options,
                                     store::FaqStore& faq_store, const FaqProgress& progress) {
  const std::vector<std::string> answers =
      MakeExtractiveAnswers(paper, what.abstract, prompts, what.language);
  FaqAnswer answer = AnswerOf(what, prompts, std::string(kExtractiveModel), NowOf(options));
  const int count = static_cast<int>(prompts.questions.size());
  for (int index = 0; index < count && index < static_cast<int>(answers.size()); ++index) {
    // Quoted sentences carry the marks of their own pages; the check only normalises them and
    // lists the pages.
    FaqItem item = ItemOf(prompts.questions[index], VerifyPageMarks(answers[index], paper));
    ReportDone(progress, index, count, item);
    answer.items.push_back(std::move(item));
  }
  if (Result<void> saved = faq_store.SaveAnswer(answer); !saved) {
    return std::unexpected(std::move(saved.error()));
  }
  return answer;
}

}  // namespace

Result<FaqAnswer> GenerateFaq(const FaqGeneration& what, const FaqGeneratorOptions& options,
                              store::FaqStore& faq_store, const FaqProgress& progress,
                              std::stop_token stop) {
  const FaqPrompts& prompts = options.questions.For(what.language);
  if (!options.load_pdf) {
    return Fail(ErrorCode::kInternal, "no PDF loader is configured for the FAQ");
  }
  Result<std::string> pdf = options.load_pdf(what.id, stop);
  if (!pdf) return std::unexpected(std::move(pdf.error()));
  if (stop.stop_requested()) return std::unexpected(Cancelled(what.id).error());
  Result<pdf::PaperText> paper = pdf::ExtractPaperText(*pdf, what.id.Describe());
  if (!paper) return std::unexpected(std::move(paper.error()));
  pdf->clear();
  // Kept for the search index (fulltext:); a paper the store does not hold has no index entry
  // to add it to.
  if (Result<void> kept = faq_store.SavePaperText(what.id.str(), what.id.version(),
                                                  SearchableText(*paper));
      !kept && kept.error().code != ErrorCode::kNotFound) {
    return std::unexpected(std::move(kept.error()));
  }

  if (options.llm == nullptr) {
    return GenerateExtractive(what, prompts, *paper, options, faq_store, progress);
  }
  llm::LlmClient& llm = *options.llm;
  const std::string model = llm.model();
  const int count = static_cast<int>(prompts.questions.size());

  Result<std::vector<FaqItem>> finished =
      faq_store.LoadPartialItems(what.id.str(), what.language, what.id.version(), model);
  if (!finished) return std::unexpected(std::move(finished.error()));
  // A question list changed since the items were saved (a new TOML file) is not resumed.
  for (size_t index = 0; index < finished->size(); ++index) {
    if (index >= prompts.questions.size() ||
        (*finished)[index].question_id != prompts.questions[index].id) {
      finished->resize(index);
      break;
    }
  }
  FaqAnswer answer = AnswerOf(what, prompts, model, UtcTime{});
  for (FaqItem& item : *finished) {
    const int index = static_cast<int>(answer.items.size());
    ReportDone(progress, index, count, item);
    answer.items.push_back(std::move(item));
  }

  const std::string paper_text = FitToBudget(*paper, options.context_tokens);
  for (int index = static_cast<int>(answer.items.size()); index < count; ++index) {
    if (stop.stop_requested()) return std::unexpected(Cancelled(what.id).error());
    const FaqQuestion& question = prompts.questions[index];
    if (progress.on_question) progress.on_question(index, count);
    llm::ChatRequest request;
    request.messages = {{"system", prompts.system},
                        {"user", RenderUserPrompt(prompts, what.title, paper_text, question)}};
    request.temperature = options.temperature;
    request.max_tokens = options.max_tokens;
    Result<llm::ChatReply> reply = llm.Chat(
        request,
        [&](std::string_view delta) {
          if (progress.on_delta) progress.on_delta(index, delta);
        },
        stop);
    if (!reply) return std::unexpected(std::move(reply.error()));
    FaqItem item = ItemOf(question, VerifyPageMarks(reply->content, *paper));
    item.prompt_tokens = reply->usage.prompt_tokens;
    item.completion_tokens = reply->usage.completion_tokens;
    if (Result<void> saved = faq_store.SavePartialItem(what.id.str(), what.language,
                                                       what.id.version(), model, index, item);
        !saved) {
      return std::unexpected(std::move(saved.error()));
    }
    if (progress.on_item_done) progress.on_item_done(index, item);
    answer.items.push_back(std::move(item));
  }
  answer.created = NowOf(options);
  if (Result<void> saved = faq_store.SaveAnswer(answer); !saved) {
    return std::unexpected(std::move(saved.error()));
  }
  return answer;
}

}  // namespace coolpapers::faq
