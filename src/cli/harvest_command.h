// `coolpapers harvest`: harvesting by hand, as cron or an operator runs it.
//   harvest --daily [--data DIR] [--config FILE]
//       one pass now: checks every configured category's feed through the job queue and the
//       arxiv worker pool, then prints one line per category (day, counts, complete or why not).
//   harvest --from DATE --until DATE [--data DIR] [--config FILE]
//       backfills the metadata of papers changed in the range through OAI-PMH, resuming where
//       an interrupted run stopped; progress per page on stderr.
#ifndef COOLPAPERS_CLI_HARVEST_COMMAND_H_
#define COOLPAPERS_CLI_HARVEST_COMMAND_H_

#include <filesystem>
#include <optional>
#include <string>

namespace coolpapers::cli {

struct HarvestCommandOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::optional<std::filesystem::path> config_file;
  bool daily = false;
  std::optional<std::string> from;   // "2025-01-01"
  std::optional<std::string> until;  // "2025-01-31"
};

// Exit codes: 0 when every day is complete (or the backfill finished), 3 when some day is
// incomplete (the API has not caught up: a later run or `serve` finishes it), 1 on an error
// (configuration, store, arXiv unreachable past the retries), 2 for a bad command line.
int RunHarvestCommand(const HarvestCommandOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_HARVEST_COMMAND_H_
