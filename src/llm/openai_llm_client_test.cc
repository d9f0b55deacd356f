#include "llm/openai_llm_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/openai_server.h"

namespace coolpapers::llm {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::OpenAiFault;
using testing::OpenAiServer;
using testing::OpenAiServerOptions;

constexpr char kApiKey[] = "sk-test-0123456789secret";

// --- The protocol's pieces, without a network ---------------------------------------------

TEST(RenderChatCompletionRequest, AsksForAStreamWithUsage) {
  ChatRequest request{{{"system", "Answer briefly."}, {"user", "What is \"x\"?"}}, 0.2, 0};
  const json body = json::parse(RenderChatCompletionRequest("moonshot-v1-8k", request));
  EXPECT_EQ(body["model"], "moonshot-v1-8k");
  EXPECT_EQ(body["messages"], json::parse(R"([{"role":"system","content":"Answer briefly."},
                                               {"role":"user","content":"What is \"x\"?"}])"));
  EXPECT_DOUBLE_EQ(body["temperature"].get<double>(), 0.2);
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["stream_options"], json::parse(R"({"include_usage":true})"));
  EXPECT_FALSE(body.contains("max_tokens"));
}

TEST(RenderChatCompletionRequest, SendsMaxTokensOnlyWhenSet) {
  ChatRequest request{{{"user", "hi"}}, 0.3, 512};
  EXPECT_EQ(json::parse(RenderChatCompletionRequest("m", request))["max_tokens"], 512);
}

TEST(RenderChatCompletionRequest, ReplacesBrokenUtf8) {
  ChatRequest request{{{"user", "caf\xC3"}}, 0.3, 0};
  const json body = json::parse(RenderChatCompletionRequest("m", request));
  EXPECT_EQ(body["messages"][0]["content"], "caf\xEF\xBF\xBD");
}

TEST(ParseChatCompletionChunk, ReadsTheFieldsOfEachKindOfChunk) {
  struct Case {
    const char* data;
    ChatCompletionChunk expected;
  };
  const Case cases[] = {
      {R"({"id":"c1","object":"chat.completion.chunk","model":"m1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null})",
       {"", "", "m1", std::nullopt}},
      {R"({"model":"m1","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]})",
       {"Hel", "", "m1", std::nullopt}},
      {R"({"model":"m1","choices":[{"index":0,"delta":{"content":null},"finish_reason":null}]})",
       {"", "", "m1", std::nullopt}},
      {R"({"model":"m1","choices":[{"index":0,"delta":{},"finish_reason":"length"}]})",
       {"", "length", "m1", std::nullopt}},
      {R"({"model":"m1","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})",
       {"", "", "m1", TokenUsage{12, 3}}},
      {R"({"choices":[{"delta":{"content":"x","reasoning_content":"why"}}]})",
       {"x", "", "", std::nullopt}},
      {R"({"choices":null})", {"", "", "", std::nullopt}},
  };
  for (const auto& c : cases) {
    auto chunk = ParseChatCompletionChunk(c.data);
    ASSERT_TRUE(chunk) << c.data << ": " << chunk.error().message;
    EXPECT_EQ(chunk->content, c.expected.content) << c.data;
    EXPECT_EQ(chunk->finish_reason, c.expected.finish_reason) << c.data;
    EXPECT_EQ(chunk->model, c.expected.model) << c.data;
    ASSERT_EQ(chunk->usage.has_value(), c.expected.usage.has_value()) << c.data;
    if (chunk->usage) {
      EXPECT_EQ(chunk->usage->prompt_tokens, c.expected.usage->prompt_tokens) << c.data;
      EXPECT_EQ(chunk->usage->completion_tokens, c.expected.usage->completion_tokens) << c.data;
    }
  }
}

