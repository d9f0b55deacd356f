#include "translate/paper_translator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/scripted_llm_client.h"

namespace coolpapers::translate {
namespace {

using ::testing::HasSubstr;
using llm::testing::ScriptedLlmClient;

TEST(ParseTranslationReply, ReadsTheLabelledParts) {
  Result<PaperTranslation> parsed =
      ParseTranslationReply("标题：注意力就是你所需要的\n摘要：我们提出 $O(n^2)$ 的\n  Transformer。\n");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->title, "注意力就是你所需要的");
  EXPECT_EQ(parsed->abstract, "我们提出 $O(n^2)$ 的 Transformer。");
}

TEST(ParseTranslationReply, AcceptsBoldLabelsAsciiColonsAndEnglishLabels) {
  EXPECT_EQ(ParseTranslationReply("**标题**: 标题一\n**摘要**: 摘要一").value().abstract, "摘要一");
  EXPECT_EQ(ParseTranslationReply("Title: 标题二\nAbstract: 摘要二").value().title, "标题二");
}

TEST(ParseTranslationReply, RefusesAReplyWithoutBothParts) {
  for (const char* reply : {"", "这是一个翻译。", "标题：只有标题", "摘要：只有摘要\n标题：后面", "标题：\n摘要：x"}) {
    Result<PaperTranslation> parsed = ParseTranslationReply(reply);
    ASSERT_FALSE(parsed) << reply;
    EXPECT_EQ(parsed.error().code, ErrorCode::kCorrupt);
    EXPECT_THAT(parsed.error().message, HasSubstr("标题：... 摘要：..."));
  }
}

TEST(TranslatePaper, AsksForTheTitleAndAbstractAndKeepsWhoTranslated) {
  ScriptedLlmClient llm("translator-model");
  llm.SetScript([](int, const llm::ChatRequest& request, const llm::ChatDeltaSink& on_delta) {
    EXPECT_EQ(request.messages.at(0).role, "system");
    EXPECT_EQ(request.messages.at(0).content, TranslationSystemPrompt());
    return Result<llm::ChatReply>(ScriptedLlmClient::Stream("标题：缩放注意力\n摘要：我们缩放。", on_delta));
  });
  Paper paper;
  paper.id = "2401.06769";
  paper.version = 3;
  paper.title = "Scaling Attention";
  paper.abstract = "We scale $x$.";
  const UtcTime now(std::chrono::seconds(1'747'200'000));
  Result<PaperTranslation> translation = TranslatePaper(paper, llm, now);
  ASSERT_TRUE(translation) << translation.error().message;
  EXPECT_EQ(translation->paper_id, "2401.06769");
  EXPECT_EQ(translation->version, 3);
  EXPECT_EQ(translation->title, "缩放注意力");
  EXPECT_EQ(translation->model, "translator-model");
  EXPECT_EQ(translation->created, now);
  ASSERT_EQ(llm.user_prompts().size(), 1u);
  EXPECT_EQ(llm.user_prompts()[0], "Title: Scaling Attention\nAbstract: We scale $x$.");
}

}  // namespace
}  // namespace coolpapers::translate
