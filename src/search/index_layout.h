// Where an index lives on disk. An index folder holds numbered generations ("gen-1", "gen-2",
// ...), each a complete Xapian database, and a Xapian stub file "current" naming the live one.
// A rebuild writes a new generation and then replaces "current" by rename(2), so readers and a
// crash only ever see a complete index; stale generations are deleted on the next open.
#ifndef COOLPAPERS_SEARCH_INDEX_LAYOUT_H_
#define COOLPAPERS_SEARCH_INDEX_LAYOUT_H_

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <optional>

#include "core/error.h"

namespace coolpapers::search {

// The stub file readers open: `<index folder>/current`.
std::filesystem::path CurrentStubPath(const std::filesystem::path& index_dir);

// The folder of generation `generation` (>= 1): `<index folder>/gen-<generation>`.
std::filesystem::path GenerationPath(const std::filesystem::path& index_dir, int generation);

// Where a rebuild of generation `generation` writes its part databases before merging them
// into GenerationPath (parallel_index_build.h): `<index folder>/gen-<generation>.parts`.
std::filesystem::path PartsPath(const std::filesystem::path& index_dir, int generation);

// The live generation named by the stub; 0 when the folder has no stub yet. Returns kCorrupt
// when the stub exists but does not read "auto gen-<n>", kUnavailable when it cannot be read.
// Safe from any thread.
[[nodiscard]] Result<int> ReadCurrentGeneration(const std::filesystem::path& index_dir);

// Tells one stub from the next without reading it: a swap renames a new file into place, which
// has another inode than the stub it replaces (both exist at the rename) and a new change time.
struct StubVersion {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  std::timespec changed{};
  friend bool operator==(const StubVersion& a, const StubVersion& b) {
    return a.device == b.device && a.inode == b.inode && a.size == b.size &&
           a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec;
  }
};

// The stub's version now (one stat(2)); nullopt when there is no stub or it cannot be read.
std::optional<StubVersion> CurrentStubVersion(const std::filesystem::path& index_dir);

// Points the stub at `generation` atomically (write a temporary file, fsync, rename). Returns
// kUnavailable when the file system refuses. Callers serialise (the single writer does).
[[nodiscard]] Result<void> WriteCurrentGeneration(const std::filesystem::path& index_dir,
                                                  int generation);

// Deletes every generation folder but `keep`, e.g. one a crashed rebuild left half-written, and
// every parts folder (a rebuild removes its own when it ends).
// Returns kUnavailable when one cannot be removed.
[[nodiscard]] Result<void> RemoveOtherGenerations(const std::filesystem::path& index_dir, int keep);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_INDEX_LAYOUT_H_
