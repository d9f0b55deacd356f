#include "harvest/harvest_options.h"

#include "core/category.h"

namespace coolpapers::harvest {

std::vector<std::string> DefaultHarvestCategories() {
  std::vector<std::string> categories;
  // Aliases (cs.NA, cs.SY) stay in: their feeds are arXiv's cs listings, stored under the
  // canonical id.
  for (const Category& category : AllCategories()) {
    if (category.archive == "cs" && category.is_active) categories.emplace_back(category.id);
  }
  categories.emplace_back("stat.ML");
  return categories;
}

}  // namespace coolpapers::harvest
