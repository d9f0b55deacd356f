// The FAQ without a model: for each question, the paper's own sentences from the sections that
// answer it (introduction for the problem, related work, method, experiments, conclusion and
// future work; the abstract for the summary), each with its "[page N]" mark. Clearly labelled
// as extractive wherever shown, so a fresh offline install still has a working [FAQ].
#ifndef COOLPAPERS_FAQ_EXTRACTIVE_FAQ_H_
#define COOLPAPERS_FAQ_EXTRACTIVE_FAQ_H_

#include <string>
#include <vector>

#include "faq/faq_questions.h"
#include "pdf/pdf_text.h"

namespace coolpapers::faq {

// One Markdown answer per question of `prompts`, in order: at most `max_sentences` whole
// sentences quoted from the paper (never from the references), each followed by its page
// mark, as a bullet list; "The paper does not say." (or the Chinese equivalent for Chinese
// prompts) when no section fits. `abstract` (from the store) serves the summary question when
// the PDF's own abstract is not found; its sentences not found on the first three pages are
// quoted without a mark. Every mark produced survives VerifyPageMarks. Question ids other than
// the six of faq_questions.h get "does not say". Sections and scoring: docs/faq.md.
// Deterministic and pure.
std::vector<std::string> MakeExtractiveAnswers(const pdf::PaperText& paper, std::string_view abstract,
                                               const FaqPrompts& prompts, FaqLanguage language,
                                               int max_sentences = 4);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_EXTRACTIVE_FAQ_H_
