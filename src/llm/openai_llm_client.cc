#include "llm/openai_llm_client.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <utility>

#include "core/mutex.h"
#include "core/quoted_text.h"
#include "llm/sse_parser.h"
#include "net/retry_policy.h"
#include "net/streaming_post.h"
#include "core/whitespace.h"

namespace coolpapers::llm {

using json = nlohmann::json;

std::string RenderChatCompletionRequest(std::string_view model, const ChatRequest& request) {
  json messages = json::array();
  for (const auto& message : request.messages)
    messages.push_back({{"role", message.role}, {"content", message.content}});
  json body = {{"model", model},
               {"messages", std::move(messages)},
               {"temperature", request.temperature},
               {"stream", true},
               // Without it the stream carries no token counts (OpenAI; others ignore it).
               {"stream_options", {{"include_usage", true}}}};
  if (request.max_tokens > 0) body["max_tokens"] = request.max_tokens;
  // Paper text extracted from PDFs may hold broken UTF-8; a replaced byte beats a lost answer.
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t IntegerField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}


}  // namespace

Result<ChatCompletionChunk> ParseChatCompletionChunk(std::string_view data) {
  try {
    const json chunk = json::parse(data);
    if (!chunk.is_object()) {
      return Fail(ErrorCode::kCorrupt,
                  "the model's stream sent " + QuoteForMessage(data) + ": expected a JSON object");
    }
    if (auto error = chunk.find("error"); error != chunk.end() && !error->is_null()) {
      return Fail(ErrorCode::kUnavailable, "the model's server reported an error mid-stream: " +
                                               QuoteForMessage(DescribeApiError(data)));
    }
    ChatCompletionChunk parsed;
    parsed.model = StringField(chunk, "model");
    if (auto choices = chunk.find("choices"); choices != chunk.end() && !choices->is_null()) {
      if (!choices->is_array()) {
        return Fail(ErrorCode::kCorrupt, "the model's stream sent " + QuoteForMessage(data) +
                                             ": expected \"choices\" to be an array");
      }
      if (!choices->empty() && choices->front().is_object()) {
        const json& choice = choices->front();
        parsed.finish_reason = StringField(choice, "finish_reason");
        if (auto delta = choice.find("delta"); delta != choice.end() && delta->is_object())
          parsed.content = StringField(*delta, "content");
      }
    }
    if (auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
      parsed.usage = TokenUsage{IntegerField(*usage, "prompt_tokens"),
                                IntegerField(*usage, "completion_tokens")};
    }
    return parsed;
  } catch (const json::exception& e) {
    return Fail(ErrorCode::kCorrupt,
                "the model's stream sent " + QuoteForMessage(data) + ": expected JSON", e.what());
  }
}

std::string DescribeApiError(std::string_view body) {
  try {
    const json parsed = json::parse(body);
    if (parsed.is_object()) {
      auto error = parsed.find("error");
      if (error != parsed.end() && error->is_object()) {
        std::string message = StringField(*error, "message");
        std::string type = StringField(*error, "type");
        if (!message.empty()) return type.empty() ? message : message + " (" + type + ")";
      }
      if (error != parsed.end() && error->is_string()) return error->get<std::string>();
      for (const char* key : {"message", "detail"}) {
        if (std::string text = StringField(parsed, key); !text.empty()) return text;
      }
    }
  } catch (const json::exception&) {
    // Not JSON: an HTML error page from a proxy, a plain-text message; the body says it.
  }
  return std::string(TrimWhitespace(body));
}

