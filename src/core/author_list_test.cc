#include "core/author_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coolpapers {
namespace {

using Names = std::vector<std::string>;

// The names alone, for the cases without affiliations.
Names NamesOf(std::string_view text) { return SplitAuthorList(text).names; }

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
    const AuthorList list = SplitAuthorList(c.text);
    EXPECT_EQ(list.names, c.names) << c.text;
    EXPECT_THAT(list.affiliations, ::testing::IsEmpty()) << c.text;
  }
}

TEST(SplitAuthorList, KeepsAffiliationsApartFromNames) {
  struct Case {
    std::string text;
    Names names;
    Names affiliations;
  };
  for (const Case& c : {
           Case{"A (MIT, USA), B", {"A", "B"}, {"MIT, USA", ""}},
           Case{"A (Physics and Astronomy, UCL) and B", {"A", "B"}, {"Physics and Astronomy, UCL", ""}},
           // Kaggle record 0704.0163's trailing affiliation block.
           Case{R"(Peter Brommer and Franz G\"ahler (Institut f\"ur Theoretische und Angewandte)"
                R"( Physik, Universit\"at Stuttgart))",
                {"Peter Brommer", "Franz Gähler"},
                {"", "Institut für Theoretische und Angewandte Physik, Universität Stuttgart"}},
           Case{"M. Bayer (1), K. Ott (2) ((1) Uni A, (2) Uni B)",
                {"M. Bayer", "K. Ott"},
                {"1", "2; (1) Uni A, (2) Uni B"}},
           // 0704.0177, cut short by arXiv's field limit: the open group is still no name.
           Case{R"(A. Greilich (1), and M. Bayer (1) ((1) Universit\"at)",
                {"A. Greilich", "M. Bayer"},
                {"1", "1; (1) Universität"}},
           Case{"A (unclosed, B", {"A"}, {"unclosed, B"}},
       }) {
    const AuthorList list = SplitAuthorList(c.text);
    EXPECT_EQ(list.names, c.names) << c.text;
    EXPECT_EQ(list.affiliations, c.affiliations) << c.text;
  }
}

TEST(SplitAuthorList, NeverTakesEtAlForAnAuthor) {
  EXPECT_EQ(NamesOf("The BABAR Collaboration, B. Aubert, et al"),
            (Names{"The BABAR Collaboration", "B. Aubert"}));
  EXPECT_EQ(NamesOf("F. Aharonian, et al."), (Names{"F. Aharonian"}));
  EXPECT_EQ(NamesOf("B. Aubert et al"), (Names{"B. Aubert"}));
  EXPECT_EQ(NormalizeAuthorNames({"A. One", "et al"}).names, (Names{"A. One"}));
}

TEST(SplitAuthorList, KeepsNameSuffixesWithTheirName) {
  EXPECT_THAT(NamesOf("John Smith, Jr., Jane Doe and Karl Marx, III"),
              ::testing::ElementsAre("John Smith Jr.", "Jane Doe", "Karl Marx III"));
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
    EXPECT_EQ(NormalizeAuthorNames(c.names).names, c.clean);
  }
}

TEST(NormalizeAuthorNames, SplitsOffAffiliations) {
  const AuthorList list = NormalizeAuthorNames({"Ada Lovelace (Analytical Society)", "C. Babbage"});
  EXPECT_EQ(list.names, (Names{"Ada Lovelace", "C. Babbage"}));
  EXPECT_EQ(list.affiliations, (Names{"Analytical Society", ""}));
}

}  // namespace
}  // namespace coolpapers
