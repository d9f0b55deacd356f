#include "core/category_expr.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/category.h"

namespace coolpapers {
namespace {

using Ids = std::vector<std::string>;

TEST(ParseCategoryExpr, ReadsSinglesUnionsAndDifferences) {
  struct Case {
    const char* text;
    Ids include;
    Ids exclude;
    const char* canonical;
  };
  for (const Case& c : {
           Case{"cs.AI", {"cs.AI"}, {}, "cs.AI"},
           Case{"cs.AI,cs.CL", {"cs.AI", "cs.CL"}, {}, "cs.AI,cs.CL"},
           Case{"cs.CL,cs.AI", {"cs.AI", "cs.CL"}, {}, "cs.AI,cs.CL"},
           Case{"cs.AI+cs.CL", {"cs.AI", "cs.CL"}, {}, "cs.AI,cs.CL"},
           Case{"cs.AI,cs.CL,cs.CV,cs.LG",
                {"cs.AI", "cs.CL", "cs.CV", "cs.LG"},
                {},
                "cs.AI,cs.CL,cs.CV,cs.LG"},
           Case{"cs.AI+cs.LG-cs.CY-econ.GN",
                {"cs.AI", "cs.LG"},
                {"cs.CY", "econ.GN"},
                "cs.AI+cs.LG-cs.CY-econ.GN"},
           Case{"cs.LG+cs.AI-econ.GN-cs.CY",
                {"cs.AI", "cs.LG"},
                {"cs.CY", "econ.GN"},
                "cs.AI+cs.LG-cs.CY-econ.GN"},
           Case{"cs.AI,cs.LG-cs.CY", {"cs.AI", "cs.LG"}, {"cs.CY"}, "cs.AI+cs.LG-cs.CY"},
           Case{"cs.AI-cs.CY", {"cs.AI"}, {"cs.CY"}, "cs.AI-cs.CY"},
           // Duplicates collapse.
           Case{"cs.AI,cs.AI", {"cs.AI"}, {}, "cs.AI"},
           Case{"cs.AI-cs.CY-cs.CY", {"cs.AI"}, {"cs.CY"}, "cs.AI-cs.CY"},
           // Aliases and subsumed archives resolve, then collapse with their target.
           Case{"cs.SY", {"eess.SY"}, {}, "eess.SY"},
           Case{"cs.SY,eess.SY", {"eess.SY"}, {}, "eess.SY"},
           Case{"math.MP", {"math-ph"}, {}, "math-ph"},
           Case{"cs.AI-q-fin.EC", {"cs.AI"}, {"econ.GN"}, "cs.AI-econ.GN"},
           Case{"cmp-lg", {"cs.CL"}, {}, "cs.CL"},
           // '-' inside ids is not subtraction.
           Case{"hep-th", {"hep-th"}, {}, "hep-th"},
           Case{"hep-th-hep-ph", {"hep-th"}, {"hep-ph"}, "hep-th-hep-ph"},
           Case{"hep-th+math-ph-gr-qc", {"hep-th", "math-ph"}, {"gr-qc"}, "hep-th+math-ph-gr-qc"},
           Case{"cond-mat.mtrl-sci-cond-mat.str-el",
                {"cond-mat.mtrl-sci"},
                {"cond-mat.str-el"},
                "cond-mat.mtrl-sci-cond-mat.str-el"},
           Case{"q-bio.NC,q-fin.CP", {"q-bio.NC", "q-fin.CP"}, {}, "q-bio.NC,q-fin.CP"},
       }) {
    SCOPED_TRACE(c.text);
    Result<CategoryExpr> expr = ParseCategoryExpr(c.text);
    ASSERT_TRUE(expr.has_value()) << expr.error().message;
    EXPECT_EQ(expr->include, c.include);
    EXPECT_EQ(expr->exclude, c.exclude);
    EXPECT_EQ(expr->ToString(), c.canonical);
    // The canonical form reads back as the same expression.
    Result<CategoryExpr> reparsed = ParseCategoryExpr(expr->ToString());
    ASSERT_TRUE(reparsed.has_value()) << reparsed.error().message;
    EXPECT_EQ(*reparsed, *expr);
  }
}

TEST(ParseCategoryExpr, RejectsBadSyntax) {
  for (const char* text : {
           "",
           ",",
           "+",
           "-",
           "cs.AI,",
           ",cs.AI",
           "cs.AI,,cs.CL",
           "cs.AI+",
           "cs.AI-",
           "-cs.AI",
           "cs.AI--cs.CY",
           "cs.AI+-cs.CY",
           "cs.AI-+cs.CY",
           "cs.AI,+cs.CL",
           "cs.AI cs.CL",
           " cs.AI",
           "cs.AI ",
           "cs.AI, cs.CL",
           "cs.AI\t",
           "cs.AI/cs.CL",
           "2401.06769",
           "cs.AI;cs.CL",
           "cs.AI-cs.CY+cs.LG",
           "cs.AI-cs.CY,cs.LG",
           "cs.AI\xc3\xa9",
       }) {
    SCOPED_TRACE(text);
    Result<CategoryExpr> expr = ParseCategoryExpr(text);
    ASSERT_FALSE(expr.has_value()) << expr->ToString();
    EXPECT_EQ(expr.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(expr.error().message.rfind("invalid category expression \"", 0), 0u)
        << expr.error().message;
    EXPECT_TRUE(expr.error().message.ends_with(": expected CAT, CAT,CAT or CAT+CAT-CAT"))
        << expr.error().message;
  }
  EXPECT_EQ(ParseCategoryExpr("cs.AI,,").error().message,
            "invalid category expression \"cs.AI,,\": expected CAT, CAT,CAT or CAT+CAT-CAT");
}

TEST(ParseCategoryExpr, NamesTheUnknownCategory) {
  struct Case {
    const char* text;
    const char* unknown;
  };
  for (const Case& c :
       {Case{"cs.XX", "cs.XX"}, Case{"cs.AI,cs.XX", "cs.XX"}, Case{"cs.XX+cs.AI", "cs.XX"},
        Case{"cs.AI-cs.XX", "cs.XX"}, Case{"cs.XX-cs.AI", "cs.XX"}, Case{"hep-xx", "hep-xx"},
        Case{"hep-th-foo-bar", "foo-bar"}, Case{"CS.AI", "CS.AI"}, Case{"cs", "cs"},
        Case{"math", "math"}, Case{"bad-arch.bad-cat", "bad-arch.bad-cat"}}) {
    SCOPED_TRACE(c.text);
    Result<CategoryExpr> expr = ParseCategoryExpr(c.text);
    ASSERT_FALSE(expr.has_value());
    EXPECT_EQ(expr.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(expr.error().message, "unknown arXiv category \"" + std::string(c.unknown) + "\"");
  }
}

TEST(ParseCategoryExpr, RejectsACategoryBothIncludedAndExcluded) {
  for (const char* text : {"cs.AI-cs.AI", "cs.AI+cs.LG-cs.LG", "eess.SY-cs.SY"}) {
    SCOPED_TRACE(text);
    Result<CategoryExpr> expr = ParseCategoryExpr(text);
    ASSERT_FALSE(expr.has_value());
    EXPECT_EQ(expr.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(expr.error().message.ends_with("is both included and excluded"))
        << expr.error().message;
  }
  EXPECT_EQ(ParseCategoryExpr("eess.SY-cs.SY").error().message,
            "invalid category expression \"eess.SY-cs.SY\": eess.SY is both included and "
            "excluded");
}

TEST(ParseCategoryExpr, ReadsEveryCategoryJoinedInOneExpression) {
  std::string every;
  size_t canonical = 0;
  for (const Category& category : AllCategories()) {
    if (category.canonical_id != category.id) continue;
    if (!every.empty()) every += ',';
    every += category.id;
    ++canonical;
  }
  ASSERT_LE(every.size(), kMaxCategoryExprLength);
  Result<CategoryExpr> expr = ParseCategoryExpr(every);
  ASSERT_TRUE(expr) << expr.error().message;
  EXPECT_EQ(expr->include.size(), canonical);
}

TEST(ParseCategoryExpr, RefusesATooLongExpressionBeforeReadingIt) {
  std::string text = "cs.AI";
  while (text.size() <= kMaxCategoryExprLength) text += ",cs.AI";
  Result<CategoryExpr> expr = ParseCategoryExpr(text);
  ASSERT_FALSE(expr);
  EXPECT_EQ(expr.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(expr.error().message, ::testing::StartsWith("category expression too long: "));
}

// Issue #18's hostile path: a long run of one-letter terms joined by '-' (no category among
// them) is an unknown category, found by a scan that looks at most kLongestCategoryId bytes
// ahead of each dash.
TEST(ParseCategoryExpr, NamesTheUnknownTermOfALongRunOfDashes) {
  std::string text = "a";
  while (text.size() + 2 <= kMaxCategoryExprLength) text += "-a";
  Result<CategoryExpr> expr = ParseCategoryExpr(text);
  ASSERT_FALSE(expr);
  EXPECT_THAT(expr.error().message, ::testing::StartsWith("unknown arXiv category \"a-a-a"));
  Result<CategoryExpr> tail = ParseCategoryExpr("cs.AI-" + text.substr(0, 2001));
  ASSERT_FALSE(tail);
  EXPECT_THAT(tail.error().message, ::testing::StartsWith("unknown arXiv category \"a-a"));
}

TEST(LooksLikeCategoryExpr, TellsExpressionsFromPaperIds) {
  struct Case {
    const char* text;
    bool looks_like_expr;
  };
  for (const Case& c : {
           Case{"cs.AI", true},
           Case{"cs.AI,cs.CL", true},
           Case{"cs.AI+cs.LG-cs.CY", true},
           Case{"hep-th", true},
           Case{"cs.XX", true},
           Case{"math-ph", true},
           Case{"2401.06769", false},
           Case{"2401.06769v2", false},
           Case{"1406.2661", false},
           Case{"2401.06769,2401.06770", false},
           Case{"hep-th/9901001", false},
           Case{"math.AG/0601001", false},
           Case{"cs/0506078v2", false},
           Case{"", false},
           Case{".cs", false},
           Case{"-cs.AI", false},
           Case{"cs AI", false},
           Case{"arXiv:2401.06769", false},
       }) {
    EXPECT_EQ(LooksLikeCategoryExpr(c.text), c.looks_like_expr) << c.text;
  }
}

}  // namespace
}  // namespace coolpapers
