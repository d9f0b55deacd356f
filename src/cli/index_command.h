// `coolpapers index rebuild [--data DIR]`: rebuilds the search index (DATA/index) from the
// store, showing progress on stderr; `coolpapers index update [--data DIR]` indexes only what
// changed since the index was last updated (what `serve` does on its own while it runs). Both
// build the index's block bounds again when they are stale (docs/search.md, "Reading by
// blocks"); `update --bounds` always does.
#ifndef COOLPAPERS_CLI_INDEX_COMMAND_H_
#define COOLPAPERS_CLI_INDEX_COMMAND_H_

#include <filesystem>
#include <string>

namespace coolpapers::cli {

struct IndexOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  bool rebuild = false;  // false: catch up with the store's changes only
  bool rebound = false;  // --bounds: build the block bounds even if they are current
};

// Runs the command and returns the process exit code: 0 done, 1 the store or the index failed
// (e.g. a running `serve` holds the index: the message says so).
int RunIndexCommand(const IndexOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_INDEX_COMMAND_H_
