#include "faq/faq_generator.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/support/scripted_llm_client.h"
#include "tests/support/test_pdf.h"
#include "store/sqlite_faq_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/fake_clock.h"

namespace coolpapers::faq {
namespace {

using pdf::testing::FaqTestPdf;
using llm::testing::ScriptedLlmClient;

ArxivId Id(std::string_view text) { return *ArxivId::Parse(text); }

// What the generator told its FaqProgress, one line per call.
struct Recorded {
  std::vector<std::string> lines;
  FaqProgress Sink() {
    return {[this](int index, int count) {
              lines.push_back("question " + std::to_string(index) + "/" + std::to_string(count));
            },
            [this](int index, std::string_view delta) {
              lines.push_back("delta " + std::to_string(index) + " " + std::string(delta));
            },
            [this](int index, const FaqItem& item) {
              lines.push_back("done " + std::to_string(index) + " " + item.answer);
            }};
  }
};

class FaqGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteFaqStore(dir_.path() / "coolpapers.db");
    ASSERT_TRUE(store) << store.error().message;
    faq_store_ = std::move(*store);
    options_.load_pdf = [this](const FaqPaper& id, std::stop_token) -> Result<std::string> {
      loaded_.push_back(id.arxiv().WithVersion());
      return pdf_;
    };
    options_.llm = &llm_;
    options_.clock = &clock_;
  }

  Result<FaqAnswer> Generate(FaqLanguage language = FaqLanguage::kEnglish) {
    return GenerateFaq({Id("2401.06769v2"), "Scaling Attention", "We scale attention.", language},
                       options_, *faq_store_, recorded_.Sink());
  }

  size_t QuestionCount() const { return options_.questions.english.questions.size(); }

  coolpapers::testing::TempDir dir_;
  coolpapers::testing::FakeClock clock_{
      std::chrono::system_clock::time_point(std::chrono::seconds(1'747'200'000))};
  std::unique_ptr<store::FaqStore> faq_store_;
  ScriptedLlmClient llm_{"moonshot-v1-8k"};
  FaqGeneratorOptions options_;
  std::string pdf_ = FaqTestPdf();
  std::vector<std::string> loaded_;
  Recorded recorded_;
};

TEST_F(FaqGeneratorTest, AsksEveryQuestionStreamsAndStoresTheAnswer) {
  auto answer = Generate();
  ASSERT_TRUE(answer) << answer.error().message << " / " << answer.error().detail;

  EXPECT_EQ(loaded_, std::vector<std::string>{"2401.06769v2"});
  ASSERT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount());
  EXPECT_EQ(answer->paper_id, "2401.06769");
  EXPECT_EQ(answer->version, 2);
  EXPECT_EQ(answer->model, "moonshot-v1-8k");
  EXPECT_FALSE(answer->extractive);
  EXPECT_EQ(answer->closing, options_.questions.english.closing);
  EXPECT_EQ(answer->created, UtcTime(std::chrono::seconds(1'747'200'000)));
  ASSERT_EQ(answer->items.size(), QuestionCount());
  const FaqItem& second = answer->items[1];
  EXPECT_EQ(second.question_id, options_.questions.english.questions[1].id);
  EXPECT_EQ(second.question, options_.questions.english.questions[1].question);
  EXPECT_NE(second.answer.find("Answer 2: the attention mechanism"), std::string::npos);
  EXPECT_EQ(second.prompt_tokens, 102);
  EXPECT_EQ(second.completion_tokens, 12);

  // Each prompt carries its question, the title and the paper's text with page lines.
  const std::vector<std::string> prompts = llm_.user_prompts();
  EXPECT_NE(prompts[2].find(options_.questions.english.questions[2].question), std::string::npos);
  EXPECT_NE(prompts[2].find("Scaling Attention"), std::string::npos);
  EXPECT_NE(prompts[2].find("[page 2]"), std::string::npos);
  EXPECT_NE(prompts[2].find("translation benchmarks"), std::string::npos);

  // Progress: the question, its deltas (joined: the reply), its checked item; in order.
  ASSERT_GE(recorded_.lines.size(), 5u);
  EXPECT_EQ(recorded_.lines[0], "question 0/" + std::to_string(QuestionCount()));
  std::string streamed;
  size_t line = 1;
  for (; recorded_.lines[line].starts_with("delta 0 "); ++line) {
    streamed += recorded_.lines[line].substr(8);
  }
  EXPECT_EQ(streamed, ScriptedLlmClient::DefaultReplyText(1));
  EXPECT_TRUE(recorded_.lines[line].starts_with("done 0 Answer 1")) << recorded_.lines[line];
  EXPECT_EQ(recorded_.lines[line + 1], "question 1/" + std::to_string(QuestionCount()));

  auto stored = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish, 2);
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->items.size(), QuestionCount());
  auto partial = faq_store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 2,
                                              "moonshot-v1-8k");
  ASSERT_TRUE(partial);
  EXPECT_TRUE(partial->empty());
}

TEST_F(FaqGeneratorTest, KeepsSupportedPageMarksAndDropsMarksOfMissingPages) {
  llm_.SetScript([](int, const llm::ChatRequest&, const llm::ChatDeltaSink& sink) -> Result<llm::ChatReply> {
    return ScriptedLlmClient::Stream(
        "The attention mechanism improves scaling [page 1]. Experiments on translation "
        "benchmarks show gains [page 9].",
        sink);
  });
  auto answer = Generate();
  ASSERT_TRUE(answer) << answer.error().message;
  const FaqItem& item = answer->items[0];
  EXPECT_NE(item.answer.find("[page 1]"), std::string::npos) << item.answer;
  EXPECT_EQ(item.answer.find("[page 9]"), std::string::npos) << item.answer;
  EXPECT_EQ(item.pages, std::vector<int>{1});
}

TEST_F(FaqGeneratorTest, ModelFailureKeepsFinishedItemsAndStoresNoAnswer) {
  llm_.SetScript([](int call, const llm::ChatRequest&, const llm::ChatDeltaSink& sink) -> Result<llm::ChatReply> {
    if (call == 3) {
      sink("half an ans");
      return Fail(ErrorCode::kUnavailable, "the model's stream broke off after 11 characters");
    }
    return ScriptedLlmClient::Stream(ScriptedLlmClient::DefaultReplyText(call), sink);
  });
  auto answer = Generate();
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(llm_.calls(), 3);
  auto stored = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->has_value());
  auto partial = faq_store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 2,
                                              "moonshot-v1-8k");
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->size(), 2u);
}

