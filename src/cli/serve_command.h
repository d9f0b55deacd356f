// `coolpapers serve [--data DIR] [--config FILE] [--host H] [--port P] [--no-harvest]`: the
// web server, with the arXiv workers (on-demand paper fetches) and, unless harvesting is turned
// off, the daily harvester keeping the store current (its first check at once, at start).
#ifndef COOLPAPERS_CLI_SERVE_COMMAND_H_
#define COOLPAPERS_CLI_SERVE_COMMAND_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace coolpapers::cli {

struct ServeOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 0;  // 0: one per core
  std::optional<std::filesystem::path> config_file;  // default: DATA/coolpapers.toml if present
  bool harvest = false;     // --harvest: harvest even when the configuration turns it off
  bool no_harvest = false;  // --no-harvest: do not, whatever the configuration says
  // --page-cache-mb: the bound of each page cache (pages, search results); 0 caches nothing, so
  // that scripts/bench_scale.sh measures every answer rendered. The largest part of serve's
  // memory: 64 made it peak at 149-152 MB with the 40k sample against issue 19's 150.
  int page_cache_mb = 56;
  // --index-map-mb: above 0, the search index is read from mappings of its files, this many MiB
  // of which may stay resident (search::SearcherOptions::index_map_bytes); 0 reads it by pread.
  int index_map_mb = 0;
  // --index-cache-mb: the search index's blocks kept in memory
  // (search::SearchServiceOptions::index_cache_bytes); unset: sized by the index.
  std::optional<int> index_cache_mb;
};

// Serves until SIGINT or SIGTERM, then shuts down gracefully. Returns the exit code.
int RunServeCommand(const ServeOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_SERVE_COMMAND_H_
