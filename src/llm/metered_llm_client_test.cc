#include "llm/metered_llm_client.h"

#include <gtest/gtest.h>

#include "tests/support/scripted_llm_client.h"

namespace coolpapers::llm {
namespace {

TEST(MeteredLlmClient, CountsCallsFailuresAndTheTokensTheServerReports) {
  auto scripted = std::make_unique<testing::ScriptedLlmClient>("counted-model");
  testing::ScriptedLlmClient& script = *scripted;
  script.SetScript([](int call, const ChatRequest&, const ChatDeltaSink& on_delta)
                       -> Result<ChatReply> {
    if (call == 2) return Fail(ErrorCode::kUnavailable, "the model server answered 503");
    return testing::ScriptedLlmClient::Stream("an answer", on_delta, TokenUsage{120, 30});
  });
  ModelUsage usage;
  MeteredLlmClient client(std::move(scripted), usage);
  EXPECT_EQ(client.model(), "counted-model");

  std::string streamed;
  const ChatDeltaSink sink = [&streamed](std::string_view delta) { streamed += delta; };
  ASSERT_TRUE(client.Chat(ChatRequest{}, sink));
  EXPECT_FALSE(client.Chat(ChatRequest{}, sink));
  ASSERT_TRUE(client.Chat(ChatRequest{}, sink));

  EXPECT_EQ(streamed, "an answeran answer");  // the deltas pass through
  EXPECT_EQ(usage.calls.load(), 3);
  EXPECT_EQ(usage.failures.load(), 1);
  EXPECT_EQ(usage.prompt_tokens.load(), 240);
  EXPECT_EQ(usage.completion_tokens.load(), 60);
}

}  // namespace
}  // namespace coolpapers::llm
