// How a FAQ item is spelled as JSON in every store (faq_answers.items, faq_partial_items.item):
// {question_id, question, answer, pages, prompt_tokens, completion_tokens}.
#ifndef COOLPAPERS_STORE_FAQ_ITEM_JSON_H_
#define COOLPAPERS_STORE_FAQ_ITEM_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/faq_answer.h"

namespace coolpapers::store {

nlohmann::json FaqItemJson(const FaqItem& item);

// The items as a JSON array in text, as faq_answers.items holds them.
std::string FaqItemsJsonText(const std::vector<FaqItem>& items);

// The item `json` holds; kCorrupt naming `paper_id` when a field is missing or of another type.
[[nodiscard]] Result<FaqItem> FaqItemFromJson(const nlohmann::json& json,
                                              std::string_view paper_id);

// The items of a stored answer, a JSON array in text; kCorrupt naming `paper_id` otherwise.
[[nodiscard]] Result<std::vector<FaqItem>> FaqItemsFromJsonText(std::string_view text,
                                                                std::string_view paper_id);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_FAQ_ITEM_JSON_H_
