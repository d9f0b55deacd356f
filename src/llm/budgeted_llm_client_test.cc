// Issue #18 finding 1: model calls stay within the daily budget whatever is asked, against the
// loopback model server (a real socket, the real client).
#include "llm/budgeted_llm_client.h"

#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "llm/model_budget.h"
#include "llm/openai_llm_client.h"
#include "tests/support/fake_clock.h"
#include "tests/support/openai_server.h"

namespace coolpapers::llm {
namespace {

std::unique_ptr<LlmClient> ClientOf(const testing::OpenAiServer& server) {
  LlmOptions options;
  options.base_url = server.BaseUrl();
  options.model = "test-model";
  options.use_environment_proxy = false;
  Result<std::unique_ptr<LlmClient>> client = MakeOpenAiLlmClient(options);
  EXPECT_TRUE(client.has_value());
  return client ? *std::move(client) : nullptr;
}

ChatRequest Ask(std::string text) {
  ChatRequest request;
  request.messages.push_back({"user", std::move(text)});
  return request;
}

TEST(BudgetedLlmClient, StopsCallingTheModelOnceTheDailyGenerationsAreSpent) {
  testing::OpenAiServer server;
  testing::FakeClock clock{std::chrono::sys_days{std::chrono::year{2025} / 5 / 14}};
  ModelBudget budget({.daily_generations = 3, .daily_tokens = 0}, &clock);
  BudgetedLlmClient client(ClientOf(server), budget);
  int answered = 0;
  int refused = 0;
  for (int i = 0; i < 50; ++i) {
    Result<ChatReply> reply = client.Chat(Ask("question " + std::to_string(i)), nullptr);
    if (reply) {
      ++answered;
    } else {
      EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable);
      EXPECT_NE(reply.error().message.find("after 00:00 UTC"), std::string::npos);
      ++refused;
    }
  }
  EXPECT_EQ(answered, 3);
  EXPECT_EQ(refused, 47);
  EXPECT_EQ(server.Requests().size(), 3u);
  EXPECT_FALSE(budget.CheckAvailable().has_value());
  // The next UTC day the budget is whole again.
  EXPECT_EQ(budget.WaitWhileSpent(), std::chrono::hours(24));
  clock.Advance(std::chrono::hours(24));
  EXPECT_TRUE(client.Chat(Ask("tomorrow"), nullptr).has_value());
  EXPECT_EQ(server.Requests().size(), 4u);
}

TEST(BudgetedLlmClient, ChargesTheServersTokenUsage) {
  testing::OpenAiServer server;
  testing::FakeClock clock;
  ModelBudget budget({.daily_generations = 0, .daily_tokens = 100}, &clock);
  BudgetedLlmClient client(ClientOf(server), budget);
  server.QueueAnswer("four");  // one delta of 4 bytes
  ASSERT_TRUE(client.Chat(Ask(std::string(60, 'x')), nullptr).has_value());
  // The loopback server reports the messages' bytes as prompt tokens and a token per delta.
  EXPECT_EQ(budget.Today().tokens, 61);
  EXPECT_EQ(budget.Today().generations, 1);
  ASSERT_TRUE(client.Chat(Ask(std::string(60, 'y')), nullptr).has_value());
  EXPECT_EQ(budget.Today().tokens, 122);
  const Result<ChatReply> over = client.Chat(Ask("z"), nullptr);
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(server.Requests().size(), 2u);
}

// While the budget is spent it says how long until it renews (00:00 UTC), which a job refused
// for it waits before its retry (the FAQ's and the translations' services).
TEST(BudgetedLlmClient, ASpentBudgetSaysHowLongUntilItRenews) {
  testing::OpenAiServer server;
  testing::FakeClock clock{std::chrono::sys_days{std::chrono::year{2025} / 5 / 14} +
                           std::chrono::hours(20) + std::chrono::milliseconds(250)};
  ModelBudget budget({.daily_generations = 1, .daily_tokens = 0}, &clock);
  BudgetedLlmClient client(ClientOf(server), budget);
  EXPECT_EQ(budget.WaitWhileSpent(), std::nullopt);
  ASSERT_TRUE(client.Chat(Ask("first"), nullptr).has_value());
  EXPECT_FALSE(client.Chat(Ask("second"), nullptr).has_value());
  EXPECT_EQ(budget.WaitWhileSpent(), std::chrono::hours(4));  // 3:59:59.75, rounded up
  clock.Advance(std::chrono::hours(3) + std::chrono::minutes(59) + std::chrono::seconds(59));
  EXPECT_EQ(budget.WaitWhileSpent(), std::chrono::seconds(1));
  clock.Advance(std::chrono::seconds(1));
  EXPECT_EQ(budget.WaitWhileSpent(), std::nullopt);
  EXPECT_TRUE(client.Chat(Ask("tomorrow"), nullptr).has_value());
  EXPECT_EQ(server.Requests().size(), 2u);
}

}  // namespace
}  // namespace coolpapers::llm
