// The language model, seen as the OpenAI-compatible Chat Completions API with streaming
// (server-sent events): Moonshot/Kimi, OpenAI, DeepSeek, Qwen, llama.cpp's server, vLLM and
// Ollama all speak it. LlmClient is the seam the FAQ pipeline uses; MakeOpenAiLlmClient is the
// real one (its HTTP goes through src/net, the only outbound HTTP).
#ifndef COOLPAPERS_LLM_LLM_CLIENT_H_
#define COOLPAPERS_LLM_LLM_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace coolpapers::llm {

struct ChatMessage {
  std::string role;  // "system", "user" or "assistant"
  std::string content;
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  double temperature = 0.3;
  int max_tokens = 0;  // 0: the server's default
};

struct TokenUsage {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

struct ChatReply {
  std::string content;        // the whole answer, the deltas joined
  std::string model;          // as the server named it in the stream ("moonshot-v1-128k")
  std::string finish_reason;  // "stop", "length", ...
  TokenUsage usage;           // from the stream's usage chunk; zeros when the server sent none
};

// Receives each piece of the answer as it arrives, in order. Called on the calling thread.
using ChatDeltaSink = std::function<void(std::string_view delta)>;

class LlmClient {
 public:
  virtual ~LlmClient() = default;

  // Sends `request` with "stream": true and returns the whole reply once the stream ends with
  // [DONE]. Before the first delta, 429 and 5xx answers and connection failures are retried
  // with backoff (Retry-After honoured); once deltas have reached `on_delta` a failure is not
  // retried here (the caller restarts the answer), so a sink never sees text twice.
  // Errors: kUnavailable (server unreachable, 5xx/429 after the retries, the stream cut before
  // [DONE]: "the model's stream broke off after 1,234 characters"), kTimeout (the per-call
  // timeout passed, or no byte for the stall timeout), kInvalidArgument (4xx other than 429:
  // the server's error message is quoted, e.g. a wrong model name or API key), kCorrupt (a
  // stream that is not SSE/JSON). The API key never appears in messages or details.
  // `stop` cancels the call (kUnavailable "cancelled"). At most `max_concurrency` calls run at
  // once per client; the others wait (the wait counts toward nothing). Thread-safe.
  [[nodiscard]] virtual Result<ChatReply> Chat(const ChatRequest& request,
                                               const ChatDeltaSink& on_delta,
                                               std::stop_token stop = {}) = 0;

  // The configured model name, recorded with every answer.
  virtual const std::string& model() const = 0;
};

struct LlmOptions {
  // "https://api.moonshot.cn/v1": the client POSTs to base_url + "/chat/completions".
  std::string base_url;
  std::string model;    // "moonshot-v1-128k"
  std::string api_key;  // sent as "Authorization: Bearer ..."; may be empty (local servers)
  int max_concurrency = 2;
  std::chrono::milliseconds call_timeout{std::chrono::minutes(5)};
  // A stream that sends nothing for this long is given up (kTimeout).
  std::chrono::milliseconds stall_timeout{std::chrono::seconds(60)};
  int retry_attempts = 4;  // attempts in all, before the first delta
  std::chrono::milliseconds initial_backoff{std::chrono::seconds(2)};
  std::chrono::milliseconds max_backoff{std::chrono::seconds(60)};
  // Loopback tests turn this off so a CI proxy cannot intercept them.
  bool use_environment_proxy = true;
  // How many tokens of paper text a prompt may carry (the model's context less the answer).
  size_t context_tokens = 100'000;
  // Deadlines and Retry-After dates; the waits between attempts are real (a stop ends them).
  // Not owned; must outlive the client.
  Clock* clock = &RealClock();
};

// The real client. kInvalidArgument when base_url is not an http(s) URL or model is empty.
[[nodiscard]] Result<std::unique_ptr<LlmClient>> MakeOpenAiLlmClient(LlmOptions options);

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_LLM_CLIENT_H_
