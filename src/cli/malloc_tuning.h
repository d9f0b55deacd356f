// How `serve` asks glibc's malloc to give memory back (issue #18 finding 10: the server grew
// from 24 to 234 MB over fuzz runs and 528 MB stayed after 200 slow PDF readers left).
//
// Why memory stayed: glibc raises its mmap threshold to the size of any mmapped block freed
// (up to 32 MB), so after the first multi-megabyte buffer (a PDF read whole, a 2,000-card page,
// its gzip) such buffers come from the heap, where a free in the middle is never returned, and
// each server thread may get an arena of its own. The rest was by design: the page caches
// (web/page_cache.h; 64 MB in all since issue #19), which fill over many distinct URLs and stay
// bounded.
#ifndef COOLPAPERS_CLI_MALLOC_TUNING_H_
#define COOLPAPERS_CLI_MALLOC_TUNING_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace coolpapers::cli {

// Blocks of this size or more are mmapped, so freeing one returns it to the system at once.
inline constexpr std::size_t kMmapThresholdBytes = 256 * 1024;
// The most malloc arenas: threads share them instead of each keeping its own free memory.
inline constexpr int kMaxArenas = 2;
// Free memory at the top of a heap kept for the next request rather than given back at once
// (PeriodicMallocTrim gives it back later). glibc's 128 KiB default gave a search's few hundred
// KiB back after each request and faulted them in again on the next, page by page: at 2.7M papers
// 70 page faults of serve's per /api/search, against 27 with 1 MiB, and a p50 of 3.25 against
// 2.70 ms (issue 19).
inline constexpr std::size_t kTrimThresholdBytes = 1024 * 1024;

// Fixes the mmap and trim thresholds (which turns glibc's dynamic raising off) and caps the
// arenas.
// Call once at start, before the threads; affects the whole process. False when glibc refused.
bool TuneMallocForServing();

// Hands the heap's free pages back to the system (malloc_trim) every `interval` on its own
// thread, until destroyed. Issue #19 target 6: small blocks freed in the middle of the heap
// (the search index's catch-up buffers tens of MB of them per commit, below the mmap threshold)
// stay resident otherwise: serve with the 40k sample held 137 MB after its catch-up, 35 MB
// after one malloc_trim. What stays is then what is live (page caches, SQLite's, the index's).
class PeriodicMallocTrim {
 public:
  explicit PeriodicMallocTrim(std::chrono::milliseconds interval = std::chrono::seconds(5));
  ~PeriodicMallocTrim();  // stops and joins the thread at once
  PeriodicMallocTrim(const PeriodicMallocTrim&) = delete;
  PeriodicMallocTrim& operator=(const PeriodicMallocTrim&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts after the members it uses
};

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_MALLOC_TUNING_H_
