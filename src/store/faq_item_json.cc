#include "store/faq_item_json.h"

#include <string>
#include <vector>

#include "core/quoted_text.h"

namespace coolpapers::store {

nlohmann::json FaqItemJson(const FaqItem& item) {
  return {{"question_id", item.question_id},
          {"question", item.question},
          {"answer", item.answer},
          {"pages", item.pages},
          {"prompt_tokens", item.prompt_tokens},
          {"completion_tokens", item.completion_tokens}};
}

std::string FaqItemsJsonText(const std::vector<FaqItem>& items) {
  nlohmann::json array = nlohmann::json::array();
  for (const FaqItem& item : items) array.push_back(FaqItemJson(item));
  return array.dump();
}

Result<FaqItem> FaqItemFromJson(const nlohmann::json& json, std::string_view paper_id) {
  try {
    FaqItem item;
    item.question_id = json.at("question_id").get<std::string>();
    item.question = json.at("question").get<std::string>();
    item.answer = json.at("answer").get<std::string>();
    item.pages = json.at("pages").get<std::vector<int>>();
    item.prompt_tokens = json.at("prompt_tokens").get<int64_t>();
    item.completion_tokens = json.at("completion_tokens").get<int64_t>();
    return item;
  } catch (const nlohmann::json::exception& error) {
    return Fail(ErrorCode::kCorrupt,
                "the store holds a damaged FAQ item of paper " + QuoteForMessage(paper_id),
                error.what());
  }
}

Result<std::vector<FaqItem>> FaqItemsFromJsonText(std::string_view text,
                                                  std::string_view paper_id) {
  const nlohmann::json items = nlohmann::json::parse(text, nullptr, false);
  if (!items.is_array()) {
    return Fail(ErrorCode::kCorrupt,
                "the store holds a damaged FAQ answer of paper " + QuoteForMessage(paper_id),
                "expected a JSON array in faq_answers.items");
  }
  std::vector<FaqItem> result;
  for (const nlohmann::json& json : items) {
    Result<FaqItem> item = FaqItemFromJson(json, paper_id);
    if (!item) return std::unexpected(std::move(item.error()));
    result.push_back(std::move(*item));
  }
  return result;
}

}  // namespace coolpapers::store
