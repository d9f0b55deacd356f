#include "search/index_layout.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

TEST(IndexLayout, NoStubMeansGenerationZero) {
  coolpapers::testing::TempDir dir;
  EXPECT_EQ(ReadCurrentGeneration(dir.path()), 0);
}

TEST(IndexLayout, WrittenGenerationReadsBack) {
  coolpapers::testing::TempDir dir;
  ASSERT_TRUE(WriteCurrentGeneration(dir.path(), 7));
  EXPECT_EQ(ReadCurrentGeneration(dir.path()), 7);
  ASSERT_TRUE(WriteCurrentGeneration(dir.path(), 8));
  EXPECT_EQ(ReadCurrentGeneration(dir.path()), 8);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "current.tmp"));
}

// Searchers read the stub again only when its version changed (Refresh): every swap must
// change it, even back to the generation it named before, and nothing else may.
TEST(IndexLayout, EverySwapChangesTheStubsVersion) {
  coolpapers::testing::TempDir dir;
  EXPECT_EQ(CurrentStubVersion(dir.path()), std::nullopt);
  ASSERT_TRUE(WriteCurrentGeneration(dir.path(), 1));
  const std::optional<StubVersion> first = CurrentStubVersion(dir.path());
  ASSERT_TRUE(first);
  EXPECT_EQ(CurrentStubVersion(dir.path()), first);
  ASSERT_TRUE(ReadCurrentGeneration(dir.path()));
  EXPECT_EQ(CurrentStubVersion(dir.path()), first);  // reading is not a change
  ASSERT_TRUE(WriteCurrentGeneration(dir.path(), 2));
  const std::optional<StubVersion> second = CurrentStubVersion(dir.path());
  ASSERT_TRUE(second);
  EXPECT_NE(second, first);
  ASSERT_TRUE(WriteCurrentGeneration(dir.path(), 1));
  EXPECT_NE(CurrentStubVersion(dir.path()), second);
}

TEST(IndexLayout, DamagedStubIsCorrupt) {
  coolpapers::testing::TempDir dir;
  std::ofstream(CurrentStubPath(dir.path())) << "glass /elsewhere\n";
  Result<int> generation = ReadCurrentGeneration(dir.path());
  ASSERT_FALSE(generation);
  EXPECT_EQ(generation.error().code, ErrorCode::kCorrupt);
}

TEST(IndexLayout, RemovesOnlyOtherGenerations) {
  coolpapers::testing::TempDir dir;
  for (int generation : {1, 2, 3}) {
    std::filesystem::create_directories(GenerationPath(dir.path(), generation));
  }
  std::filesystem::create_directories(dir.path() / "unrelated");
  ASSERT_TRUE(RemoveOtherGenerations(dir.path(), 2));
  EXPECT_FALSE(std::filesystem::exists(GenerationPath(dir.path(), 1)));
  EXPECT_TRUE(std::filesystem::exists(GenerationPath(dir.path(), 2)));
  EXPECT_FALSE(std::filesystem::exists(GenerationPath(dir.path(), 3)));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "unrelated"));
}

TEST(IndexLayout, RemovesEveryPartsFolderARebuildLeftBehind) {
  coolpapers::testing::TempDir dir;
  std::filesystem::create_directories(GenerationPath(dir.path(), 2));
  std::filesystem::create_directories(PartsPath(dir.path(), 2));
  std::filesystem::create_directories(PartsPath(dir.path(), 3));
  ASSERT_TRUE(RemoveOtherGenerations(dir.path(), 2));
  EXPECT_TRUE(std::filesystem::exists(GenerationPath(dir.path(), 2)));
  EXPECT_FALSE(std::filesystem::exists(PartsPath(dir.path(), 2)));
  EXPECT_FALSE(std::filesystem::exists(PartsPath(dir.path(), 3)));
}

}  // namespace
}  // namespace coolpapers::search
