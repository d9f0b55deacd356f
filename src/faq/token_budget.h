// Fitting a paper's text into a language model's context window, keeping what answers the FAQ
// best: the beginning (title, abstract, introduction) and the conclusion.
#ifndef COOLPAPERS_FAQ_TOKEN_BUDGET_H_
#define COOLPAPERS_FAQ_TOKEN_BUDGET_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "pdf/pdf_text.h"

namespace coolpapers::faq {

// The estimate used for budgets: one token per 4 bytes of UTF-8, rounded up. For English prose
// GPT-style BPE tokenizers average about 4 characters per token; for non-ASCII text (2-3 bytes a
// character) the estimate runs high, which errs on the side of fitting.
size_t EstimateTokens(std::string_view text);

// The paper as one text with a "[page N]" line before the text of each page (and again after
// every cut, so every kept line can be cited by page), using at most `max_tokens` by
// EstimateTokens. When the whole paper does not fit, it drops, in this order:
//  1. the references (from paper.references to the next appendix heading or the end), replaced
//     by "[... references omitted ...]";
//  2. appendices after the references;
//  3. the middle of the body, replaced by "[... pages X-Y trimmed ...]": the tail from the last
//     conclusion heading (section_headings.h) to the end of the body is kept when it takes at
//     most 45% of the budget (otherwise the last 30% of the budget's worth of lines), and the
//     rest of the budget goes to the body's first lines.
// Cuts fall between lines, and the result never exceeds the budget (at worst it is empty).
std::string FitToBudget(const pdf::PaperText& paper, size_t max_tokens);

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_TOKEN_BUDGET_H_
