#include "pdf/hyphenation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

using ::testing::ElementsAre;

struct Case {
  std::vector<std::string> lines;
  std::vector<std::string> joined;
};

TEST(JoinHyphenatedWords, JoinsOrKeepsTheHyphenByTheNextLine) {
  const Case cases[] = {
      {{"a repre-", "sentation of text"}, {"a representation", "of text"}},
      {{"a Transformer-", "XL model"}, {"a Transformer-XL", "model"}},
      {{"sum-", "1https://example.org"}, {"sum-", "1https://example.org"}},
      {{"ends with a dash -", "next"}, {"ends with a dash -", "next"}},
      {{"year 2020-", "2021"}, {"year 2020-", "2021"}},
      {{"soft\u00AD", "ware"}, {"software"}},
      {{"diffi-", "cult."}, {"difficult."}},
      {{"no hyphen", "here"}, {"no hyphen", "here"}},
      // The whole next line is one word: the line vanishes and the joining goes on.
      {{"state-of-", "the-", "art models"}, {"state-of-the-art", "models"}},
  };
  for (const Case& c : cases) {
    std::vector<std::vector<std::string>> pages = {c.lines};
    JoinHyphenatedWords(pages);
    EXPECT_EQ(pages[0], c.joined) << c.lines[0];
  }
}

TEST(JoinHyphenatedWords, KeepsACompoundSeenUnbrokenElsewhere) {
  std::vector<std::vector<std::string>> pages = {{"We study long-context models.", "Such long-",
                                                  "context inputs, and a repre-", "sentation."}};
  JoinHyphenatedWords(pages);
  EXPECT_THAT(pages[0], ElementsAre("We study long-context models.", "Such long-context",
                                    "inputs, and a representation."));
}

TEST(JoinHyphenatedWords, LeavesAHyphenAtTheEndOfAPage) {
  std::vector<std::vector<std::string>> pages = {{"the last word is repre-"}, {"sentation"}};
  JoinHyphenatedWords(pages);
  EXPECT_THAT(pages[0], ElementsAre("the last word is repre-"));
  EXPECT_THAT(pages[1], ElementsAre("sentation"));
}

}  // namespace
}  // namespace coolpapers::pdf