TEST_F(FaqGeneratorTest, ResumesAfterTheLastFinishedQuestion) {
  const auto& questions = options_.questions.english.questions;
  for (int index = 0; index < 2; ++index) {
    FaqItem item{questions[index].id, questions[index].question, "earlier " + std::to_string(index),
                 {1}, 5, 6};
    ASSERT_TRUE(faq_store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 2,
                                            "moonshot-v1-8k", index, item));
  }
  auto answer = Generate();
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount() - 2);
  EXPECT_NE(llm_.user_prompts().front().find(questions[2].question), std::string::npos);
  ASSERT_EQ(answer->items.size(), QuestionCount());
  EXPECT_EQ(answer->items[0].answer, "earlier 0");
  EXPECT_EQ(answer->items[1].answer, "earlier 1");
  EXPECT_NE(answer->items[2].answer.find("Answer 1"), std::string::npos);
  // Resumed items are reported as done, so watchers see them.
  EXPECT_EQ(recorded_.lines[1], "done 0 earlier 0");
}

TEST_F(FaqGeneratorTest, ItemsOfAnotherModelAreNotResumed) {
  const auto& question = options_.questions.english.questions[0];
  ASSERT_TRUE(faq_store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 2, "other-model",
                                          0, {question.id, question.question, "old", {}, 0, 0}));
  auto answer = Generate();
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount());
}

TEST_F(FaqGeneratorTest, WithoutModelStoresExtractiveAnswers) {
  options_.llm = nullptr;
  auto answer = Generate(FaqLanguage::kChinese);
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_TRUE(answer->extractive);
  EXPECT_EQ(answer->model, "extractive");
  EXPECT_EQ(answer->language, FaqLanguage::kChinese);
  EXPECT_EQ(answer->items.size(), options_.questions.chinese.questions.size());
  EXPECT_EQ(answer->items[0].question, options_.questions.chinese.questions[0].question);
  auto stored = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kChinese, 2);
  ASSERT_TRUE(stored && *stored);
  EXPECT_TRUE((*stored)->extractive);
}

TEST_F(FaqGeneratorTest, PdfProblemsAreReportedAndNoQuestionIsAsked) {
  struct Case {
    std::string pdf;
    ErrorCode code;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"<html>not found</html>", ErrorCode::kInvalidArgument, "not a PDF"},
      {pdf::testing::MakeTestPdf({{.texts = {{.text = "secret"}}}}, /*encrypted=*/true),
       ErrorCode::kInvalidArgument, "encrypted"},
      {pdf::testing::MakeTestPdf({{.graphics = "0 0 9 9 re f"}}), ErrorCode::kNotFound, "no text"},
  };
  for (const Case& c : cases) {
    pdf_ = c.pdf;
    auto answer = Generate();
    ASSERT_FALSE(answer) << c.message_part;
    EXPECT_EQ(answer.error().code, c.code) << answer.error().message;
    EXPECT_NE(answer.error().message.find(c.message_part), std::string::npos)
        << answer.error().message;
    EXPECT_NE(answer.error().message.find("2401.06769v2"), std::string::npos);
  }
  EXPECT_EQ(llm_.calls(), 0);
}

TEST_F(FaqGeneratorTest, LoaderErrorsPassThrough) {
  options_.load_pdf = [](const FaqPaper&, std::stop_token) -> Result<std::string> {
    return Fail(ErrorCode::kUnavailable, "arxiv.org did not answer");
  };
  auto answer = Generate();
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(answer.error().message, "arxiv.org did not answer");
}

TEST_F(FaqGeneratorTest, StopsBetweenQuestionsWhenAsked) {
  std::stop_source stop;
  llm_.SetScript([&](int call, const llm::ChatRequest&, const llm::ChatDeltaSink& sink) -> Result<llm::ChatReply> {
    if (call == 2) stop.request_stop();
    return ScriptedLlmClient::Stream(ScriptedLlmClient::DefaultReplyText(call), sink);
  });
  auto answer = GenerateFaq({Id("2401.06769v2"), "T", "", FaqLanguage::kEnglish}, options_,
                            *faq_store_, {}, stop.get_token());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(llm_.calls(), 2);
  auto partial = faq_store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 2,
                                              "moonshot-v1-8k");
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->size(), 2u);
}

}  // namespace
}  // namespace coolpapers::faq