namespace {

using std::chrono::milliseconds;

// "1,234": the way the contract's messages count characters.
std::string FormatCount(size_t count) {
  const std::string digits = std::to_string(count);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return grouped;
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
size_t CountCharacters(std::string_view text) {
  return static_cast<size_t>(
      std::ranges::count_if(text, [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

Error Cancelled() { return Error{ErrorCode::kUnavailable, "cancelled", "stop requested"}; }

// At most `slots` holders at once; a waiter gives up when its stop token is triggered.
class ConcurrencyLimit {
 public:
  explicit ConcurrencyLimit(int slots) : free_(slots) {}

  // True once a slot is held (give it back with Release); false when `stop` came first.
  bool Acquire(std::stop_token stop) {
    MutexLock lock(&mutex_);
    if (!freed_.wait(mutex_, stop, [this] {
          mutex_.AssertHeld();
          return free_ > 0;
        })) {
      return false;
    }
    --free_;
    return true;
  }
  void Release() {
    {
      MutexLock lock(&mutex_);
      ++free_;
    }
    freed_.notify_one();
  }

 private:
  Mutex mutex_;
  std::condition_variable_any freed_;
  int free_ GUARDED_BY(mutex_);
};

// Waits `delay` unless `stop` is requested first; true when the whole delay passed.
bool SleepUnlessStopped(milliseconds delay, std::stop_token stop) {
  std::mutex mutex;  // guards nothing: only the wait needs one
  std::condition_variable_any never_notified;
  std::unique_lock lock(mutex);
  never_notified.wait_for(lock, stop, delay, [] { return false; });
  return !stop.stop_requested();
}

// One attempt's stream: SSE events in, deltas out to the sink, the reply gathered on the way.
class StreamReader {
 public:
  explicit StreamReader(const ChatDeltaSink& on_delta) : on_delta_(on_delta) {}

  // The StreamingPost sink: false ends the transfer, at [DONE] or at the first bad chunk.
  bool Consume(std::string_view bytes) {
    auto events = parser_.Feed(bytes);
    if (!events) {
      error_ = events.error();
      return false;
    }
    for (const auto& event : *events) {
      if (event.data == "[DONE]") {
        done_ = true;
        return false;
      }
      auto chunk = ParseChatCompletionChunk(event.data);
      if (!chunk) {
        error_ = chunk.error();
        return false;
      }
      if (!chunk->model.empty()) reply_.model = chunk->model;
      if (!chunk->finish_reason.empty()) reply_.finish_reason = chunk->finish_reason;
      if (chunk->usage) reply_.usage = *chunk->usage;
      if (!chunk->content.empty()) {
        reply_.content += chunk->content;
        delivered_characters_ += CountCharacters(chunk->content);
        on_delta_(chunk->content);
      }
    }
    return true;
  }

  bool done() const { return done_; }
  const std::optional<Error>& error() const { return error_; }
  size_t delivered_characters() const { return delivered_characters_; }
  ChatReply TakeReply() { return std::move(reply_); }

 private:
  const ChatDeltaSink& on_delta_;
  SseParser parser_;
  ChatReply reply_;
  size_t delivered_characters_ = 0;
  bool done_ = false;
  std::optional<Error> error_;
};

Error BrokeOff(size_t characters, std::string detail) {
  return Error{ErrorCode::kUnavailable,
               "the model's stream broke off after " + FormatCount(characters) + " characters",
               std::move(detail)};
}

class OpenAiLlmClient final : public LlmClient {
 public:
  explicit OpenAiLlmClient(LlmOptions options)
      : options_(std::move(options)),
        url_(options_.base_url + "/chat/completions"),
        slots_(std::max(options_.max_concurrency, 1)),
        engine_(std::random_device{}()) {
    retry_.max_attempts = std::max(options_.retry_attempts, 1);
    retry_.initial_backoff = options_.initial_backoff;
    retry_.max_backoff = options_.max_backoff;
  }

  Result<ChatReply> Chat(const ChatRequest& request, const ChatDeltaSink& on_delta,
                         std::stop_token stop) override {
    if (!slots_.Acquire(stop)) return std::unexpected(Cancelled());
    auto reply = ChatHoldingSlot(request, on_delta, stop);
    slots_.Release();
    if (!reply) {
      reply.error().message = WithoutApiKey(std::move(reply.error().message));
      reply.error().detail = WithoutApiKey(std::move(reply.error().detail));
    }
    return reply;
  }

  const std::string& model() const override { return options_.model; }

 private:
  Result<ChatReply> ChatHoldingSlot(const ChatRequest& request, const ChatDeltaSink& on_delta,
                                    std::stop_token stop) {
    const auto deadline = options_.clock->Now() + options_.call_timeout;
    net::StreamingPostRequest post;
    post.url = url_;
    post.body = RenderChatCompletionRequest(options_.model, request);
    post.headers = {"Content-Type: application/json", "Accept: text/event-stream"};
    if (!options_.api_key.empty())
      post.headers.push_back("Authorization: Bearer " + options_.api_key);
    post.stall_timeout = options_.stall_timeout;
    post.use_environment_proxy = options_.use_environment_proxy;

    for (int attempt = 1;; ++attempt) {
      const auto remaining = std::chrono::duration_cast<milliseconds>(deadline - options_.clock->Now());
      if (remaining <= milliseconds(0)) return std::unexpected(CallTimeout());
      post.total_timeout = remaining;
      post.connect_timeout = std::min(remaining, post.connect_timeout);
      StreamReader reader(on_delta);
      auto outcome = net::StreamingPost(
          post, [&reader](std::string_view bytes) { return reader.Consume(bytes); }, stop);
      if (stop.stop_requested()) return std::unexpected(Cancelled());

      // What the retry policy reads: an error or status worth another attempt, or a final one.
      Result<net::HttpResponse> for_retry = outcome;
      Error failure;
      if (!outcome) {
        failure = outcome.error();
        if (failure.code == ErrorCode::kTimeout && options_.clock->Now() >= deadline)
          return std::unexpected(CallTimeout());
        if (reader.delivered_characters() > 0) {
          if (failure.code == ErrorCode::kUnavailable)
            return std::unexpected(BrokeOff(reader.delivered_characters(), failure.detail));
          return std::unexpected(failure);
        }
        if (failure.code != ErrorCode::kUnavailable) return std::unexpected(failure);
      } else if (outcome->status >= 200 && outcome->status <= 299) {
        if (reader.error()) return std::unexpected(*reader.error());
        if (reader.done()) return reader.TakeReply();
        if (!outcome->Header("content-type").starts_with("text/event-stream")) {
          return Fail(ErrorCode::kCorrupt,
                      "the language model at " + options_.base_url + " answered " +
                          QuoteForMessage(outcome->Header("content-type")) +
                          ": expected a stream of server-sent events (text/event-stream)");
        }
        failure = BrokeOff(reader.delivered_characters(), "the stream ended before [DONE]");
        if (reader.delivered_characters() > 0) return std::unexpected(failure);
        for_retry = Fail(ErrorCode::kUnavailable, failure.message);
      } else {
        failure = StatusError(*outcome, attempt);
        if (!net::IsRetryable(outcome)) return std::unexpected(failure);
      }

      auto delay = net::DecideRetry(retry_, attempt, for_retry, RandomUnit(),
                                    options_.clock->WallNow());
      if (!delay || options_.clock->Now() + *delay >= deadline) {
        if (attempt > 1) failure.message += " (" + std::to_string(attempt) + " attempts)";
        return std::unexpected(failure);
      }
      if (!SleepUnlessStopped(*delay, stop)) return std::unexpected(Cancelled());
    }
  }

  Error StatusError(const net::HttpResponse& response, int attempt) const {
    const std::string said = DescribeApiError(response.body);
    const std::string quoted = said.empty() ? "" : ": " + QuoteForMessage(said);
    const std::string detail = "status " + std::to_string(response.status) + " on attempt " +
                               std::to_string(attempt) + ", body: " + response.body.substr(0, 2000);
    const std::string where = "the language model at " + options_.base_url;
    if (response.status >= 400 && response.status <= 499 && response.status != 429) {
      return Error{
          ErrorCode::kInvalidArgument,
          where + " refused the request with status " + std::to_string(response.status) + quoted,
          detail};
    }
    return Error{ErrorCode::kUnavailable,
                 where + " answered status " + std::to_string(response.status) + quoted, detail};
  }

  Error CallTimeout() const {
    return Error{ErrorCode::kTimeout,
                 "the language model at " + options_.base_url + " did not finish within " +
                     FormatCount(static_cast<size_t>(options_.call_timeout.count())) + " ms",
                 "call_timeout"};
  }

  // A server may echo what it was sent (a wrong key quoted back); the key stays out of our
  // messages and logs regardless.
  std::string WithoutApiKey(std::string text) const {
    if (options_.api_key.empty()) return text;
    for (size_t at = text.find(options_.api_key); at != std::string::npos;
         at = text.find(options_.api_key, at)) {
      text.replace(at, options_.api_key.size(), "[API key]");
    }
    return text;
  }

  double RandomUnit() {
    MutexLock lock(&random_mutex_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
  }

  const LlmOptions options_;
  const std::string url_;
  net::RetryOptions retry_;
  ConcurrencyLimit slots_;
  Mutex random_mutex_;
  std::mt19937_64 engine_ GUARDED_BY(random_mutex_);
};

}  // namespace

Result<std::unique_ptr<LlmClient>> MakeOpenAiLlmClient(LlmOptions options) {
  while (options.base_url.ends_with('/')) options.base_url.pop_back();
  const bool http = options.base_url.starts_with("http://") && options.base_url.size() > 7;
  const bool https = options.base_url.starts_with("https://") && options.base_url.size() > 8;
  if (!http && !https) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid language model URL " + QuoteForMessage(options.base_url) +
                    ": expected http(s)://host[:port]/path, e.g. https://api.moonshot.cn/v1");
  }
  if (options.model.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "no language model named: expected a model such as \"moonshot-v1-128k\"");
  }
  return std::unique_ptr<LlmClient>(std::make_unique<OpenAiLlmClient>(std::move(options)));
}

}  // namespace coolpapers::llm
