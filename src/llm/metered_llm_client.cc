#include "llm/metered_llm_client.h"

namespace coolpapers::llm {

Result<ChatReply> MeteredLlmClient::Chat(const ChatRequest& request, const ChatDeltaSink& on_delta,
                                         std::stop_token stop) {
  usage_.calls.fetch_add(1, std::memory_order_relaxed);
  Result<ChatReply> reply = inner_->Chat(request, on_delta, std::move(stop));
  if (!reply) {
    usage_.failures.fetch_add(1, std::memory_order_relaxed);
    return reply;
  }
  usage_.prompt_tokens.fetch_add(reply->usage.prompt_tokens, std::memory_order_relaxed);
  usage_.completion_tokens.fetch_add(reply->usage.completion_tokens, std::memory_order_relaxed);
  return reply;
}

}  // namespace coolpapers::llm
