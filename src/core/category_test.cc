#include "core/category.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/shared_data.h"

namespace coolpapers {
namespace {

TEST(CategoryTable, ListsGroupsInArxivDisplayOrder) {
  std::vector<std::string_view> ids;
  for (const CategoryGroup& group : AllCategoryGroups()) ids.push_back(group.id);
  EXPECT_EQ(ids, (std::vector<std::string_view>{"grp_physics", "grp_math", "grp_cs", "grp_q-bio",
                                                "grp_q-fin", "grp_stat", "grp_eess", "grp_econ",
                                                "grp_test"}));
  EXPECT_TRUE(FindCategoryGroup("grp_test")->is_test);
  EXPECT_FALSE(FindCategoryGroup("grp_cs")->is_test);
  EXPECT_EQ(FindCategoryGroup("grp_cs")->name, "Computer Science");
  EXPECT_EQ(FindCategoryGroup("grp_bad"), nullptr);
}

TEST(CategoryTable, OrdersCategoriesByGroupThenIdWithoutDuplicates) {
  const auto groups = AllCategoryGroups();
  auto group_rank = [&](std::string_view id) {
    return std::ranges::find(groups, id, &CategoryGroup::id) - groups.begin();
  };
  std::set<std::string_view> seen;
  const Category* previous = nullptr;
  for (const Category& category : AllCategories()) {
    EXPECT_TRUE(seen.insert(category.id).second) << category.id;
    ASSERT_LT(group_rank(category.group), std::ssize(groups)) << category.id;
    if (previous != nullptr) {
      EXPECT_LT(std::pair(group_rank(previous->group), previous->id),
                std::pair(group_rank(category.group), category.id));
    }
    previous = &category;
  }
  EXPECT_EQ(AllCategories().size(), 184u);
}

TEST(CategoryTable, EveryCanonicalIdIsItselfACanonicalCategory) {
  for (const Category& category : AllCategories()) {
    const Category* target = FindCategory(category.canonical_id);
    ASSERT_NE(target, nullptr) << category.id;
    EXPECT_EQ(target->canonical_id, target->id) << category.id;
  }
}

TEST(FindCategory, FindsCategoriesAndArchivesThatAreCategories) {
  struct Case {
    const char* id;
    const char* name;
    const char* archive;
    const char* group;
    bool is_active;
  };
  for (const Case& c :
       {Case{"cs.CL", "Computation and Language", "cs", "grp_cs", true},
        Case{"math-ph", "Mathematical Physics", "math-ph", "grp_physics", true},
        Case{"hep-th", "High Energy Physics - Theory", "hep-th", "grp_physics", true},
        Case{"astro-ph", "Astrophysics", "astro-ph", "grp_physics", false},
        Case{"econ.GN", "General Economics", "econ", "grp_econ", true},
        Case{"q-bio.NC", "Neurons and Cognition", "q-bio", "grp_q-bio", true},
        Case{"cmp-lg", "Computation and Language", "cmp-lg", "grp_cs", false}}) {
    SCOPED_TRACE(c.id);
    const Category* category = FindCategory(c.id);
    ASSERT_NE(category, nullptr);
    EXPECT_EQ(category->id, c.id);
    EXPECT_EQ(category->name, c.name);
    EXPECT_EQ(category->archive, c.archive);
    EXPECT_EQ(category->group, c.group);
    EXPECT_EQ(category->is_active, c.is_active);
  }
  EXPECT_EQ(FindCategory("cs.CL")->archive_name, "Computer Science");
}

TEST(FindCategory, ReturnsNullForUnknownOrMisspelledIds) {
  for (const char* id : {"", "cs", "math", "cs.XX", "CS.CL", "cs.cl", "cs.CL ", "bad-arch.bad-cat",
                         "physics", "grp_cs"}) {
    EXPECT_EQ(FindCategory(id), nullptr) << id;
  }
}

TEST(CanonicalCategory, ResolvesAliasesSubsumedArchivesAndItself) {
  struct Case {
    const char* id;
    const char* canonical;
  };
  for (const Case& c : {Case{"cs.NA", "math.NA"},
                        Case{"cs.SY", "eess.SY"},
                        Case{"math.IT", "cs.IT"},
                        Case{"math.MP", "math-ph"},
                        Case{"q-fin.EC", "econ.GN"},
                        Case{"stat.TH", "math.ST"},
                        Case{"cmp-lg", "cs.CL"},
                        Case{"adap-org", "nlin.AO"},
                        Case{"comp-gas", "nlin.CG"},
                        Case{"chao-dyn", "nlin.CD"},
                        Case{"solv-int", "nlin.SI"},
                        Case{"patt-sol", "nlin.PS"},
                        Case{"alg-geom", "math.AG"},
                        Case{"dg-ga", "math.DG"},
                        Case{"funct-an", "math.FA"},
                        Case{"q-alg", "math.QA"},
                        Case{"mtrl-th", "cond-mat.mtrl-sci"},
                        Case{"supr-con", "cond-mat.supr-con"},
                        Case{"acc-phys", "physics.acc-ph"},
                        Case{"ao-sci", "physics.ao-ph"},
                        Case{"atom-ph", "physics.atom-ph"},
                        Case{"bayes-an", "physics.data-an"},
                        Case{"chem-ph", "physics.chem-ph"},
                        Case{"plasm-ph", "physics.plasm-ph"},
                        Case{"cs.AI", "cs.AI"},
                        Case{"math-ph", "math-ph"},
                        Case{"eess.SY", "eess.SY"},
                        Case{"hep-th", "hep-th"}}) {
    SCOPED_TRACE(c.id);
    Result<std::string_view> canonical = CanonicalCategory(c.id);
    ASSERT_TRUE(canonical.has_value()) << canonical.error().message;
    EXPECT_EQ(*canonical, c.canonical);
  }
}

TEST(CanonicalCategory, RejectsUnknownIdsNamingThem) {
  Result<std::string_view> canonical = CanonicalCategory("cs.XX");
  ASSERT_FALSE(canonical.has_value());
  EXPECT_EQ(canonical.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(canonical.error().message, "unknown arXiv category \"cs.XX\"");
}

TEST(IsArxivArchive, KnowsCurrentAndOldArchives) {
  for (const char* archive :
       {"cs", "math", "physics", "hep-th", "astro-ph", "cond-mat", "q-bio", "q-fin", "stat", "eess",
        "econ", "nlin", "math-ph", "cmp-lg", "solv-int", "alg-geom", "test"}) {
    EXPECT_TRUE(IsArxivArchive(archive)) << archive;
  }
  for (const char* archive : {"", "cs.AI", "CS", "foo", "bad-arch", "grp_cs"}) {
    EXPECT_FALSE(IsArxivArchive(archive)) << archive;
  }
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

// The compiled table must agree with arXiv's taxonomy as the team's data folder records it.
TEST(CategoryTable, MatchesSharedTaxonomyTsv) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  std::ifstream tsv(data / "taxonomy" / "arxiv-categories.tsv");
  ASSERT_TRUE(tsv) << "cannot open arxiv-categories.tsv";
  std::string line;
  ASSERT_TRUE(std::getline(tsv, line));
  EXPECT_EQ(line,
            "id\tname\tarchive\tarchive_name\tgroup\tgroup_name\tis_active\tcanonical_id"
            "\talt_name");
  size_t matched = 0;
  while (std::getline(tsv, line)) {
    const std::vector<std::string> row = SplitTabs(line);
    ASSERT_EQ(row.size(), 9u) << line;
    SCOPED_TRACE(row[0]);
    // arXiv's invalid-input sentinel is deliberately not a category (see category_table.cc).
    if (row[4] == "grp_bad") {
      EXPECT_EQ(FindCategory(row[0]), nullptr);
      continue;
    }
    const Category* category = FindCategory(row[0]);
    ASSERT_NE(category, nullptr);
    EXPECT_EQ(category->name, row[1]);
    EXPECT_EQ(category->archive, row[2]);
    EXPECT_EQ(category->archive_name, row[3]);
    EXPECT_EQ(category->group, row[4]);
    EXPECT_EQ(FindCategoryGroup(row[4])->name, row[5]);
    EXPECT_EQ(category->is_active, row[6] == "true");
    EXPECT_EQ(category->canonical_id, row[7]);
    ++matched;
  }
  EXPECT_EQ(matched, AllCategories().size());
}

TEST(CategoryTable, EveryIdFitsTheLongestIdParsersLookFor) {
  for (const Category& category : AllCategories()) {
    EXPECT_LE(category.id.size(), kLongestCategoryId) << category.id;
  }
}

}  // namespace
}  // namespace coolpapers
