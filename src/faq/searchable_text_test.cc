#include "faq/searchable_text.h"

#include <gtest/gtest.h>

namespace coolpapers::faq {
namespace {

pdf::PaperText TwoPages(std::string first, std::string second) {
  pdf::PaperText paper;
  paper.pages = {{1, std::move(first)}, {2, std::move(second)}};
  return paper;
}

TEST(SearchableText, JoinsThePagesInOrder) {
  EXPECT_EQ(SearchableText(TwoPages("Introduction\nWe study.", "Results\n")),
            "Introduction\nWe study.\nResults\n");
}

TEST(SearchableText, LeavesOutTheReferencesButKeepsAppendices) {
  pdf::PaperText paper = TwoPages("Conclusion\nIt works.\nReferences\n[1] A. Smith. Other paper.\n",
                             "[2] B. Jones. Another.\nAppendix A Proofs\nLemma 1 holds.\n");
  paper.references = pdf::TextPosition{1, paper.pages[0].text.find("References")};
  EXPECT_EQ(SearchableText(paper), "Conclusion\nIt works.\nAppendix A Proofs\nLemma 1 holds.\n");
}

TEST(SearchableText, ReferencesToTheEndAreAllLeftOut) {
  pdf::PaperText paper = TwoPages("Body text.\n", "References\n[1] A. Smith.\n");
  paper.references = pdf::TextPosition{2, 0};
  EXPECT_EQ(SearchableText(paper), "Body text.\n");
}

}  // namespace
}  // namespace coolpapers::faq
