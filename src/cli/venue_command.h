// `coolpapers venue import [--data DIR] [--store URL] [--edition NAME.YEAR] FILE...` and
// `coolpapers venue list [--data DIR] [--store URL]` and `coolpapers venue fetch [--now]
// [--config FILE] EDITION` (harvest/venue_harvester.h): conference proceedings into and out of the store (docs/venues.md).
#ifndef COOLPAPERS_CLI_VENUE_COMMAND_H_
#define COOLPAPERS_CLI_VENUE_COMMAND_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace coolpapers::cli {

struct VenueOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  bool list = false;   // `venue list`
  bool fetch = false;  // `venue fetch EDITION`; otherwise `venue import`
  bool fetch_now = false;  // --now: fetch in this process rather than queue a job
  std::optional<std::filesystem::path> config_file;  // fetch --config
  std::vector<std::filesystem::path> files;
  // import --edition: for Paper Copilot lists whose file name does not say it; fetch: the
  // edition to fetch.
  std::string edition;
};

// Runs the subcommand and returns the process exit code: 0 done (malformed records skipped
// are reported, not failures), 1 a file could not be read or the store failed, 2 usage.
int RunVenueCommand(const VenueOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_VENUE_COMMAND_H_
