// The arXiv category taxonomy: groups, archives and categories with their names, the six
// category aliases and the old archives subsumed into categories. The table is compiled in
// (category_table.cc), from arXiv's own definitions (arxiv-base, arxiv/taxonomy/definitions.py).
#ifndef COOLPAPERS_CORE_CATEGORY_H_
#define COOLPAPERS_CORE_CATEGORY_H_

#include <span>
#include <string_view>

#include "core/error.h"

namespace coolpapers {

struct CategoryGroup {
  std::string_view id;    // "grp_cs"
  std::string_view name;  // "Computer Science"
  bool is_test = false;   // grp_test is never shown
};

struct Category {
  std::string_view id;            // "cs.CL", "math-ph", "hep-th"
  std::string_view name;          // "Computation and Language"
  std::string_view archive;       // "cs"
  std::string_view archive_name;  // "Computer Science"
  std::string_view group;         // "grp_cs"
  bool is_active = true;          // false for legacy categories such as "cmp-lg"
  std::string_view canonical_id;  // itself, unless an alias or a subsumed archive: "cs.NA" -> "math.NA"
};

// Every group in arXiv's display order (physics, math, cs, q-bio, q-fin, stat, eess, econ, test).
std::span<const CategoryGroup> AllCategoryGroups();

// Every category, active and legacy, aliases included, ordered by group then id.
std::span<const Category> AllCategories();

// No category id is longer ("physics.atom-ph" is 15 bytes): parsers need look no further for one.
inline constexpr size_t kLongestCategoryId = 24;

// Looks up a category by its exact, case-sensitive id ("cs.CL"). Returns nullptr when arXiv
// has no such id. The pointer refers to the static table and is valid for the whole program.
// Safe from any thread.
const Category* FindCategory(std::string_view id);

// Looks up a group by its id ("grp_cs"). Returns nullptr for an unknown id. Static lifetime.
const CategoryGroup* FindCategoryGroup(std::string_view id);

// True when `archive` is an arXiv archive, current or old: "cs", "math", "hep-th", "cmp-lg",
// "solv-int". Old-style paper ids ("hep-th/9901001") begin with one.
bool IsArxivArchive(std::string_view archive);

// The id to list and store a category under: aliases and subsumed archives map to the
// category that absorbed them ("cs.SY" -> "eess.SY", "cmp-lg" -> "cs.CL"); others to themselves.
// Returns kInvalidArgument for an unknown id: `unknown arXiv category "cs.XX"`.
[[nodiscard]] Result<std::string_view> CanonicalCategory(std::string_view id);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_CATEGORY_H_
