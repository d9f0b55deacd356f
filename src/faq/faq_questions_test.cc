#include "faq/faq_questions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.h"

namespace coolpapers::faq {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Ids(const FaqPrompts& prompts) {
  std::vector<std::string> ids;
  for (const FaqQuestion& question : prompts.questions) ids.push_back(question.id);
  return ids;
}

TEST(DefaultFaqQuestions, AskTheSixQuestionsInBothLanguages) {
  const FaqQuestionSet& set = DefaultFaqQuestions();
  for (const FaqPrompts* prompts : {&set.english, &set.chinese}) {
    EXPECT_THAT(Ids(*prompts), ElementsAre("problem", "related_work", "method", "experiments",
                                           "further_work", "summary"));
    for (const FaqQuestion& question : prompts->questions) EXPECT_FALSE(question.question.empty());
    EXPECT_THAT(prompts->system, HasSubstr("[page N]"));
    EXPECT_THAT(prompts->system, HasSubstr("$...$"));
    EXPECT_THAT(prompts->system, HasSubstr("$$...$$"));
    EXPECT_THAT(prompts->system, HasSubstr("Markdown"));
    EXPECT_THAT(prompts->system, HasSubstr("HTML"));
    EXPECT_THAT(prompts->user_template, HasSubstr("{title}"));
    EXPECT_THAT(prompts->user_template, HasSubstr("{paper}"));
    EXPECT_THAT(prompts->user_template, HasSubstr("{question}"));
    EXPECT_FALSE(prompts->closing.empty());
  }
  EXPECT_EQ(set.chinese.questions[0].question, "这篇论文试图解决什么问题？");
  EXPECT_EQ(set.english.questions[0].question, "What problem does this paper try to solve?");
  EXPECT_THAT(set.english.closing, HasSubstr("cited pages"));
  EXPECT_THAT(set.chinese.closing, HasSubstr("页码"));
  EXPECT_EQ(&set.For(FaqLanguage::kChinese), &set.chinese);
  EXPECT_EQ(&set.For(FaqLanguage::kEnglish), &set.english);
}

TEST(RenderUserPrompt, ReplacesEachPlaceholderOnce) {
  FaqPrompts prompts;
  prompts.user_template = "T={title}|P={paper}|Q={question}|{unknown}";
  const std::string rendered =
      RenderUserPrompt(prompts, "A Title", "[page 1]\nText with {question} inside", {"x", "Why?"});
  EXPECT_EQ(rendered, "T=A Title|P=[page 1]\nText with {question} inside|Q=Why?|{unknown}");
}

TEST(RenderUserPrompt, DefaultTemplateCarriesTheParts) {
  const FaqPrompts& prompts = DefaultFaqQuestions().english;
  const std::string rendered =
      RenderUserPrompt(prompts, "Deep Nets", "[page 1]\nBody.", prompts.questions[2]);
  EXPECT_THAT(rendered, HasSubstr("Deep Nets"));
  EXPECT_THAT(rendered, HasSubstr("[page 1]\nBody."));
  EXPECT_THAT(rendered, HasSubstr("How does the paper solve the problem?"));
  EXPECT_THAT(rendered, Not(HasSubstr("{")));
}

class LoadFaqQuestionsTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& text) {
    const std::filesystem::path file = dir_.path() / "faq.toml";
    std::ofstream(file) << text;
    return file;
  }
  testing::TempDir dir_;
};

TEST_F(LoadFaqQuestionsTest, FileOverridesOnlyWhatItSets) {
  auto set = LoadFaqQuestions(Write(R"(
[en]
system = "Be brief. Cite [page N]."
closing = "Machine-made."

[[en.questions]]
id = "problem"
question = "What is the problem?"

[[en.questions]]
id = "gist"
question = "What is the gist?"

[zh]
user_template = "标题：{title}\n{paper}\n问：{question}"
)"));
  ASSERT_TRUE(set.has_value()) << set.error().message;
  EXPECT_EQ(set->english.system, "Be brief. Cite [page N].");
  EXPECT_EQ(set->english.closing, "Machine-made.");
  EXPECT_EQ(set->english.user_template, DefaultFaqQuestions().english.user_template);
  EXPECT_THAT(Ids(set->english), ElementsAre("problem", "gist"));
  EXPECT_EQ(set->english.questions[1].question, "What is the gist?");
  EXPECT_EQ(set->chinese.user_template, "标题：{title}\n{paper}\n问：{question}");
  EXPECT_EQ(set->chinese.system, DefaultFaqQuestions().chinese.system);
  EXPECT_EQ(set->chinese.questions.size(), 6u);
}

TEST_F(LoadFaqQuestionsTest, EmptyFileKeepsTheDefaults) {
  auto set = LoadFaqQuestions(Write(""));
  ASSERT_TRUE(set.has_value()) << set.error().message;
  EXPECT_EQ(set->english.system, DefaultFaqQuestions().english.system);
  EXPECT_EQ(set->chinese.closing, DefaultFaqQuestions().chinese.closing);
}

TEST_F(LoadFaqQuestionsTest, MissingFileIsNotFound) {
  auto set = LoadFaqQuestions(dir_.path() / "absent.toml");
  ASSERT_FALSE(set.has_value());
  EXPECT_EQ(set.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(set.error().message, HasSubstr("absent.toml"));
}

TEST_F(LoadFaqQuestionsTest, NamesFileLineAndKeyOfEachError) {
  struct Case {
    const char* name;
    const char* toml;
    const char* message;  // after "<file>:"
  };
  const Case cases[] = {
      {"bad TOML", "[en\nsystem = 1\n", ":1:"},
      {"unknown language", "\n[fr]\nsystem = \"x\"\n", ":2: fr: unknown key"},
      {"unknown key", "[en]\nsystm = \"x\"\n", ":2: en.systm: unknown key"},
      {"not a string", "[zh]\n\nclosing = 3\n", ":3: zh.closing: expected a string"},
      {"question without id", "[en]\n[[en.questions]]\nquestion = \"Why?\"\n",
       ":2: en.questions[1]: missing id"},
      {"question without text", "[en]\n[[en.questions]]\nid = \"why\"\n",
       ":2: en.questions[1]: missing question text"},
      {"unknown question key",
       "[[en.questions]]\nid = \"a\"\nquestion = \"A?\"\n[[en.questions]]\nid = \"b\"\n"
       "text = \"B?\"\n",
       ":6: en.questions[2].text: unknown key"},
      {"duplicate id",
       "[[zh.questions]]\nid = \"a\"\nquestion = \"A?\"\n[[zh.questions]]\nid = \"a\"\n"
       "question = \"B?\"\n",
       ":4: zh.questions[2].id: duplicate id \"a\""},
      {"template without paper", "[en]\nuser_template = \"{question}\"\n",
       ":2: en.user_template: expected a template containing \"{paper}\""},
      {"template without question", "[zh]\nuser_template = \"{paper}\"\n",
       ":2: zh.user_template: expected a template containing \"{question}\""},
      {"empty question list", "[en]\nquestions = []\n", ":2: en.questions: expected one or more"},
  };
  for (const Case& c : cases) {
    const std::filesystem::path file = Write(c.toml);
    auto set = LoadFaqQuestions(file);
    ASSERT_FALSE(set.has_value()) << c.name;
    EXPECT_EQ(set.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_THAT(set.error().message, HasSubstr(file.string() + c.message)) << c.name;
  }
}

}  // namespace
}  // namespace coolpapers::faq
