#include "web/pages/coins.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::SamplePaper;

TEST(Coins, DescribesAPreprintAsAnOpenUrlContextObject) {
  Paper paper = SamplePaper("2401.06769");
  paper.version = 3;
  paper.title = "Attention & Memory";
  paper.authors = {"Aäron van den Oord", "Gemma Team"};
  EXPECT_EQ(CoinsContextObject(paper),
            "ctx_ver=Z39.88-2004&rfr_id=info%3Asid%2Fcoolpapers"
            "&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=preprint"
            "&rft.atitle=Attention+%26+Memory&rft.jtitle=arXiv"
            "&rft.aulast=van+den+Oord&rft.aufirst=A%C3%A4ron&rft.au=van+den+Oord%2C+A%C3%A4ron"
            "&rft.au=Gemma+Team&rft.date=2025-05-13&rft_id=info%3Aarxiv%2F2401.06769v3"
            "&rft_id=info%3Adoi%2F10.48550%2FarXiv.2401.06769"
            "&rft_id=https%3A%2F%2Farxiv.org%2Fabs%2F2401.06769");
}

TEST(Coins, NamesAGroupFirstAuthorAsACorporation) {
  Paper paper = SamplePaper("2503.19786");
  paper.authors = {"Gemma Team"};
  paper.doi = "10.1000/x";
  const std::string kev = CoinsContextObject(paper);
  EXPECT_THAT(kev, HasSubstr("&rft.aucorp=Gemma+Team&rft.au=Gemma+Team&"));
  EXPECT_THAT(kev, Not(HasSubstr("rft.aulast")));
  EXPECT_THAT(kev, HasSubstr("rft_id=info%3Adoi%2F10.1000%2Fx"));
}

TEST(Coins, EscapesTheSpanForHtml) {
  std::string out;
  AppendCoinsSpan(out, testing::HostilePaper());
  EXPECT_THAT(out, ::testing::StartsWith("<span class=\"Z3988\" title=\"ctx_ver=Z39.88-2004&amp;"));
  EXPECT_THAT(out, Not(HasSubstr("<script")));
  EXPECT_THAT(out, Not(HasSubstr("<img")));
}

}  // namespace
}  // namespace coolpapers::web
