#include "faq/page_marks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::faq {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

pdf::PaperText SparsePaper() {
  pdf::PaperText paper;
  paper.pages = {
      {1,
       "Sparse Attention for Long Documents\nAbstract\nWe propose SparseFormer, a transformer "
       "with block-sparse attention that scales linearly with sequence length."},
      {2,
       "3 Method\nSparseFormer partitions the sequence into blocks of 64 tokens and attends "
       "within each block and to a few global tokens, like Schrödinger's boxes."},
      {3,
       "4 Experiments\nOn the PubMed summarization benchmark SparseFormer reaches 45.3 ROUGE-1,\n"
       "outperforming BigBird by 1.2 points."},
      {4, "本文提出一种稀疏注意力方法，显著降低了长文档建模的计算开销。"},
      {5, ""},
  };
  return paper;
}

struct Case {
  const char* name;
  const char* answer;
  const char* text;  // expected CheckedAnswer::text
  int kept;
  int dropped;
};

TEST(VerifyPageMarks, KeepsNormalisesOrDropsEachMark) {
  const Case cases[] = {
      {"kept as written", "SparseFormer splits the sequence into blocks of 64 tokens [page 2].",
       "SparseFormer splits the sequence into blocks of 64 tokens [page 2].", 1, 0},
      {"capitalised", "Blocks hold 64 tokens each [Page 2].", "Blocks hold 64 tokens each [page 2].",
       1, 0},
      {"p.", "Blocks hold 64 tokens each [p. 2].", "Blocks hold 64 tokens each [page 2].", 1, 0},
      {"parentheses", "Blocks hold 64 tokens each (page 2).",
       "Blocks hold 64 tokens each [page 2].", 1, 0},
      {"Chinese mark", "Blocks hold 64 tokens each [第2页].",
       "Blocks hold 64 tokens each [page 2].", 1, 0},
      {"after the full stop", "SparseFormer scales linearly with sequence length. [page 1]",
       "SparseFormer scales linearly with sequence length. [page 1]", 1, 0},
      {"pp. list", "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [pp. 2, 3].",
       "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [pages 2, 3].", 1, 0},
      {"page range", "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [pages 2-3].",
       "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [pages 2, 3].", 1, 0},
      {"range keeps only matching pages", "Blocks hold 64 tokens each [pages 1-2].",
       "Blocks hold 64 tokens each [page 2].", 1, 0},
      {"claim on another page",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed, outperforming BigBird [page 2].",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed, outperforming BigBird.", 0, 1},
      {"claim better borne out by another page",
       "SparseFormer blocks reach 45.3 ROUGE-1 on PubMed [page 2].",
       "SparseFormer blocks reach 45.3 ROUGE-1 on PubMed.", 0, 1},
      {"page that does not exist", "Blocks hold 64 tokens each [page 9].",
       "Blocks hold 64 tokens each.", 0, 1},
      {"page without text", "Blocks hold 64 tokens each [page 5].", "Blocks hold 64 tokens each.",
       0, 1},
      {"mark without a claim", "[page 2]", "", 0, 1},
      {"short claim needs half its words", "Block-sparse attention [page 1]",
       "Block-sparse attention [page 1]", 1, 0},
      {"each sentence its own claim",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed [page 3]. It outperforms BigBird by 1.2 "
       "points [page 2].",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed [page 3]. It outperforms BigBird by 1.2 "
       "points.",
       1, 1},
      {"abbreviation does not end the claim",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed, e.g. better than others [page 3].",
       "SparseFormer reaches 45.3 ROUGE-1 on PubMed, e.g. better than others [page 3].", 1, 0},
      {"second mark cites the same claim",
       "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [page 2][page 3].",
       "SparseFormer uses blocks of 64 tokens and reaches 45.3 ROUGE-1 [page 2][page 3].", 2, 0},
      {"inline code untouched", "Write marks as `[page 9]` after a claim.",
       "Write marks as `[page 9]` after a claim.", 0, 0},
      {"fenced block untouched", "Example:\n```\nclaim [page 9]\n```\nBlocks hold 64 tokens [p. 2]",
       "Example:\n```\nclaim [page 9]\n```\nBlocks hold 64 tokens [page 2]", 1, 0},
      {"citations and statistics are not marks", "As shown in [1], p < 0.05 (p = 0.01).",
       "As shown in [1], p < 0.05 (p = 0.01).", 0, 0},
      {"Chinese claim with Latin terms", "SparseFormer 在 PubMed 上达到 45.3 的 ROUGE-1 [第3页]。",
       "SparseFormer 在 PubMed 上达到 45.3 的 ROUGE-1 [page 3]。", 1, 0},
      {"Chinese claim on another page", "SparseFormer 在 PubMed 上达到 45.3 的 ROUGE-1【第2页】。",
       "SparseFormer 在 PubMed 上达到 45.3 的 ROUGE-1。", 0, 1},
      {"Chinese claim on a Chinese page", "该方法降低了长文档建模的计算开销（第4页）。",
       "该方法降低了长文档建模的计算开销[page 4]。", 1, 0},
      {"Chinese claim without shared terms", "作者认为这项工作很有意义[第1页]。",
       "作者认为这项工作很有意义。", 0, 1},
      {"accents folded", "Schrodinger cats [page 2].", "Schrodinger cats [page 2].", 1, 0},
  };
  const pdf::PaperText paper = SparsePaper();
  for (const Case& c : cases) {
    const CheckedAnswer checked = VerifyPageMarks(c.answer, paper);
    EXPECT_EQ(checked.text, c.text) << c.name;
    EXPECT_EQ(checked.marks_kept, c.kept) << c.name;
    EXPECT_EQ(checked.marks_dropped, c.dropped) << c.name;
  }
}

TEST(VerifyPageMarks, ListsThePagesOfKeptMarks) {
  const CheckedAnswer checked = VerifyPageMarks(
      "- SparseFormer reaches 45.3 ROUGE-1 on PubMed [page 3].\n"
      "- SparseFormer partitions the sequence into blocks of 64 tokens [page 2].\n"
      "- It scales linearly with sequence length [page 1].\n"
      "- Blocks hold 64 tokens [page 2].\n"
      "- Nothing here matches [page 4].\n",
      SparsePaper());
  EXPECT_THAT(checked.pages, ElementsAre(1, 2, 3));
  EXPECT_EQ(checked.marks_kept, 4);
  EXPECT_EQ(checked.marks_dropped, 1);
}

TEST(VerifyPageMarks, LeavesAnAnswerWithoutMarksAsItIs) {
  const std::string answer = "**SparseFormer** uses $O(n)$ attention.\n\n- one\n- two\n";
  const CheckedAnswer checked = VerifyPageMarks(answer, SparsePaper());
  EXPECT_EQ(checked.text, answer);
  EXPECT_THAT(checked.pages, IsEmpty());
  EXPECT_EQ(checked.marks_kept + checked.marks_dropped, 0);
}

}  // namespace
}  // namespace coolpapers::faq
