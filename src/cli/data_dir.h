// The layout of a coolpapers data folder (--data DIR, default ./var): where each subcommand
// finds the store and, later, the search index and caches.
#ifndef COOLPAPERS_CLI_DATA_DIR_H_
#define COOLPAPERS_CLI_DATA_DIR_H_

#include <filesystem>
#include <string_view>

#include "core/error.h"
#include "store/store_location.h"

namespace coolpapers::cli {

// Creates the folder if needed. Returns kUnavailable with the path when it cannot.
[[nodiscard]] Result<void> EnsureDataDir(const std::filesystem::path& data_dir);

// How a command meets its store: one that writes (import, serve, harvest) creates the data
// folder and an empty store; one that only reads (jobs, doctor, venue list, index) needs them to
// exist, so that a mistyped --data is an error rather than a report on a new, empty store.
enum class StoreAccess { kCreate, kExisting };

// kCreate: EnsureDataDir. kExisting: kNotFound naming the folder (or the file) when `location`
// is a SQLite file that is not there; a PostgreSQL store is the server's to check.
[[nodiscard]] Result<void> PrepareStore(const std::filesystem::path& data_dir,
                                        const store::StoreLocation& location, StoreAccess access);

inline std::filesystem::path StorePath(const std::filesystem::path& data_dir) {
  return data_dir / "coolpapers.sqlite";
}

// Where the instance's store is: `store_url` ("sqlite:PATH" or "postgresql://...", from --store
// or [store] url) when given, else the SQLite file in the data folder. kInvalidArgument for a
// malformed URL.
[[nodiscard]] Result<store::StoreLocation> StoreLocationOf(const std::filesystem::path& data_dir,
                                                           std::string_view store_url);

// The same for commands that read no other setting: `store_flag` (--store) when given, else the
// [store] url of DATA/coolpapers.toml when that file sets one, else the SQLite file. Errors:
// LoadConfig's and StoreLocationOf's.
[[nodiscard]] Result<store::StoreLocation> ResolveStoreLocation(
    const std::filesystem::path& data_dir, std::string_view store_flag);

// The search index folder (src/search/index_layout.h), derived from the store and rebuildable.
inline std::filesystem::path IndexPath(const std::filesystem::path& data_dir) {
  return data_dir / "index";
}

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_DATA_DIR_H_
