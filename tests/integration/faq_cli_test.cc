// `coolpapers faq` through the real binary (issue #4 item 7): a real arXiv PDF in the instance's
// PDF cache, the extractive FAQ without a model, and the loopback OpenAI-compatible model with
// page marks checked against the PDF's text.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/faq_test_paper.h"
#include "tests/support/openai_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;


class FaqCliTest : public ::testing::Test {
 protected:
  void Prepare(const std::filesystem::path& shared) {
    testing::PrepareFaqTestPaper(dir_.path() / "var", shared);
    if (::testing::Test::HasFatalFailure()) return;
  }

  std::string Data() const { return (dir_.path() / "var").string(); }

  testing::TempDir dir_;
};

TEST_F(FaqCliTest, AnswersFromThePapersOwnSentencesWithoutAModel) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  ASSERT_NO_FATAL_FAILURE(Prepare(shared));
  // No [pdf] source is reachable: the PDF must come from the cache.
  std::ofstream(dir_.path() / "var" / "coolpapers.toml")
      << "[pdf]\nsource = \"http://127.0.0.1:9/pdf/{id}v{version}\"\n";
  const auto first = testing::RunCoolpapers({"faq", "2304.02623", "--data", Data()});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("# Beyond Summarization"));
  EXPECT_THAT(first.output, HasSubstr("## 1. "));
  EXPECT_THAT(first.output, HasSubstr("## 6. "));
  EXPECT_THAT(first.output, HasSubstr("[page 1]"));
  EXPECT_THAT(first.output, HasSubstr("by extractive (extractive: the paper's own sentences)"));

  // Stored once: asked again, the same answers come from the store.
  const auto again = testing::RunCoolpapers({"faq", "2304.02623", "--data", Data()});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, Not(HasSubstr("# Beyond Summarization")));  // not generated again
  EXPECT_THAT(again.output, HasSubstr("## 6. "));
}

TEST_F(FaqCliTest, AsksTheModelOneQuestionPerCallAndDropsMarksThatDoNotMatch) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  ASSERT_NO_FATAL_FAILURE(Prepare(shared));
  testing::OpenAiServer model;
  model.SetAnswerer([](const nlohmann::json&) {
    // The first claim is on page 1 (the title); the second is not on page 2.
    return std::string(
        "The paper designs AI support for expository writing beyond summarization [page 1]. "
        "It measures quark gluon plasma viscosity in heavy ion collisions [page 2].");
  });
  std::ofstream(dir_.path() / "var" / "coolpapers.toml")
      << "[pdf]\nsource = \"http://127.0.0.1:9/pdf/{id}v{version}\"\n"
      << "[llm]\nbase_url = \"" << model.BaseUrl() << "\"\nmodel = \"loopback-model\"\n"
      << "retry_attempts = 1\n";
  const auto result = testing::RunCoolpapers({"faq", "2304.02623", "--lang", "zh", "--data", Data()});
  ASSERT_EQ(result.exit_code, 0) << result.output;

  const auto requests = model.Requests();
  ASSERT_EQ(requests.size(), 6u);  // one call per question
  for (const auto& request : requests) {
    const nlohmann::json& messages = request.body["messages"];
    ASSERT_GE(messages.size(), 2u);
    const std::string user = messages.back()["content"];
    EXPECT_THAT(user, HasSubstr("[page 1]"));  // the paper's text, marked by page
    EXPECT_THAT(user, HasSubstr("Beyond Summarization"));
    EXPECT_EQ(request.body["stream"], true);
  }
  // Chinese questions, asked in Chinese (not translated answers).
  const std::string system = requests[0].body["messages"].front()["content"];
  EXPECT_TRUE(std::any_of(system.begin(), system.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE4 && byte <= 0xE9;  // the lead byte of a CJK character in UTF-8
  })) << system;
  EXPECT_THAT(result.output, HasSubstr("by loopback-model"));
  // The stored answer keeps the verified mark and drops the other (the streamed text shows both).
  const auto stored = testing::RunCoolpapers({"faq", "2304.02623", "--lang", "zh", "--data", Data()});
  ASSERT_EQ(stored.exit_code, 0) << stored.output;
  EXPECT_THAT(stored.output, HasSubstr("beyond summarization [page 1]."));
  EXPECT_THAT(stored.output, Not(HasSubstr("[page 2]")));
  EXPECT_EQ(model.Requests().size(), 6u);  // served from the store
}

TEST_F(FaqCliTest, SaysWhatIsWrongWithTheRequest) {
  const auto unknown = testing::RunCoolpapers({"faq", "2401.99999", "--data", Data()});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.output, HasSubstr("2401.99999 is not in the store"));
  const auto language = testing::RunCoolpapers({"faq", "2401.99999", "--lang", "fr", "--data", Data()});
  EXPECT_EQ(language.exit_code, 2);
  EXPECT_THAT(language.output, HasSubstr("expected en or zh"));
  const auto id = testing::RunCoolpapers({"faq", "not-an-id", "--data", Data()});
  EXPECT_EQ(id.exit_code, 2);
}

}  // namespace
}  // namespace coolpapers
