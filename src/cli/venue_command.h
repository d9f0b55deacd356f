// `coolpapers venue import [--data DIR] [--edition NAME.YEAR] FILE...` and `coolpapers venue
// list [--data DIR]`: conference proceedings into and out of the store (docs/venues.md).
#ifndef COOLPAPERS_CLI_VENUE_COMMAND_H_
#define COOLPAPERS_CLI_VENUE_COMMAND_H_

#include <filesystem>
#include <string>
#include <vector>

namespace coolpapers::cli {

struct VenueOptions {
  std::filesystem::path data_dir = "var";
  bool list = false;  // `venue list`; otherwise `venue import`
  std::vector<std::filesystem::path> files;
  std::string edition;  // --edition: for Paper Copilot lists whose file name does not say it
};

// Runs the subcommand and returns the process exit code: 0 done (malformed records skipped
// are reported, not failures), 1 a file could not be read or the store failed, 2 usage.
int RunVenueCommand(const VenueOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_VENUE_COMMAND_H_
