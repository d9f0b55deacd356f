#include "search/ascii_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers::search {
namespace {

TEST(FoldToAscii, FoldsLatinLettersAndKeepsTheRest) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Schrödinger", "Schrodinger"},
      {"Łukasz Kaiser", "Lukasz Kaiser"},
      {"Straße", "Strasse"},
      {"Æsir œuvre", "AEsir oeuvre"},
      {"Erdős–Rényi", "Erdos–Renyi"},  // the en dash is not a letter: kept
      {"Ça va", "Ca va"},
      {"Sche\xcc\x88ma", "Schema"},  // e + combining diaeresis
      {"3 × 4 ÷ 2", "3 × 4 ÷ 2"},
      {"北京 Zürich", "北京 Zurich"},
      {"plain ascii", "plain ascii"},
      {"", ""},
      {"bad \xc3", "bad \xc3"},  // a truncated sequence is copied as it is
      {"\xff\xfe", "\xff\xfe"},
  };
  for (const auto& [text, folded] : cases) EXPECT_EQ(FoldToAscii(text), folded) << text;
}

}  // namespace
}  // namespace coolpapers::search
