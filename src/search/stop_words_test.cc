#include "search/stop_words.h"

#include <gtest/gtest.h>

namespace coolpapers::search {
namespace {

TEST(StopWords, FunctionWordsAreStopWords) {
  for (const char* word : {"a", "the", "of", "on", "and", "with", "you", "which"}) {
    EXPECT_TRUE(IsStopWord(word)) << word;
  }
}

TEST(StopWords, SubjectWordsAndOtherCasesAreNot) {
  for (const char* word : {"", "learning", "model", "towards", "not", "The", "ON", "thee", "z"}) {
    EXPECT_FALSE(IsStopWord(word)) << word;
  }
}

}  // namespace
}  // namespace coolpapers::search
