#include "core/category.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/quoted_text.h"

namespace coolpapers {
namespace {

// The table is ordered for display (group, then id); lookups go through views sorted by id,
// built once on first use (function-local statics initialise thread-safely).
const std::vector<const Category*>& CategoriesById() {
  static const std::vector<const Category*> index = [] {
    std::vector<const Category*> sorted;
    for (const Category& category : AllCategories()) sorted.push_back(&category);
    std::ranges::sort(sorted, {}, &Category::id);
    return sorted;
  }();
  return index;
}

const std::vector<std::string_view>& SortedArchives() {
  static const std::vector<std::string_view> archives = [] {
    std::vector<std::string_view> all;
    for (const Category& category : AllCategories()) all.push_back(category.archive);
    std::ranges::sort(all);
    const auto duplicates = std::ranges::unique(all);
    all.erase(duplicates.begin(), duplicates.end());
    return all;
  }();
  return archives;
}

}  // namespace

const Category* FindCategory(std::string_view id) {
  const std::vector<const Category*>& index = CategoriesById();
  const auto it = std::ranges::lower_bound(index, id, {}, &Category::id);
  return it != index.end() && (*it)->id == id ? *it : nullptr;
}

const CategoryGroup* FindCategoryGroup(std::string_view id) {
  const auto groups = AllCategoryGroups();
  const auto it = std::ranges::find(groups, id, &CategoryGroup::id);
  return it != groups.end() ? &*it : nullptr;
}

bool IsArxivArchive(std::string_view archive) {
  return std::ranges::binary_search(SortedArchives(), archive);
}

Result<std::string_view> CanonicalCategory(std::string_view id) {
  const Category* category = FindCategory(id);
  if (category == nullptr) {
    return Fail(ErrorCode::kInvalidArgument, "unknown arXiv category " + QuoteForMessage(id));
  }
  return category->canonical_id;
}

}  // namespace coolpapers
