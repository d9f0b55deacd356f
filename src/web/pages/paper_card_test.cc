#include "web/pages/paper_card.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::HostilePaper;
using testing::SamplePaper;

std::string Card(const Paper& paper, int64_t index = 1,
                 std::optional<AnnounceType> type = std::nullopt) {
  std::string out;
  AppendPaperCard(out, paper, index, type);
  return out;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(PaperCard, HasTheReferenceMarkup) {
  const std::string card = Card(SamplePaper("2401.06769", {"cs.CL", "cs.AI"}), 7);
  EXPECT_THAT(card, HasSubstr("<div class=\"panel paper\" id=\"2401.06769\">"));
  EXPECT_THAT(card, HasSubstr("<a class=\"index\" href=\"https://arxiv.org/abs/2401.06769\">#7</a>"));
  EXPECT_THAT(card, HasSubstr("<a class=\"title-link\" href=\"/arxiv/2401.06769\">Paper 2401.06769</a>"));
  EXPECT_THAT(card, HasSubstr("<a class=\"title-pdf\" href=\"https://arxiv.org/pdf/2401.06769\" "
                              "data=\"https://arxiv.org/pdf/2401.06769\">[PDF]</a>"));
  EXPECT_THAT(card, HasSubstr("<span class=\"title-faq\"></span><span class=\"title-copy\"></span>"
                              "<span class=\"title-rel\"></span>"));
  EXPECT_THAT(card, HasSubstr("<p class=\"authors\">Authors: <a class=\"author\" "
                              "href=\"/arxiv/search?query=author%3A%22Ada+Lovelace%22&amp;"
                              "highlight=1\" data-family=\"Lovelace\" data-given=\"Ada\">"
                              "Ada Lovelace</a>, "));
  EXPECT_THAT(card, HasSubstr("<p class=\"summary\">We study $x^2$ on 2401.06769.</p>"));
  EXPECT_THAT(card, HasSubstr("<p class=\"subjects\">Subjects: <a href=\"/arxiv/cs.CL\">"
                              "Computation and Language (cs.CL)</a>, <a href=\"/arxiv/cs.AI\">"));
  EXPECT_THAT(card, HasSubstr("<p class=\"date\">Publish: <span class=\"date-data\">"
                              "2025-05-13 17:30:00 UTC</span></p>"));
  EXPECT_THAT(card, Not(HasSubstr("class=\"announce\"")));
}

TEST(PaperCard, MarksCrossListsAndReplacements) {
  EXPECT_THAT(Card(SamplePaper("2401.06769"), 1, AnnounceType::kCross), HasSubstr(">cross-list</span>"));
  EXPECT_THAT(Card(SamplePaper("2401.06769"), 1, AnnounceType::kReplace), HasSubstr(">replaced</span>"));
  EXPECT_THAT(Card(SamplePaper("2401.06769"), 1, AnnounceType::kNew), Not(HasSubstr("class=\"announce\"")));
}

TEST(PaperCard, EscapesEveryPieceOfText) {
  const std::string card = Card(HostilePaper());
  EXPECT_THAT(card, Not(HasSubstr("<script")));
  EXPECT_THAT(card, Not(HasSubstr("<img")));
  EXPECT_THAT(card, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(card, HasSubstr("If $a&lt;b$ &amp; $c&gt;d$"));
  EXPECT_THAT(card, HasSubstr(">O&#39;Brien &amp; Sons</a>"));
  // In a link the name is an author: phrase (its own '"' a space), percent-encoded, then escaped.
  EXPECT_THAT(card, HasSubstr("href=\"/arxiv/search?query=author%3A%22+%3E%3Cimg+src%3Dx+onerror%3D"
                              "alert%281%29%3E%22&amp;highlight=1\""));
}

TEST(PaperCard, FoldsAuthorsAfterForty) {
  Paper paper = SamplePaper("2401.06769");
  paper.authors.clear();
  for (int i = 1; i <= 45; ++i) paper.authors.push_back("Author " + std::to_string(i));
  const std::string card = Card(paper);
  const size_t toggle = card.find("<input type=\"checkbox\" class=\"et-al-toggle\" id=\"et-al-2401.06769\">");
  ASSERT_NE(toggle, std::string::npos);
  EXPECT_THAT(card, HasSubstr("<label class=\"et-al\" for=\"et-al-2401.06769\">et al. (5 more)</label>"));
  EXPECT_LT(card.find(">Author 40</a>"), toggle);
  const size_t folded = card.find("<span class=\"more-authors\">");
  ASSERT_NE(folded, std::string::npos);
  EXPECT_GT(card.find(">Author 41</a>"), folded);
  EXPECT_GT(card.find(">Author 45</a>"), folded);
  EXPECT_EQ(Count(card, "class=\"author\""), 45u);
}

TEST(PaperCard, ShowsFortyAuthorsUnfolded) {
  Paper paper = SamplePaper("2401.06769");
  paper.authors.clear();
  for (int i = 1; i <= 40; ++i) paper.authors.push_back("Author " + std::to_string(i));
  const std::string card = Card(paper);
  EXPECT_THAT(card, Not(HasSubstr("et-al")));
  EXPECT_EQ(Count(card, "class=\"author\""), 40u);
}

TEST(PaperCard, MergesAliasesInSubjects) {
  const std::string card = Card(SamplePaper("2401.06769", {"cs.NA", "math.NA", "cs.SY", "eess.SY", "cs.LG"}));
  EXPECT_EQ(Count(card, "href=\"/arxiv/math.NA\""), 1u);
  EXPECT_EQ(Count(card, "href=\"/arxiv/eess.SY\""), 1u);
  EXPECT_EQ(Count(card, "href=\"/arxiv/cs.LG\""), 1u);
  EXPECT_THAT(card, Not(HasSubstr("cs.NA")));
  EXPECT_THAT(card, Not(HasSubstr("cs.SY")));
  // The primary's canonical category comes first.
  EXPECT_LT(card.find("/arxiv/math.NA\""), card.find("/arxiv/eess.SY\""));
  EXPECT_LT(card.find("/arxiv/eess.SY\""), card.find("/arxiv/cs.LG\""));
}

TEST(PaperCard, ShowsUnknownCategoriesAsText) {
  const std::string card = Card(SamplePaper("2401.06769", {"cs.CL", "xx.<b>"}));
  EXPECT_THAT(card, HasSubstr("<span>xx.&lt;b&gt;</span>"));
  EXPECT_THAT(card, Not(HasSubstr("/arxiv/xx.")));
}

TEST(PublishText, PrefersTheFirstVersionThenTheFirstListing) {
  Paper paper = SamplePaper("2401.06769");
  EXPECT_EQ(PublishText(paper), "2025-05-13 17:30:00 UTC");
  paper.versions.clear();
  EXPECT_EQ(PublishText(paper), "2025-05-14");
  paper.first_listed.reset();
  EXPECT_EQ(PublishText(paper), "");
  EXPECT_THAT(Card(paper), Not(HasSubstr("class=\"date\"")));
}

}  // namespace
}  // namespace coolpapers::web
