// Translating a paper's title and abstract into Chinese with the language model (the reader's
// "translate titles and abstracts" setting): one call per paper version, the math left as TeX
// so the page typesets it as in the original.
#ifndef COOLPAPERS_TRANSLATE_PAPER_TRANSLATOR_H_
#define COOLPAPERS_TRANSLATE_PAPER_TRANSLATOR_H_

#include <stop_token>
#include <string_view>

#include "core/error.h"
#include "core/paper.h"
#include "core/paper_translation.h"
#include "llm/llm_client.h"

namespace coolpapers::translate {

// The model's instructions (the system message), in docs/faq.md: a fixed reply form,
// "标题：<title>" on the first line and "摘要：<abstract>" after it, TeX and names unchanged.
std::string_view TranslationSystemPrompt();

// Reads the model's reply in the form TranslationSystemPrompt asks for into `title` and
// `abstract` (whitespace trimmed; the ASCII colon is accepted too, and so are the English
// labels "Title:" and "Abstract:"). kCorrupt, quoting the start of the reply, when either part
// is missing or empty. Pure.
[[nodiscard]] Result<PaperTranslation> ParseTranslationReply(std::string_view reply);

// Asks `llm` for the translation of `paper`'s title and abstract and returns it with the paper's
// id and version, the model's name and `now`. Errors: the model's (LlmClient::Chat), or
// ParseTranslationReply's. Thread-safe when `llm` is.
[[nodiscard]] Result<PaperTranslation> TranslatePaper(const Paper& paper, llm::LlmClient& llm,
                                                      UtcTime now, std::stop_token stop = {});

}  // namespace coolpapers::translate

#endif  // COOLPAPERS_TRANSLATE_PAPER_TRANSLATOR_H_
