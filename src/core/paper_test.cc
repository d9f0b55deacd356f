#include "core/paper.h"

#include <gtest/gtest.h>

#include <chrono>

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

TEST(CitedDate, PrefersTheFirstVersionThenAListingDayOfTheIdsMonth) {
  Paper paper;
  paper.id = "1812.06145";  // in the 2025 daily lists as a replacement
  paper.first_listed = Date::FromYmd(2025, 6, 3);
  EXPECT_EQ(CitedDate(paper), "2018-12");
  paper.versions = {{1, UtcTime(std::chrono::sys_days(std::chrono::year(2018) / 12 / 14))}};
  EXPECT_EQ(CitedDate(paper), "2018-12-14");

  Paper fresh;
  fresh.id = "2506.01234";
  fresh.first_listed = Date::FromYmd(2025, 6, 3);
  EXPECT_EQ(CitedDate(fresh), "2025-06-03");
  fresh.first_listed.reset();
  EXPECT_EQ(CitedDate(fresh), "2025-06");

  Paper old_style;
  old_style.id = "hep-th/9901001";
  EXPECT_EQ(CitedDate(old_style), "1999-01");
}

}  // namespace
}  // namespace coolpapers
