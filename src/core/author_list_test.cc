#include "core/author_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers {
namespace {

using Names = std::vector<std::string>;

TEST(SplitAuthorList, SplitsTheStringFormsArxivUses) {
  struct Case {
    std::string text;
    Names names;
  };
  for (const Case& c : {
           Case{"", {}},
           Case{"  \n ", {}},
           Case{"Ileana Streinu", {"Ileana Streinu"}},
           Case{"Ileana Streinu and Louis Theran", {"Ileana Streinu", "Louis Theran"}},
           Case{"A, B, and C", {"A", "B", "C"}},
           Case{"A, B and C", {"A", "B", "C"}},
           Case{"A and B and C", {"A", "B", "C"}},
           Case{R"(C. Bal\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan)",
                {"C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"}},
           Case{"Louis Theran,\n  Ileana   Streinu", {"Louis Theran", "Ileana Streinu"}},
           Case{"A. One,\nB. Two and\n  C. Three", {"A. One", "B. Two", "C. Three"}},
           Case{"Sandra Andersen and Rand Paul", {"Sandra Andersen", "Rand Paul"}},
           Case{"A,, B,", {"A", "B"}},
       }) {
    EXPECT_EQ(SplitAuthorList(c.text), c.names) << c.text;
  }
}

TEST(SplitAuthorList, KeepsParenthesisedAffiliationsWithTheirName) {
  struct Case {
    std::string text;
    Names names;
  };
  for (const Case& c : {
           Case{"A (MIT, USA), B", {"A (MIT, USA)", "B"}},
           Case{"A (Physics and Astronomy, UCL) and B", {"A (Physics and Astronomy, UCL)", "B"}},
           // The Kaggle record 0704.0003-style trailing affiliation block.
           Case{R"(Peter Brommer and Franz G\"ahler (Institut f\"ur Theoretische und Angewandte)"
                R"( Physik, Universit\"at Stuttgart))",
                {"Peter Brommer",
                 "Franz Gähler (Institut für Theoretische und Angewandte Physik, Universität "
                 "Stuttgart)"}},
           Case{"M. Bayer (1), K. Ott (2) ((1) Uni A, (2) Uni B)",
                {"M. Bayer (1)", "K. Ott (2) ((1) Uni A, (2) Uni B)"}},
           Case{"A (unclosed, B", {"A (unclosed, B"}},
       }) {
    EXPECT_EQ(SplitAuthorList(c.text), c.names) << c.text;
  }
}

TEST(SplitAuthorList, KeepsNameSuffixesWithTheirName) {
  EXPECT_THAT(SplitAuthorList("John Smith, Jr., Jane Doe and Karl Marx, III"),
              ::testing::ElementsAre("John Smith, Jr.", "Jane Doe", "Karl Marx, III"));
}

TEST(NormalizeAuthorNames, CleansListsOfNames) {
  struct Case {
    Names names;
    Names clean;
  };
  for (const Case& c : {
           Case{{}, {}},
           Case{{"Gemma Team"}, {"Gemma Team"}},
           Case{{" Aishwarya  Kamath\n", "", "   ", R"(Johan Ferret Bj{\o}rn)"},
                {"Aishwarya Kamath", "Johan Ferret Bjørn"}},
           Case{{R"(Fran\c{c}ois)", "A and B"}, {"François", "A and B"}},
       }) {
    EXPECT_EQ(NormalizeAuthorNames(c.names), c.clean);
  }
}

}  // namespace
}  // namespace coolpapers
