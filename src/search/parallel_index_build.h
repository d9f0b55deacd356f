// A whole-index rebuild on every core. A Xapian database takes one writer, and at arXiv's size
// (millions of papers) that writer, not the term generation, bounds a rebuild: it ran on one
// core while the other idled. So a rebuild writes several part databases at once, one writer
// thread each, every writer starting a fresh part every kPapersPerPart papers (writes into a
// small database stay fast), and then merges the parts into one database with Xapian's compact,
// a sequential merge whose result is also smaller and faster to search than one grown by
// updates. Internal to PaperIndexer::Rebuild.
#ifndef COOLPAPERS_SEARCH_PARALLEL_INDEX_BUILD_H_
#define COOLPAPERS_SEARCH_PARALLEL_INDEX_BUILD_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>

#include "core/error.h"
#include "core/paper.h"
#include "store/store.h"

namespace coolpapers::search {

// Papers per part database. A part's writes slow down as it grows (two writers of synthetic
// arXiv papers: 1,900 papers/s into fresh parts, 1,150 once each part held 100,000), so parts
// stay small and the merge, a sequential pass, joins them.
inline constexpr int64_t kPapersPerPart = 50'000;

class ParallelIndexBuild {
 public:
  // Starts `writers` (>= 1) writer threads whose parts, of up to `papers_per_part` papers
  // each, go under `parts_dir`, which is created (anything there before is removed).
  // kUnavailable when the folder cannot be made.
  [[nodiscard]] static Result<std::unique_ptr<ParallelIndexBuild>> Start(
      const std::filesystem::path& parts_dir, int writers,
      int64_t papers_per_part = kPapersPerPart);

  // Stops the writers (when Finish was not called) and removes the parts folder.
  ~ParallelIndexBuild();
  ParallelIndexBuild(const ParallelIndexBuild&) = delete;
  ParallelIndexBuild& operator=(const ParallelIndexBuild&) = delete;

  // Hands a copy of the papers, and of the search texts of those that have them (matched by
  // id), to the writers. Blocks while every writer already has a batch
  // waiting, so at most 2 x writers batches are held in memory. Each paper must come once in
  // the whole build (parts are merged, not deduplicated: the store's paging guarantees it);
  // papers with an empty id are skipped. Returns the first error any writer met (kUnavailable
  // or kCorrupt from Xapian); the build is then lost, and Finish returns the same error.
  [[nodiscard]] Result<void> Add(std::span<const Paper> papers,
                                 std::span<const store::PaperSearchText> texts = {});

  // Waits until every paper is written, then merges the parts into a new database at `output`
  // (which must not exist yet). `on_merge` is called as the merge starts: at millions of papers
  // it takes minutes, without progress of its own. Returns the papers written. Call once; the
  // writers' errors as Add, the merge's as kUnavailable or kCorrupt.
  [[nodiscard]] Result<int64_t> Finish(const std::filesystem::path& output,
                                       const std::function<void()>& on_merge = {});

  // Thread-safety: Add and Finish are called from one thread (the rebuild's).

 private:
  struct Impl;
  explicit ParallelIndexBuild(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_PARALLEL_INDEX_BUILD_H_
