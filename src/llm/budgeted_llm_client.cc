#include "llm/budgeted_llm_client.h"

#include <utility>

namespace coolpapers::llm {
namespace {

constexpr int64_t kCharactersPerToken = 4;

int64_t EstimatedTokens(const ChatRequest& request, size_t reply_characters) {
  size_t characters = reply_characters;
  for (const ChatMessage& message : request.messages) characters += message.content.size();
  return static_cast<int64_t>(characters) / kCharactersPerToken + 1;
}

}  // namespace

Result<ChatReply> BudgetedLlmClient::Chat(const ChatRequest& request,
                                          const ChatDeltaSink& on_delta, std::stop_token stop) {
  if (Result<void> admitted = budget_.StartCall(); !admitted) {
    return std::unexpected(admitted.error());
  }
  size_t streamed = 0;  // what a failed call streamed still cost tokens
  Result<ChatReply> reply = inner_->Chat(
      request,
      [&](std::string_view delta) {
        streamed += delta.size();
        if (on_delta) on_delta(delta);
      },
      std::move(stop));
  const int64_t reported =
      reply ? reply->usage.prompt_tokens + reply->usage.completion_tokens : 0;
  budget_.AddTokens(reported > 0 ? reported : EstimatedTokens(request, streamed));
  return reply;
}

}  // namespace coolpapers::llm
