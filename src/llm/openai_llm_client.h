// The OpenAI-compatible Chat Completions protocol with streaming, apart from the network so it
// is tested alone: the request body, one chunk of the stream, an error body. The client itself,
// MakeOpenAiLlmClient (declared in llm_client.h), puts these together with net/streaming_post.h
// and faq/sse_parser.h.
#ifndef COOLPAPERS_LLM_OPENAI_LLM_CLIENT_H_
#define COOLPAPERS_LLM_OPENAI_LLM_CLIENT_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "llm/llm_client.h"

namespace coolpapers::llm {

// The body POSTed to /chat/completions for `model`:
// {"model":"moonshot-v1-128k","messages":[{"role":"user","content":"..."}],"temperature":0.3,
//  "stream":true,"stream_options":{"include_usage":true}}, with "max_tokens" when
// request.max_tokens > 0. Text that is not valid UTF-8 is replaced (U+FFFD), never refused.
// Pure; thread-safe.
std::string RenderChatCompletionRequest(std::string_view model, const ChatRequest& request);

// What one "data:" event of the stream carries; empty fields when the chunk had none.
struct ChatCompletionChunk {
  std::string content;        // choices[0].delta.content
  std::string finish_reason;  // choices[0].finish_reason
  std::string model;
  std::optional<TokenUsage> usage;  // the usage chunk (its choices are empty)
};

// Parses one event's data (not "[DONE]"): {"id":"...","object":"chat.completion.chunk",
// "model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}. null and
// missing fields read as empty. Errors: kCorrupt when the data is not a JSON object of this
// shape (the data quoted); kUnavailable when it is an error the server sent mid-stream
// ({"error":{"message":"..."}}, the message quoted). Pure; thread-safe.
[[nodiscard]] Result<ChatCompletionChunk> ParseChatCompletionChunk(std::string_view data);

// The server's own words for a failed request, for quoting: "The model `x` does not exist
// (invalid_request_error)" from {"error":{"message":"The model `x` does not exist",
// "type":"invalid_request_error"}}; also reads {"error":"..."}, {"message":"..."} and
// {"detail":"..."}; otherwise the body itself, whitespace trimmed ("" for an empty body).
// Pure; thread-safe.
std::string DescribeApiError(std::string_view body);

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_OPENAI_LLM_CLIENT_H_
