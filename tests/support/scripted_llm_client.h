// Test doubles of the FAQ pipeline: a LlmClient that streams scripted replies (and can fail on
// cue) and counts its calls, and a small PDF whose text the scripted replies cite.
#ifndef COOLPAPERS_TESTS_SUPPORT_SCRIPTED_LLM_CLIENT_H_
#define COOLPAPERS_TESTS_SUPPORT_SCRIPTED_LLM_CLIENT_H_

#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "llm/llm_client.h"

namespace coolpapers::llm::testing {

// Calls are numbered from 1. By default call n streams DefaultReplyText(n) in three deltas with
// usage {100 + n, 10 + n}. Thread-safe.
class ScriptedLlmClient final : public LlmClient {
 public:
  // Replaces the default reply of a call; `call` is 1-based.
  using Script = std::function<Result<ChatReply>(int call, const ChatRequest& request,
                                                 const ChatDeltaSink& on_delta)>;

  explicit ScriptedLlmClient(std::string model = "scripted-model") : model_(std::move(model)) {}

  void SetScript(Script script);
  [[nodiscard]] Result<ChatReply> Chat(const ChatRequest& request, const ChatDeltaSink& on_delta,
                                       std::stop_token stop) override;
  const std::string& model() const override { return model_; }

  int calls() const;
  // The user message of each call, in order.
  std::vector<std::string> user_prompts() const;

  // "Answer n: the attention mechanism improves scaling [page 1]." (page 1 of FaqTestPdf
  // supports the claim, so the mark is kept).
  static std::string DefaultReplyText(int call);
  // Streams `text` to `on_delta` in three pieces and returns the whole reply.
  static ChatReply Stream(std::string_view text, const ChatDeltaSink& on_delta,
                          TokenUsage usage = {}, std::string model = "scripted-model");

 private:
  const std::string model_;
  mutable std::mutex mutex_;
  Script script_;                          // Guarded by mutex_.
  int calls_ = 0;                          // Guarded by mutex_.
  std::vector<std::string> user_prompts_;  // Guarded by mutex_.
};

}  // namespace coolpapers::llm::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_SCRIPTED_LLM_CLIENT_H_
