#include "faq/extractive_faq.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "faq/page_marks.h"
#include "tests/support/shared_data.h"

namespace coolpapers::faq {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

pdf::PaperText SparsePaper() {
  pdf::PaperText paper;
  paper.pages.push_back(
      {1,
       "SparseFormer: Linear Attention for Long Documents\n"
       "Anonymous Authors\n"
       "Abstract\n"
       "Long documents are expensive for transformers because attention grows quadratically\n"
       "with their length. We propose SparseFormer, a transformer with block-sparse attention\n"
       "that scales linearly. On PubMed it outperforms BigBird by a clear margin of ROUGE points.\n"
       "1 Introduction\n"
       "Summarizing long scientific documents remains difficult for current transformer models.\n"
       "The problem is that full attention over ten thousand tokens exceeds the memory of one\n"
       "accelerator. In this paper we study how to keep the quality of full attention at linear\n"
       "cost.\n"
       "2 Related Work\n"
       "Prior work on efficient transformers has explored low-rank and sparse attention patterns [2].\n"
       "Longformer and BigBird combine local windows with a few global tokens [3, 4].\n"
       "See also [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18] and (Smith et al., 2020)."});
  paper.pages.push_back(
      {2,
       "3 Method\n"
       "SparseFormer partitions the input sequence into blocks of sixty-four tokens each.\n"
       "Our method attends within each block and to a small set of learned global_summary tokens.\n"
       "Figure 2: The SparseFormer architecture with block and global attention heads shown.\n"
       "3.1 Training\n"
       "We train the model with the standard cross-entropy objective on the target summaries.\n"
       "4 Experiments\n"
       "We evaluate SparseFormer on the PubMed and arXiv summarization benchmarks. SparseFormer\n"
       "outperforms BigBird by over one ROUGE point while using half of the memory."});
  std::string last =
      "5 Conclusion\n"
      "SparseFormer brings linear-cost attention to the summarization of long documents.\n"
      "In future work we plan to extend the block layout to multilingual documents. One\n"
      "limitation is that the size of each block is fixed in advance of training.\n";
  const size_t references = last.size();
  last +=
      "References\n"
      "[1] A. Author. Efficient transformers. In future work we plan to cite many more papers.";
  paper.pages.push_back({3, last});
  paper.references = pdf::TextPosition{3, references};
  return paper;
}

std::vector<std::string> Lines(const std::string& answer) {
  std::vector<std::string> lines;
  std::istringstream in(answer);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Every bullet carries a mark and VerifyPageMarks keeps every mark as written.
void ExpectVerified(const std::string& answer, const pdf::PaperText& paper) {
  const CheckedAnswer checked = VerifyPageMarks(answer, paper);
  EXPECT_EQ(checked.text, answer);
  EXPECT_EQ(checked.marks_dropped, 0) << answer;
  for (const std::string& line : Lines(answer)) {
    EXPECT_THAT(line, AllOf(StartsWith("- "), ::testing::ContainsRegex("\\[page [0-9]+\\]$")));
  }
}

TEST(MakeExtractiveAnswers, QuotesEachQuestionsSection) {
  const pdf::PaperText paper = SparsePaper();
  const FaqPrompts& prompts = DefaultFaqQuestions().english;
  const std::vector<std::string> answers =
      MakeExtractiveAnswers(paper, "", prompts, FaqLanguage::kEnglish);
  ASSERT_EQ(answers.size(), prompts.questions.size());
  const std::string& problem = answers[0];
  EXPECT_THAT(problem, HasSubstr("In this paper we study how to keep the quality"));
  EXPECT_THAT(problem, HasSubstr("[page 1]"));
  const std::string& related = answers[1];
  EXPECT_THAT(related, HasSubstr("- Prior work on efficient transformers"));
  EXPECT_THAT(related, Not(HasSubstr("See also")));
  // A numbered citation is written so that no math renderer reads "\[2\]" as a display
  // formula (issue #15 point 1): numeric references, which Markdown shows as "[2]".
  EXPECT_THAT(related, HasSubstr("sparse attention patterns &#91;2&#93;. [page 1]"));
  for (const std::string& answer : answers) {
    EXPECT_THAT(answer, AllOf(Not(HasSubstr("\\[")), Not(HasSubstr("\\]")), Not(HasSubstr("\\$"))));
  }
  const std::string& method = answers[2];
  EXPECT_THAT(method, HasSubstr("SparseFormer partitions the input sequence into blocks of "
                                "sixty-four tokens each. [page 2]"));
  EXPECT_THAT(method, HasSubstr("learned global\\_summary tokens"));  // Markdown escaped
  EXPECT_THAT(method, Not(HasSubstr("Figure 2")));
  const std::string& experiments = answers[3];
  EXPECT_THAT(experiments, HasSubstr("outperforms BigBird by over one ROUGE point"));
  EXPECT_THAT(experiments, Not(HasSubstr("cross-entropy")));
  const std::string& further = answers[4];
  EXPECT_THAT(further, HasSubstr("- In future work we plan to extend the block layout to "
                                 "multilingual documents. [page 3]"));
  EXPECT_THAT(further, Not(HasSubstr("cite many more")));
  const std::string& summary = answers[5];
  EXPECT_THAT(summary, HasSubstr("We propose SparseFormer"));
  EXPECT_THAT(summary, Not(HasSubstr("Summarizing long scientific")));
  for (const std::string& answer : answers) ExpectVerified(answer, paper);
}

TEST(MakeExtractiveAnswers, KeepsAtMostMaxSentencesInReadingOrder) {
  const pdf::PaperText paper = SparsePaper();
  const std::vector<std::string> answers =
      MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().english, FaqLanguage::kEnglish, 1);
  for (const std::string& answer : answers) EXPECT_EQ(Lines(answer).size(), 1u) << answer;
  const std::string further = MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().english,
                                                    FaqLanguage::kEnglish, 3)[4];
  EXPECT_LT(further.find("In future work"), further.find("One limitation"));
}

