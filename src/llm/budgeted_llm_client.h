// An LlmClient that charges every call to the instance's ModelBudget (model_budget.h) before
// passing it on: once the day's budget is spent, Chat answers kUnavailable without calling the
// model. serve wraps the FAQ's and the translations' clients in it, sharing one budget.
#ifndef COOLPAPERS_LLM_BUDGETED_LLM_CLIENT_H_
#define COOLPAPERS_LLM_BUDGETED_LLM_CLIENT_H_

#include <memory>
#include <stop_token>
#include <string>

#include "llm/llm_client.h"
#include "llm/model_budget.h"

namespace coolpapers::llm {

class BudgetedLlmClient final : public LlmClient {
 public:
  // `budget` must outlive the client.
  BudgetedLlmClient(std::unique_ptr<LlmClient> inner, ModelBudget& budget)
      : inner_(std::move(inner)), budget_(budget) {}

  // kUnavailable when the budget is spent; otherwise the inner client's answer, whose tokens
  // (the server's usage, or about a token per 4 characters when it reports none) are charged.
  [[nodiscard]] Result<ChatReply> Chat(const ChatRequest& request, const ChatDeltaSink& on_delta,
                                       std::stop_token stop = {}) override;
  const std::string& model() const override { return inner_->model(); }

 private:
  const std::unique_ptr<LlmClient> inner_;
  ModelBudget& budget_;
};

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_BUDGETED_LLM_CLIENT_H_
