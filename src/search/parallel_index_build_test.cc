#include "search/parallel_index_build.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/support/search_test_papers.h"
#include "search/searcher.h"
#include "search/index_layout.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// `count` papers "2601.00001"... that all carry the word "common" and one word of their own
// ("uniqueN"), first listed on consecutive days.
std::vector<Paper> NumberedPapers(int count) {
  std::vector<Paper> papers;
  for (int n = 1; n <= count; ++n) {
    Paper paper;
    const std::string number = std::to_string(n);
    paper.id = "2601." + std::string(5 - number.size(), '0') + number;
    paper.title = "A common title, paper unique" + number;
    paper.abstract = "Common words for every paper.";
    paper.authors = {"Ada Lovelace"};
    paper.categories = {"cs.CL"};
    paper.first_listed = Date::FromYmd(2026, 1, static_cast<unsigned>(1 + n % 28));
    papers.push_back(paper);
  }
  return papers;
}

// Opens `index_dir/gen-1` as the live index, for a Searcher to read what a build wrote there.
void MakeLive(const std::filesystem::path& index_dir) {
  ASSERT_TRUE(WriteCurrentGeneration(index_dir, 1));
}

TEST(ParallelIndexBuild, MergesEveryPartIntoOneIndex) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = NumberedPapers(100);
  // Three writers and parts of seven papers: many parts, each writer closing several.
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 3, 7);
  ASSERT_TRUE(build) << build.error().detail;
  for (std::size_t i = 0; i < papers.size(); i += 9) {
    ASSERT_TRUE((*build)->Add(std::span(papers).subspan(i, std::min<std::size_t>(9, papers.size() - i))));
  }
  bool merge_announced = false;
  Result<int64_t> written =
      (*build)->Finish(GenerationPath(dir.path(), 1), [&] { merge_announced = true; });
  ASSERT_TRUE(written) << written.error().detail;
  EXPECT_EQ(*written, 100);
  EXPECT_TRUE(merge_announced);
  build->reset();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts"));

  MakeLive(dir.path());
  EXPECT_EQ(SearchIds(dir.path(), "common", 1000).size(), 100u);
  EXPECT_THAT(SearchIds(dir.path(), "unique37"), ElementsAre("2601.00037"));
  EXPECT_THAT(SearchIds(dir.path(), "unique100"), ElementsAre("2601.00100"));
}

TEST(ParallelIndexBuild, SkipsPapersWithoutAnId) {
  coolpapers::testing::TempDir dir;
  std::vector<Paper> papers = NumberedPapers(3);
  papers[1].id.clear();
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  ASSERT_TRUE((*build)->Add(papers));
  EXPECT_EQ((*build)->Finish(GenerationPath(dir.path(), 1)), 2);
  MakeLive(dir.path());
  EXPECT_THAT(SearchIds(dir.path(), "unique2"), IsEmpty());
}

TEST(ParallelIndexBuild, AnEmptyBuildGivesAnEmptyIndex) {
  coolpapers::testing::TempDir dir;
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  EXPECT_EQ((*build)->Finish(GenerationPath(dir.path(), 1)), 0);
  MakeLive(dir.path());
  EXPECT_THAT(SearchIds(dir.path(), "common"), IsEmpty());
}

TEST(ParallelIndexBuild, AnAbandonedBuildRemovesItsParts) {
  coolpapers::testing::TempDir dir;
  const std::vector<Paper> papers = NumberedPapers(20);
  {
    auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2, 5);
    ASSERT_TRUE(build);
    ASSERT_TRUE((*build)->Add(papers));
  }  // never finished: the source failed, say
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts"));
  EXPECT_FALSE(std::filesystem::exists(GenerationPath(dir.path(), 1)));
}

TEST(ParallelIndexBuild, AMergeThatCannotWriteItsOutputFails) {
  coolpapers::testing::TempDir dir;
  std::ofstream(dir.path() / "a-file") << "in the way";
  auto build = ParallelIndexBuild::Start(dir.path() / "parts", 2);
  ASSERT_TRUE(build);
  ASSERT_TRUE((*build)->Add(NumberedPapers(4)));
  Result<int64_t> written = (*build)->Finish(dir.path() / "a-file" / "gen-1");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kUnavailable) << written.error().detail;
}

}  // namespace
}  // namespace coolpapers::search
