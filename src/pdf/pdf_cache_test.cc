#include "pdf/pdf_cache.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace coolpapers::pdf {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

ArxivId Id(std::string_view text) { return ArxivId::Parse(text).value(); }

std::string Pdf(size_t size, char fill = 'x') {
  std::string bytes = "%PDF-1.4\n";
  bytes.resize(size, fill);
  return bytes;
}

std::vector<std::string> FileNames(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<PdfCache> OpenCache(const fs::path& dir, uint64_t max_bytes) {
  auto cache = PdfCache::Open(dir, max_bytes);
  EXPECT_TRUE(cache) << cache.error().message;
  return cache ? std::move(*cache) : nullptr;
}

TEST(PdfFileName, KeepsNewIdsAndFlattensOldStyleSlashes) {
  const struct {
    std::string_view id;
    std::string_view name;
  } kCases[] = {
      {"2401.06769v2", "2401.06769v2.pdf"},
      {"1406.2661v1", "1406.2661v1.pdf"},
      {"hep-th/9901001v1", "hep-th_9901001v1.pdf"},
      {"math.AG/0601001v3", "math.AG_0601001v3.pdf"},
  };
  for (const auto& c : kCases) EXPECT_EQ(PdfFileName(Id(c.id)), c.name) << c.id;
}

TEST(PdfCache, StoresAndFindsAPdfByVersionedId) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path() / "pdf", 1000);
  ASSERT_NE(cache, nullptr);
  const std::string pdf = Pdf(100);
  ASSERT_EQ(cache->Put(Id("hep-th/9901001v1"), pdf), true);

  const std::optional<CachedPdf> found = cache->Find(Id("hep-th/9901001v1"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->path, dir.path() / "pdf" / "hep-th_9901001v1.pdf");
  EXPECT_EQ(found->size, 100u);
  EXPECT_EQ(cache->Read(Id("hep-th/9901001v1")).value(), pdf);
  EXPECT_EQ(cache->Read(Id("hep-th/9901001v1"), ByteRange{2, 3}).value(), "DF-");
  // Another version, or no version at all, is another thing.
  EXPECT_FALSE(cache->Find(Id("hep-th/9901001v2")));
  EXPECT_FALSE(cache->Find(Id("hep-th/9901001")));
  EXPECT_EQ(cache->Read(Id("hep-th/9901001v2")).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(cache->Usage().bytes, 100u);
  EXPECT_EQ(cache->Usage().entries, 1);
  EXPECT_EQ(cache->Usage().max_bytes, 1000u);
}

TEST(PdfCache, RejectsARangePastTheEnd) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 1000);
  ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(10)));
  EXPECT_EQ(cache->Read(Id("2401.00001v1"), ByteRange{8, 2}).value().size(), 2u);
  EXPECT_EQ(cache->Read(Id("2401.00001v1"), ByteRange{8, 3}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(cache->Read(Id("2401.00001v1"), ByteRange{11, 0}).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(PdfCache, RefusesAnUnversionedId) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 1000);
  const Result<bool> put = cache->Put(Id("2401.00001"), Pdf(10));
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(put.error().message, ::testing::HasSubstr("2401.00001v1"));
}

TEST(PdfCache, EvictsTheLeastRecentlyUsedToStayWithinItsBound) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 300);
  ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(100)));
  ASSERT_TRUE(cache->Put(Id("2401.00002v1"), Pdf(100)));
  ASSERT_TRUE(cache->Put(Id("2401.00003v1"), Pdf(100)));
  // Reading the oldest makes the second the least recently used.
  ASSERT_TRUE(cache->Read(Id("2401.00001v1")));
  ASSERT_TRUE(cache->Put(Id("2401.00004v1"), Pdf(100)));
  EXPECT_THAT(FileNames(dir.path()),
              ElementsAre("2401.00001v1.pdf", "2401.00003v1.pdf", "2401.00004v1.pdf"));
  // Find counts as a use too.
  ASSERT_TRUE(cache->Find(Id("2401.00003v1")));
  ASSERT_TRUE(cache->Put(Id("2401.00005v1"), Pdf(150)));
  EXPECT_THAT(FileNames(dir.path()), ElementsAre("2401.00003v1.pdf", "2401.00005v1.pdf"));
  EXPECT_EQ(cache->Usage().bytes, 250u);
  EXPECT_EQ(cache->Usage().entries, 2);
}

TEST(PdfCache, ReplacingAPdfCountsItsNewSizeOnce) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 300);
  ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(100)));
  ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(120, 'y')));
  EXPECT_EQ(cache->Usage().bytes, 120u);
  EXPECT_EQ(cache->Usage().entries, 1);
  EXPECT_EQ(cache->Read(Id("2401.00001v1")).value(), Pdf(120, 'y'));
}

