// Category expressions as papers.cool reads them in /arxiv/<expr>:
//   "cs.AI"                       one category
//   "cs.AI,cs.CL"                 union
//   "cs.AI+cs.LG-cs.CY-econ.GN"   union of the "+" terms minus papers in any "-" category
#ifndef COOLPAPERS_CORE_CATEGORY_EXPR_H_
#define COOLPAPERS_CORE_CATEGORY_EXPR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers {

struct CategoryExpr {
  std::vector<std::string> include;  // canonical ids, sorted, no duplicates; never empty
  std::vector<std::string> exclude;  // canonical ids, sorted, no duplicates

  // The canonical spelling: "cs.AI" / "cs.AI,cs.CL" / "cs.AI+cs.LG-cs.CY". Equal expressions
  // print equally, so it serves as a cache key and as the canonical URL part.
  std::string ToString() const;

  bool operator==(const CategoryExpr&) const = default;
};

// Parses an expression. Aliases resolve ("cs.SY" reads as "eess.SY"). "," and "+" both join
// included terms; every term after the first "-" must be preceded by "-". Returns
// kInvalidArgument for an unknown category (`unknown arXiv category "cs.XX"`) or bad syntax
// (`invalid category expression "cs.AI,,": expected CAT, CAT,CAT or CAT+CAT-CAT`).
// Longer texts are refused before any work (`category expression too long`): every category
// joined by ',' takes about 1.5 KB. Parsing is linear in the text's length.
[[nodiscard]] Result<CategoryExpr> ParseCategoryExpr(std::string_view text);

inline constexpr size_t kMaxCategoryExprLength = 4096;

// True when the text has the shape of a category expression rather than a paper id, so the
// router can tell /arxiv/cs.AI from /arxiv/2401.06769 without parsing either fully.
bool LooksLikeCategoryExpr(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_CATEGORY_EXPR_H_
