#include "tests/support/scripted_llm_client.h"

#include <algorithm>
#include <utility>


namespace coolpapers::llm::testing {

void ScriptedLlmClient::SetScript(Script script) {
  std::lock_guard lock(mutex_);
  script_ = std::move(script);
}

Result<ChatReply> ScriptedLlmClient::Chat(const ChatRequest& request,
                                          const ChatDeltaSink& on_delta, std::stop_token) {
  int call = 0;
  Script script;
  {
    std::lock_guard lock(mutex_);
    call = ++calls_;
    std::string user;
    for (const ChatMessage& message : request.messages) {
      if (message.role == "user") user = message.content;
    }
    user_prompts_.push_back(std::move(user));
    script = script_;
  }
  if (script) return script(call, request, on_delta);
  return Stream(DefaultReplyText(call), on_delta, {100 + call, 10 + call}, model_);
}

int ScriptedLlmClient::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::vector<std::string> ScriptedLlmClient::user_prompts() const {
  std::lock_guard lock(mutex_);
  return user_prompts_;
}

std::string ScriptedLlmClient::DefaultReplyText(int call) {
  return "Answer " + std::to_string(call) +
         ": the attention mechanism improves scaling [page 1].";
}

ChatReply ScriptedLlmClient::Stream(std::string_view text, const ChatDeltaSink& on_delta,
                                    TokenUsage usage, std::string model) {
  const size_t piece = std::max<size_t>(1, (text.size() + 2) / 3);
  for (size_t start = 0; start < text.size(); start += piece) {
    if (on_delta) on_delta(text.substr(start, piece));
  }
  return {std::string(text), std::move(model), "stop", usage};
}

}  // namespace coolpapers::llm::testing
