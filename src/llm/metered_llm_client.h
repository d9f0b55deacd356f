// An LlmClient that counts what passes through it into a ModelUsage (core/model_usage.h): each
// call, each failed call, and the tokens the server reports. `serve` wraps its model clients in
// it so /metrics can tell what the model budget is spent on.
#ifndef COOLPAPERS_LLM_METERED_LLM_CLIENT_H_
#define COOLPAPERS_LLM_METERED_LLM_CLIENT_H_

#include <memory>

#include "core/model_usage.h"
#include "llm/llm_client.h"

namespace coolpapers::llm {

class MeteredLlmClient : public LlmClient {
 public:
  // `usage` must outlive the client.
  MeteredLlmClient(std::unique_ptr<LlmClient> inner, ModelUsage& usage)
      : inner_(std::move(inner)), usage_(usage) {}

  [[nodiscard]] Result<ChatReply> Chat(const ChatRequest& request, const ChatDeltaSink& on_delta,
                                       std::stop_token stop = {}) override;
  const std::string& model() const override { return inner_->model(); }

 private:
  std::unique_ptr<LlmClient> inner_;
  ModelUsage& usage_;
};

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_METERED_LLM_CLIENT_H_