TEST(ParseChatCompletionChunk, RejectsWhatIsNotAChunk) {
  struct Case {
    const char* data;
    ErrorCode code;
    const char* in_message;
  };
  const Case cases[] = {
      {"not json", ErrorCode::kCorrupt, "\"not json\""},
      {"[1,2]", ErrorCode::kCorrupt, "JSON object"},
      {R"({"choices":{"0":{}}})", ErrorCode::kCorrupt, "array"},
      {R"({"error":{"message":"overloaded","type":"server_error"}})", ErrorCode::kUnavailable,
       "overloaded (server_error)"},
  };
  for (const auto& c : cases) {
    auto chunk = ParseChatCompletionChunk(c.data);
    ASSERT_FALSE(chunk) << c.data;
    EXPECT_EQ(chunk.error().code, c.code) << c.data;
    EXPECT_THAT(chunk.error().message, HasSubstr(c.in_message)) << c.data;
  }
}

TEST(DescribeApiError, FindsTheServersMessage) {
  struct Case {
    const char* body;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"error":{"message":"Invalid Authentication","type":"invalid_authentication_error"}})",
       "Invalid Authentication (invalid_authentication_error)"},
      {R"({"error":{"message":"no type"}})", "no type"},
      {R"({"error":"model not found"})", "model not found"},
      {R"({"message":"bad request"})", "bad request"},
      {R"({"detail":"Not Found"})", "Not Found"},
      {"  <html>502 Bad Gateway</html>\n", "<html>502 Bad Gateway</html>"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(DescribeApiError(c.body), c.expected) << c.body;
}

LlmOptions Named(std::string base_url, std::string model) {
  LlmOptions options;
  options.base_url = std::move(base_url);
  options.model = std::move(model);
  return options;
}

TEST(MakeOpenAiLlmClient, RejectsABadUrlOrNoModel) {
  for (const char* url : {"", "api.moonshot.cn/v1", "ftp://host/v1", "https://"}) {
    auto client = MakeOpenAiLlmClient(Named(url, "m"));
    ASSERT_FALSE(client) << url;
    EXPECT_EQ(client.error().code, ErrorCode::kInvalidArgument) << url;
  }
  auto no_model = MakeOpenAiLlmClient(Named("https://api.moonshot.cn/v1", ""));
  ASSERT_FALSE(no_model);
  EXPECT_EQ(no_model.error().code, ErrorCode::kInvalidArgument);
  auto client = MakeOpenAiLlmClient(Named("https://api.moonshot.cn/v1/", "m"));
  ASSERT_TRUE(client);
  EXPECT_EQ((*client)->model(), "m");
}

// --- The client against a loopback server --------------------------------------------------

