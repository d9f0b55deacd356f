// `coolpapers import [--data DIR] FILE...`: bulk import of JSON Lines paper metadata.
#ifndef COOLPAPERS_CLI_IMPORT_COMMAND_H_
#define COOLPAPERS_CLI_IMPORT_COMMAND_H_

#include <filesystem>
#include <string>
#include <vector>

namespace coolpapers::cli {

struct ImportOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::vector<std::filesystem::path> files;
};

// Runs the import and returns the process exit code (see README "Exit codes").
int RunImportCommand(const ImportOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_IMPORT_COMMAND_H_
