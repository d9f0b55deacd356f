#include "core/paper.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

TEST(AnnounceTypeName, SpellsEachTypeAsArxivDoes) {
  EXPECT_EQ(AnnounceTypeName(AnnounceType::kNew), "new");
  EXPECT_EQ(AnnounceTypeName(AnnounceType::kCross), "cross");
  EXPECT_EQ(AnnounceTypeName(AnnounceType::kReplace), "replace");
}

TEST(Paper, BuildsArxivUrlsFromItsId) {
  Paper paper;
  paper.id = "2401.06769";
  paper.categories = {"cs.CL", "cs.AI"};
  EXPECT_EQ(paper.AbsUrl(), "https://arxiv.org/abs/2401.06769");
  EXPECT_EQ(paper.PdfUrl(), "https://arxiv.org/pdf/2401.06769");
  EXPECT_EQ(paper.primary_category(), "cs.CL");
}

}  // namespace
}  // namespace coolpapers
