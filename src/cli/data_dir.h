// The layout of a coolpapers data folder (--data DIR, default ./var): where each subcommand
// finds the store and, later, the search index and caches.
#ifndef COOLPAPERS_CLI_DATA_DIR_H_
#define COOLPAPERS_CLI_DATA_DIR_H_

#include <filesystem>

#include "core/error.h"

namespace coolpapers::cli {

// Creates the folder if needed. Returns kUnavailable with the path when it cannot.
[[nodiscard]] Result<void> EnsureDataDir(const std::filesystem::path& data_dir);

inline std::filesystem::path StorePath(const std::filesystem::path& data_dir) {
  return data_dir / "coolpapers.sqlite";
}

// The search index folder (src/search/index_layout.h), derived from the store and rebuildable.
inline std::filesystem::path IndexPath(const std::filesystem::path& data_dir) {
  return data_dir / "index";
}

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_DATA_DIR_H_
