#include "core/arxiv_id.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

TEST(ArxivId, ParsesAndCanonicalisesValidIds) {
  struct Case {
    const char* text;
    const char* id;
    int version;
  };
  for (const Case& c : {
           Case{"2401.06769", "2401.06769", 0},
           Case{"2401.06769v2", "2401.06769", 2},
           Case{"1406.2661", "1406.2661", 0},
           Case{"1301.3781v3", "1301.3781", 3},
           Case{"0704.0001", "0704.0001", 0},
           Case{"1412.9999", "1412.9999", 0},
           Case{"1501.00001", "1501.00001", 0},
           Case{"2412.19437v12", "2412.19437", 12},
           // Zero padding resolves both ways (reference 2.1.4).
           Case{"1406.02661", "1406.2661", 0},
           Case{"1406.02661v1", "1406.2661", 1},
           Case{"2401.6769", "2401.06769", 0},
           Case{"2401.6769v2", "2401.06769", 2},
           Case{"1501.0001", "1501.00001", 0},
           // Prefix and whitespace.
           Case{"arXiv:2401.06769", "2401.06769", 0},
           Case{"ARXIV:2401.06769v1", "2401.06769", 1},
           Case{"arxiv:hep-th/9901001", "hep-th/9901001", 0},
           Case{"  2401.06769\n", "2401.06769", 0},
           Case{"\tarXiv:1406.2661 ", "1406.2661", 0},
           // Old style, with and without subject class.
           Case{"hep-th/9901001", "hep-th/9901001", 0},
           Case{"math.AG/0601001", "math.AG/0601001", 0},
           Case{"cs/0506078v2", "cs/0506078", 2},
           Case{"math/0703001", "math/0703001", 0},
           Case{"solv-int/9901001", "solv-int/9901001", 0},
           Case{"solv-int/9901001v3", "solv-int/9901001", 3},
           Case{"cmp-lg/9404001", "cmp-lg/9404001", 0},
           Case{"cond-mat/9108001", "cond-mat/9108001", 0},
           Case{"physics.acc-ph/0001001", "physics.acc-ph/0001001", 0},
       }) {
    SCOPED_TRACE(c.text);
    Result<ArxivId> id = ArxivId::Parse(c.text);
    ASSERT_TRUE(id.has_value()) << id.error().message;
    EXPECT_EQ(id->str(), c.id);
    EXPECT_EQ(id->version(), c.version);
  }
}

TEST(ArxivId, RejectsMalformedIdsQuotingTheText) {
  for (const char* text : {
           "",
           "   ",
           "arXiv:",
           "1406.0266x",
           "2401.06769v",
           "2401.06769v0",
           "2401.06769v01",
           "2401.06769vx",
           "2401.06769 v2",
           "2401.067",
           "2401.067690",
           "2401.000000",
           "1406.12661",  // five significant digits before 1501
           "1406.266",    // too short even with padding
           "2413.00001",  // month 13
           "2400.00001",  // month 00
           "0612.0001",   // before new-style ids existed
           "2401.00000",
           "1406.0000",
           "2401-06769",
           "2401.06769.1",
           "24011.0676",
           "abcd.efgh",
           "hep-th/990100",
           "hep-th/99010012",
           "hep-th/9913001",
           "hep-th/0801001",
           "hep-th/9901000",
           "foo/9901001",
           "HEP-TH/9901001",
           "math.XX/0601001",
           "cs.AG/0601001",
           "hep-th/",
           "/9901001",
           "hep-th/9901001/2",
           "cs.AI",
           "ftp:1406.2661",
           "2401.06769 extra",
           "hep-th/9901001v",
       }) {
    SCOPED_TRACE(text);
    Result<ArxivId> id = ArxivId::Parse(text);
    ASSERT_FALSE(id.has_value()) << id->str();
    EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(id.error().message, "invalid arXiv id \"" + std::string(text) +
                                      "\": expected YYMM.NNNNN[vN] or archive/YYMMNNN[vN]");
  }
}

TEST(ArxivId, QuotesLongOrHostileInputSafely) {
  const std::string long_text(1000, '9');
  Result<ArxivId> id = ArxivId::Parse(long_text);
  ASSERT_FALSE(id.has_value());
  EXPECT_LT(id.error().message.size(), 200u);

  id = ArxivId::Parse("\"><script>");
  ASSERT_FALSE(id.has_value());
  EXPECT_EQ(id.error().message.substr(0, 31), "invalid arXiv id \"\\\"><script>\":");
}

TEST(ArxivId, PrintsWithAndWithoutVersion) {
  const ArxivId versioned = *ArxivId::Parse("2401.6769v2");
  EXPECT_EQ(versioned.WithVersion(), "2401.06769v2");
  EXPECT_EQ(versioned.WithoutVersion().WithVersion(), "2401.06769");
  EXPECT_EQ(versioned.WithoutVersion().version(), 0);
  EXPECT_EQ(ArxivId::Parse("cs/0506078v2")->WithVersion(), "cs/0506078v2");
}

TEST(ArxivId, KnowsOldStyle) {
  EXPECT_TRUE(ArxivId::Parse("hep-th/9901001")->is_old_style());
  EXPECT_TRUE(ArxivId::Parse("math.AG/0601001")->is_old_style());
  EXPECT_FALSE(ArxivId::Parse("2401.06769")->is_old_style());
}

TEST(ArxivId, ComparesPaddingVariantsEqual) {
  EXPECT_EQ(*ArxivId::Parse("1406.02661"), *ArxivId::Parse("arXiv:1406.2661"));
  EXPECT_NE(*ArxivId::Parse("1406.2661v1"), *ArxivId::Parse("1406.2661v2"));
  EXPECT_LT(*ArxivId::Parse("1406.2661"), *ArxivId::Parse("2401.06769"));
}

}  // namespace
}  // namespace coolpapers
