#include "translate/paper_translator.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>

#include "core/quoted_text.h"
#include "core/whitespace.h"

namespace coolpapers::translate {
namespace {

constexpr std::string_view kSystemPrompt =
    "You translate the titles and abstracts of scientific papers into Simplified Chinese for "
    "researchers. Translate faithfully and fluently, using the field's usual Chinese terms. "
    "Keep every LaTeX expression ($...$, \\(...\\)) exactly as it is, and keep names of "
    "methods, models, datasets and people in their original form. Reply in exactly this form, "
    "with nothing before or after it:\n"
    "标题：<the translated title>\n"
    "摘要：<the translated abstract, one paragraph>";

// Where one labelled part starts: the first of its labels found at or after `from`.
struct Label {
  std::size_t begin = std::string_view::npos;  // the label's first byte
  std::size_t end = std::string_view::npos;    // just after the label
};

Label FindLabel(std::string_view reply, std::size_t from,
                const std::array<std::string_view, 3>& names) {
  Label found;
  for (std::string_view name : names) {
    for (std::string_view colon : {"：", ":"}) {
      const std::string label = std::string(name) + std::string(colon);
      const std::size_t at = reply.find(label, from);
      if (at != std::string_view::npos && at < found.begin) found = {at, at + label.size()};
    }
  }
  return found;
}

constexpr std::array<std::string_view, 3> kTitleLabels = {"标题", "Title", "title"};
constexpr std::array<std::string_view, 3> kAbstractLabels = {"摘要", "Abstract", "abstract"};

}  // namespace

std::string_view TranslationSystemPrompt() { return kSystemPrompt; }

Result<PaperTranslation> ParseTranslationReply(std::string_view reply) {
  // Models often bold the labels ("**标题**："); no title or abstract needs "**" kept.
  std::string text(reply);
  for (std::size_t at = text.find("**"); at != std::string::npos; at = text.find("**", at)) {
    text.erase(at, 2);
  }
  const Label title = FindLabel(text, 0, kTitleLabels);
  const Label abstract =
      title.end == std::string::npos ? Label{} : FindLabel(text, title.end, kAbstractLabels);
  PaperTranslation translation;
  if (abstract.begin != std::string::npos) {
    translation.title = CollapseWhitespace(
        std::string_view(text).substr(title.end, abstract.begin - title.end));
    translation.abstract = CollapseWhitespace(std::string_view(text).substr(abstract.end));
  }
  if (translation.title.empty() || translation.abstract.empty()) {
    return Fail(ErrorCode::kCorrupt,
                "the model's translation did not have the form \"标题：... 摘要：...\"",
                "reply: " + QuoteForMessage(reply.substr(0, 200)));
  }
  return translation;
}

Result<PaperTranslation> TranslatePaper(const Paper& paper, llm::LlmClient& llm, UtcTime now,
                                        std::stop_token stop) {
  llm::ChatRequest request;
  request.messages = {{"system", std::string(kSystemPrompt)},
                      {"user", "Title: " + paper.title + "\nAbstract: " + paper.abstract}};
  request.temperature = 0.2;
  Result<llm::ChatReply> reply = llm.Chat(request, [](std::string_view) {}, std::move(stop));
  if (!reply) return std::unexpected(std::move(reply.error()));
  Result<PaperTranslation> translation = ParseTranslationReply(reply->content);
  if (!translation) return translation;
  translation->paper_id = paper.id;
  translation->version = std::max(1, paper.version);
  translation->model = llm.model();
  translation->created = now;
  return translation;
}

}  // namespace coolpapers::translate