LlmOptions FastOptions(const OpenAiServer& server) {
  LlmOptions options;
  options.base_url = server.BaseUrl();
  options.model = "test-model";
  options.api_key = kApiKey;
  options.max_concurrency = 2;
  options.call_timeout = milliseconds(10'000);
  options.stall_timeout = milliseconds(5'000);
  options.retry_attempts = 3;
  options.initial_backoff = milliseconds(10);
  options.max_backoff = milliseconds(50);
  options.use_environment_proxy = false;
  return options;
}

std::unique_ptr<LlmClient> MakeClient(const LlmOptions& options) {
  auto client = MakeOpenAiLlmClient(options);
  EXPECT_TRUE(client) << client.error().message;
  return client ? std::move(*client) : nullptr;
}

const ChatRequest kQuestion{
    {{"system", "You answer questions about a paper."}, {"user", "What is the main result?"}},
    0.3,
    0};

OpenAiServerOptions Pieces(size_t bytes, milliseconds delay = {}, std::string model = "") {
  OpenAiServerOptions options;
  options.piece_bytes = bytes;
  options.piece_delay = delay;
  options.model = std::move(model);
  return options;
}

OpenAiFault StatusFault(int status, std::string message, std::string type = "server_error",
                        std::string retry_after = "") {
  OpenAiFault fault;
  fault.status = status;
  fault.message = std::move(message);
  fault.type = std::move(type);
  fault.retry_after = std::move(retry_after);
  return fault;
}

OpenAiFault StreamFault(OpenAiFault::Kind kind, int after_pieces, milliseconds stall = {}) {
  OpenAiFault fault;
  fault.kind = kind;
  fault.after_pieces = after_pieces;
  fault.stall = stall;
  return fault;
}

struct Collected {
  std::vector<std::string> deltas;
  ChatDeltaSink Sink() {
    return [this](std::string_view delta) { deltas.emplace_back(delta); };
  }
};

TEST(OpenAiLlmClient, StreamsDeltasInOrderAndJoinsThem) {
  OpenAiServer server(Pieces(5, {}, "test-model-0613"));
  const std::string answer = "The main result is a bound on the mixing time, \xC3\xA9t\xC3\xA9.";
  server.QueueAnswer(answer);
  auto client = MakeClient(FastOptions(server));
  Collected collected;
  auto reply = client->Chat(kQuestion, collected.Sink());
  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(reply->content, answer);
  EXPECT_EQ(collected.deltas, OpenAiServer::SplitAnswer(answer, 5));
  EXPECT_EQ(reply->model, "test-model-0613");
  EXPECT_EQ(reply->finish_reason, "stop");
  const int64_t prompt_bytes = static_cast<int64_t>(kQuestion.messages[0].content.size() +
                                                    kQuestion.messages[1].content.size());
  EXPECT_EQ(reply->usage.prompt_tokens, prompt_bytes);
  EXPECT_EQ(reply->usage.completion_tokens,
            static_cast<int64_t>(OpenAiServer::SplitAnswer(answer, 5).size()));
}

TEST(OpenAiLlmClient, SendsModelMessagesStreamAndKey) {
  OpenAiServer server;
  auto client = MakeClient(FastOptions(server));
  ASSERT_TRUE(client->Chat(kQuestion, [](std::string_view) {}));
  auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/v1/chat/completions");
  EXPECT_EQ(requests[0].authorization, std::string("Bearer ") + kApiKey);
  EXPECT_EQ(requests[0].body["model"], "test-model");
  EXPECT_EQ(requests[0].body["stream"], true);
  EXPECT_EQ(requests[0].body["messages"][1]["content"], "What is the main result?");
}

TEST(OpenAiLlmClient, SendsNoAuthorizationWithoutAKey) {
  OpenAiServer server;
  auto options = FastOptions(server);
  options.api_key.clear();
  ASSERT_TRUE(MakeClient(options)->Chat(kQuestion, [](std::string_view) {}));
  EXPECT_EQ(server.Requests().at(0).authorization, "");
}

TEST(OpenAiLlmClient, RetriesA429AfterItsRetryAfter) {
  OpenAiServer server;
  server.AddFault(StatusFault(429, "Rate limit reached", "rate_limit_reached_error", "1"));
  auto options = FastOptions(server);
  options.initial_backoff = milliseconds(5);  // far shorter than Retry-After: it must win
  auto reply = MakeClient(options)->Chat(kQuestion, [](std::string_view) {});
  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(reply->content, "OK");
  auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(requests[1].arrived - requests[0].arrived, milliseconds(950));
}

TEST(OpenAiLlmClient, GivesUpOn5xxAfterTheRetryAttempts) {
  OpenAiServer server;
  server.AddFault(StatusFault(500, "The engine is overloaded"), 3);
  auto reply = MakeClient(FastOptions(server))->Chat(kQuestion, [](std::string_view) {});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(reply.error().message, HasSubstr("500"));
  EXPECT_THAT(reply.error().message, HasSubstr("The engine is overloaded"));
  EXPECT_THAT(reply.error().message, HasSubstr("3 attempts"));
  EXPECT_EQ(server.Requests().size(), 3u);
}

TEST(OpenAiLlmClient, Quotes4xxWithoutRetryingOrLeakingTheKey) {
  OpenAiServer server;
  // Servers quote a wrong key back; ours must not pass it on.
  server.AddFault(StatusFault(401, std::string("Incorrect API key provided: ") + kApiKey,
                              "invalid_request_error"));
  auto reply = MakeClient(FastOptions(server))->Chat(kQuestion, [](std::string_view) {});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(reply.error().message, HasSubstr("401"));
  EXPECT_THAT(reply.error().message, HasSubstr("Incorrect API key provided"));
  EXPECT_THAT(reply.error().message, Not(HasSubstr(kApiKey)));
  EXPECT_THAT(reply.error().detail, Not(HasSubstr(kApiKey)));
  EXPECT_EQ(server.Requests().size(), 1u);
}

TEST(OpenAiLlmClient, ReportsAStreamCutAfterDeltasWithoutRetrying) {
  OpenAiServer server(Pieces(500));
  server.QueueAnswer(std::string(2000, 'a'));
  server.AddFault(StreamFault(OpenAiFault::Kind::kCut, 3));
  Collected collected;
  auto reply = MakeClient(FastOptions(server))->Chat(kQuestion, collected.Sink());
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(reply.error().message, "the model's stream broke off after 1,500 characters");
  EXPECT_EQ(collected.deltas.size(), 3u);
  EXPECT_EQ(server.Requests().size(), 1u);
}

TEST(OpenAiLlmClient, RetriesAStreamCutBeforeAnyDelta) {
  OpenAiServer server;
  server.QueueAnswer("first try, never seen");
  server.QueueAnswer("second try");
  server.AddFault(StreamFault(OpenAiFault::Kind::kCut, 0));
  Collected collected;
  auto reply = MakeClient(FastOptions(server))->Chat(kQuestion, collected.Sink());
  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(reply->content, "second try");
  EXPECT_EQ(server.Requests().size(), 2u);
}

TEST(OpenAiLlmClient, TimesOutAStalledStream) {
  OpenAiServer server;
  server.QueueAnswer("a long answer that stalls");
  server.AddFault(StreamFault(OpenAiFault::Kind::kStall, 2, milliseconds(5000)));
  auto options = FastOptions(server);
  options.stall_timeout = milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  Collected collected;
  auto reply = MakeClient(options)->Chat(kQuestion, collected.Sink());
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(collected.deltas.size(), 2u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(3000));
  EXPECT_EQ(server.Requests().size(), 1u);
}

TEST(OpenAiLlmClient, TimesOutACallPastItsTimeout) {
  OpenAiServer server(Pieces(1, milliseconds(50)));
  server.QueueAnswer(std::string(100, 'z'));
  auto options = FastOptions(server);
  options.call_timeout = milliseconds(400);
  auto reply = MakeClient(options)->Chat(kQuestion, [](std::string_view) {});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kTimeout);
}

TEST(OpenAiLlmClient, StopsWhenAsked) {
  OpenAiServer server(Pieces(1, milliseconds(50)));
  server.QueueAnswer(std::string(200, 'z'));
  auto client = MakeClient(FastOptions(server));
  std::stop_source stop;
  std::jthread stopper([&stop] {
    std::this_thread::sleep_for(milliseconds(300));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  auto reply = client->Chat(
      kQuestion, [](std::string_view) {}, stop.get_token());
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(reply.error().message, "cancelled");
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(3000));
}

TEST(OpenAiLlmClient, ReportsAnUnreachableServer) {
  LlmOptions options;
  {
    OpenAiServer gone;
    options = FastOptions(gone);
  }
  options.retry_attempts = 2;
  auto reply = MakeClient(options)->Chat(kQuestion, [](std::string_view) {});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(reply.error().message, HasSubstr("2 attempts"));
}

// Three calls at once through a client that allows `limit`: how many streams the server saw
// at the same time.
int MaxStreamsAtOnce(int limit) {
  OpenAiServer server(Pieces(1, milliseconds(20)));
  auto options = FastOptions(server);
  options.max_concurrency = limit;
  auto client = MakeClient(options);
  server.SetAnswerer([](const json&) { return std::string("0123456789"); });
  std::vector<std::future<bool>> calls;
  for (int i = 0; i < 3; ++i) {
    calls.push_back(std::async(std::launch::async, [&client] {
      auto reply = client->Chat(kQuestion, [](std::string_view) {});
      return reply && reply->content == "0123456789";
    }));
  }
  for (auto& call : calls) EXPECT_TRUE(call.get());
  return server.MaxConcurrentStreams();
}

TEST(OpenAiLlmClient, RunsNoMoreThanMaxConcurrencyCallsAtOnce) {
  EXPECT_EQ(MaxStreamsAtOnce(1), 1);
  EXPECT_GE(MaxStreamsAtOnce(3), 2);  // the server can see overlap, so the 1 above means something
}

}  // namespace
}  // namespace coolpapers::llm