TEST(PdfCache, DoesNotCacheAPdfLargerThanTheWholeBound) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 300);
  ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(100)));
  EXPECT_EQ(cache->Put(Id("2401.00002v1"), Pdf(301)).value(), false);
  EXPECT_FALSE(cache->Find(Id("2401.00002v1")));
  // Nothing was evicted to make room for it.
  EXPECT_THAT(FileNames(dir.path()), ElementsAre("2401.00001v1.pdf"));
}

TEST(PdfCache, PutLeavesNoTemporaryFileAndOpenRemovesACrashsLeftovers) {
  coolpapers::testing::TempDir dir;
  {
    auto cache = OpenCache(dir.path(), 1000);
    ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(100)));
    EXPECT_THAT(FileNames(dir.path()), ElementsAre("2401.00001v1.pdf"));
  }
  // A crash mid-write leaves only a temporary name, which is never served and is cleaned up.
  std::ofstream(dir.path() / ".tmp-2401.00002v1.pdf.123.1") << "%PDF-1.4 half";
  std::ofstream(dir.path() / "notes.txt") << "not ours";
  auto reopened = OpenCache(dir.path(), 1000);
  EXPECT_FALSE(reopened->Find(Id("2401.00002v1")));
  EXPECT_THAT(FileNames(dir.path()), ElementsAre("2401.00001v1.pdf", "notes.txt"));
  EXPECT_EQ(reopened->Usage().bytes, 100u);
  EXPECT_EQ(reopened->Usage().entries, 1);
}

TEST(PdfCache, RecencySurvivesAReopen) {
  coolpapers::testing::TempDir dir;
  {
    auto cache = OpenCache(dir.path(), 1000);
    ASSERT_TRUE(cache->Put(Id("2401.00001v1"), Pdf(100)));
    ASSERT_TRUE(cache->Put(Id("2401.00002v1"), Pdf(100)));
    ASSERT_TRUE(cache->Put(Id("2401.00003v1"), Pdf(100)));
  }
  // Access times one second apart, oldest use first: 2, 3, 1.
  const auto set_used = [&](std::string_view name, time_t seconds) {
    const struct timespec times[2] = {{seconds, 0}, {0, UTIME_OMIT}};
    ASSERT_EQ(::utimensat(AT_FDCWD, (dir.path() / name).c_str(), times, 0), 0);
  };
  set_used("2401.00002v1.pdf", 1'700'000'000);
  set_used("2401.00003v1.pdf", 1'700'000'001);
  set_used("2401.00001v1.pdf", 1'700'000'002);
  // Reopened with a smaller bound: the least recently used go first.
  auto cache = OpenCache(dir.path(), 200);
  EXPECT_THAT(FileNames(dir.path()), ElementsAre("2401.00001v1.pdf", "2401.00003v1.pdf"));
  // A read marks the file used on disk, for the next restart.
  ASSERT_TRUE(cache->Read(Id("2401.00003v1")));
  struct stat info {};
  ASSERT_EQ(::stat((dir.path() / "2401.00003v1.pdf").c_str(), &info), 0);
  EXPECT_GT(info.st_atim.tv_sec, 1'700'000'002);
  EXPECT_LT(info.st_mtim.tv_sec, info.st_atim.tv_sec + 5) << "the mtime is left as stored";
}

TEST(PdfCache, SeesFilesAnotherProcessAddedOrRemoved) {
  coolpapers::testing::TempDir dir;
  auto ours = OpenCache(dir.path(), 1000);
  auto theirs = OpenCache(dir.path(), 1000);
  ASSERT_TRUE(theirs->Put(Id("2401.00001v1"), Pdf(100)));
  ASSERT_TRUE(ours->Find(Id("2401.00001v1")));
  EXPECT_EQ(ours->Usage().bytes, 100u);
  fs::remove(dir.path() / "2401.00001v1.pdf");
  EXPECT_FALSE(ours->Find(Id("2401.00001v1")));
  EXPECT_EQ(ours->Usage().entries, 0);
}

TEST(PdfCache, ManyThreadsPuttingAndReadingKeepTheBoundAndTheBytes) {
  coolpapers::testing::TempDir dir;
  auto cache = OpenCache(dir.path(), 1000);
  std::atomic<int> bad_reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const ArxivId id = Id("2401." + std::to_string(10000 + (t * 50 + i) % 30) + "v1");
        const char fill = static_cast<char>('a' + (t * 50 + i) % 30 % 26);
        (void)cache->Put(id, Pdf(100, fill));
        Result<std::string> read = cache->Read(id);
        // Either gone (evicted by another thread) or whole: never a partial file.
        if (read && (read->size() != 100 || !read->starts_with("%PDF"))) ++bad_reads;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(bad_reads.load(), 0);
  const PdfCacheUsage usage = cache->Usage();
  EXPECT_LE(usage.bytes, 1000u);
  EXPECT_EQ(usage.bytes, 100u * static_cast<uint64_t>(usage.entries));
  EXPECT_EQ(FileNames(dir.path()).size(), static_cast<size_t>(usage.entries));
}

}  // namespace
}  // namespace coolpapers::pdf
