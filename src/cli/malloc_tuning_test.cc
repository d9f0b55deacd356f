// The malloc settings of `serve` give large freed buffers back (issue #18 finding 10). Before,
// one freed multi-megabyte block raised glibc's mmap threshold, and the next ones, taken from
// the heap below a live small block, stayed resident after they were freed.
#include "cli/malloc_tuning.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/resource.h>

namespace coolpapers::cli {
namespace {

uint64_t ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  uint64_t kilobytes = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> kilobytes;
      return kilobytes * 1024;
    }
  }
  return 0;
}

TEST(MallocTuning, LargeFreedBuffersLeaveTheResidentSet) {
  ASSERT_TRUE(TuneMallocForServing());
  constexpr size_t kBlock = 3'300'000;  // the PDF
  constexpr int kBlocks = 40;           // 132 MB
  // What raised the threshold before: one larger block, freed.
  void* first = std::malloc(2 * kBlock);
  std::memset(first, 1, 2 * kBlock);
  std::free(first);
  const uint64_t before = ResidentBytes();
  std::vector<void*> blocks;
  for (int i = 0; i < kBlocks; ++i) {
    blocks.push_back(std::malloc(kBlock));
    std::memset(blocks.back(), 1, kBlock);
  }
  void* pin = std::malloc(64);  // a live block above them, as a busy server always has
  for (void* block : blocks) std::free(block);
  const uint64_t after = ResidentBytes();
  std::free(pin);
  EXPECT_LT(after, before + 16 * 1024 * 1024) << "before " << before << ", after " << after;
}

// Issue #19: a request's small blocks, freed to the heap's top, are there for the next request
// without page faults (glibc's default gave them back at once, and each request faulted them in).
TEST(MallocTuning, TheHeapsTopStaysForTheNextRequest) {
  ASSERT_TRUE(TuneMallocForServing());
  const auto request = [] {
    std::vector<char*> blocks;
    for (int i = 0; i < 512; ++i) {  // 512 KiB, far below the mmap threshold
      blocks.push_back(static_cast<char*>(std::malloc(1000)));
      std::memset(blocks.back(), 1, 1000);
    }
    for (char* block : blocks) std::free(block);
  };
  const auto minor_faults = [] {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
  };
  request();
  const long before = minor_faults();
  request();
  EXPECT_LT(minor_faults() - before, 16) << "the second request's blocks were faulted in again";
}

// Issue #19 target 6: 60 MB of small blocks freed between live ones stay resident until trimmed.
TEST(PeriodicMallocTrim, GivesFreedSmallBlocksBack) {
  // Every 256 KB of blocks, a small block that stays: the freed runs between them cannot merge
  // into the heap's top (which free() gives back by itself), only malloc_trim returns them.
  std::vector<char*> blocks;
  std::vector<char*> pins;
  for (int i = 0; i < 60000; ++i) {
    blocks.push_back(static_cast<char*>(std::malloc(1000)));
    std::memset(blocks.back(), 1, 1000);
    if (i % 256 == 255) pins.push_back(static_cast<char*>(std::malloc(16)));
  }
  for (char* block : blocks) std::free(block);
  const uint64_t freed = ResidentBytes();
  {
    const PeriodicMallocTrim trim(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  EXPECT_LT(ResidentBytes() + 30 * 1024 * 1024, freed);
  for (char* pin : pins) std::free(pin);
}

}  // namespace
}  // namespace coolpapers::cli
