#include "search/term_highlighter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The marked words of `text` for `query`.
std::vector<std::string> Marked(std::string_view query, std::string_view text) {
  Result<TermHighlighter> highlighter = TermHighlighter::ForQuery(query);
  EXPECT_TRUE(highlighter) << query;
  std::vector<std::string> words;
  if (!highlighter) return words;
  for (const TextSpan& span : highlighter->Find(text)) {
    words.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return words;
}

TEST(TermHighlighter, MarksWordsAndTheirStemsWhateverTheCase) {
  EXPECT_THAT(Marked("neural images", "Images of Neural Networks: an image study"),
              ElementsAre("Images", "Neural", "image"));
}

TEST(TermHighlighter, MarksPhraseAndFieldWords) {
  EXPECT_THAT(Marked("\"language model\" title:agents", "Large Language Model Agents"),
              ElementsAre("Language", "Model", "Agents"));
}

TEST(TermHighlighter, MarksAccentedWordsForFoldedQueries) {
  EXPECT_THAT(Marked("Schrodinger", "The Schrödinger bridge"), ElementsAre("Schrödinger"));
}

TEST(TermHighlighter, MarksNumbersWithDotsAsOneWord) {
  EXPECT_THAT(Marked("2505.00002", "Paper 2505.00002 and 2505.00003."), ElementsAre("2505.00002"));
}

TEST(TermHighlighter, IgnoresFiltersAndAuthors) {
  EXPECT_THAT(Marked("author:smith cat:cs.CL", "Smith's cs.CL paper"), IsEmpty());
}

TEST(TermHighlighter, NamesTheAuthorsOfAnAuthorPhraseOnly) {
  const TermHighlighter wei = *TermHighlighter::ForQuery("author:\"Wei Wang\"");
  EXPECT_TRUE(wei.NamesAuthor("Wei Wang"));
  EXPECT_TRUE(wei.NamesAuthor("Wei E. Wang"));
  EXPECT_FALSE(wei.NamesAuthor("Weikang Wang"));
  EXPECT_FALSE(wei.NamesAuthor("Wei Chen"));
  EXPECT_TRUE(TermHighlighter::ForQuery("author:\"Erwin Schrodinger\"")->NamesAuthor("Erwin Schrödinger"));
  EXPECT_FALSE(TermHighlighter::ForQuery("cat:cs.CL")->NamesAuthor("Wei Wang"));
}

TEST(TermHighlighter, RejectsWhatTheQueryLanguageRejects) {
  EXPECT_EQ(TermHighlighter::ForQuery("author:").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace coolpapers::search