TEST(MakeExtractiveAnswers, ChinesePromptsGetThePapersSentences) {
  const pdf::PaperText paper = SparsePaper();
  EXPECT_EQ(MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().chinese, FaqLanguage::kChinese),
            MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().english, FaqLanguage::kEnglish));
}

TEST(MakeExtractiveAnswers, SaysSoWhenNoSectionFits) {
  pdf::PaperText paper;
  paper.pages.push_back({1, "A Note\nshort lines only\nnothing to quote here"});
  const std::vector<std::string> english =
      MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().english, FaqLanguage::kEnglish);
  for (const std::string& answer : english) EXPECT_EQ(answer, "The paper does not say.");
  const std::vector<std::string> chinese =
      MakeExtractiveAnswers(paper, "", DefaultFaqQuestions().chinese, FaqLanguage::kChinese);
  for (const std::string& answer : chinese) EXPECT_EQ(answer, "论文未说明。");
}

TEST(MakeExtractiveAnswers, UnknownQuestionIdIsNotAnswered) {
  FaqPrompts prompts;
  prompts.questions = {{"gist", "What is the gist?"}};
  EXPECT_EQ(MakeExtractiveAnswers(SparsePaper(), "", prompts, FaqLanguage::kEnglish),
            std::vector<std::string>{"The paper does not say."});
}

TEST(MakeExtractiveAnswers, SummaryFallsBackToTheStoresAbstract) {
  pdf::PaperText paper;
  paper.pages.push_back(
      {1,
       "Tiny Paper\n"
       "We measure how quickly graduate students read dense mathematical proofs in print.\n"});
  FaqPrompts prompts;
  prompts.questions = {{"summary", "Summarize."}};
  const std::vector<std::string> answers = MakeExtractiveAnswers(
      paper,
      "We measure how quickly graduate students read dense mathematical proofs in print. "
      "Reading speed doubles with colour highlighting of the key symbols.",
      prompts, FaqLanguage::kEnglish);
  ASSERT_EQ(answers.size(), 1u);
  // The first sentence is on page 1; the second is not in the PDF, so it carries no mark.
  EXPECT_EQ(answers[0],
            "- We measure how quickly graduate students read dense mathematical proofs in print. "
            "[page 1]\n"
            "- Reading speed doubles with colour highlighting of the key symbols.");
}

std::string ReadBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct RealPaper {
  const char* file;
  std::set<std::string> unanswered;  // question ids the paper has no section for
  std::map<std::string, std::string> phrases;  // question id -> a phrase its answer quotes
};

class ExtractiveRealPdfTest : public ::testing::TestWithParam<RealPaper> {};

void PrintTo(const RealPaper& paper, std::ostream* out) { *out << paper.file; }

TEST_P(ExtractiveRealPdfTest, AnswersEveryQuestionWithVerifiedMarks) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  const RealPaper& real = GetParam();
  auto paper = pdf::ExtractPaperText(ReadBytes(data / "pdfs" / real.file), real.file);
  ASSERT_TRUE(paper.has_value()) << paper.error().message;
  const FaqPrompts& prompts = DefaultFaqQuestions().english;
  const std::vector<std::string> answers =
      MakeExtractiveAnswers(*paper, "", prompts, FaqLanguage::kEnglish);
  ASSERT_EQ(answers.size(), prompts.questions.size());
  for (size_t q = 0; q < answers.size(); ++q) {
    const std::string& id = prompts.questions[q].id;
    SCOPED_TRACE(id);
    if (real.unanswered.contains(id)) {
      EXPECT_EQ(answers[q], "The paper does not say.");
      continue;
    }
    ExpectVerified(answers[q], *paper);
    EXPECT_LE(Lines(answers[q]).size(), 4u);
    if (auto phrase = real.phrases.find(id); phrase != real.phrases.end()) {
      EXPECT_THAT(answers[q], HasSubstr(phrase->second));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    SharedData, ExtractiveRealPdfTest,
    ::testing::Values(
        // A four-page position paper: no related work or experiments sections.
        RealPaper{"2304.02623v1.pdf",
                  {"related_work", "experiments"},
                  {{"problem", "expository writing"}, {"summary", "In this position paper"}}},
        RealPaper{"acl-2020.acl-main.447.pdf",
                  {},
                  {{"summary", "We introduce S2ORC"},
                   {"related_work", "ACL Anthology Network"},
                   {"method", "S2ORC is constructed"},
                   {"experiments", "randomly sample 500 paper clusters"}}},
        RealPaper{"2302.07302v1.pdf",
                  {},
                  {{"summary", "This paper introduces CiteSee"},
                   {"related_work", "prior work"},
                   {"experiments", "significantly outperforms the three baseline strategies"},
                   {"further_work", "Future work could conduct longer deployment studies"}}}));

}  // namespace
}  // namespace coolpapers::faq
