// `coolpapers faq <id> [--lang en|zh] [--fresh] [--data DIR] [--config FILE]`: runs the FAQ
// pipeline for one paper in the terminal (PDF -> text -> one model call per question, or the
// extractive answers without a model), streaming each answer as it is written, and stores it
// as the site would. A stored answer is printed without asking the model again unless --fresh.
#ifndef COOLPAPERS_CLI_FAQ_COMMAND_H_
#define COOLPAPERS_CLI_FAQ_COMMAND_H_

#include <filesystem>
#include <optional>
#include <string>

namespace coolpapers::cli {

struct FaqCommandOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::optional<std::filesystem::path> config_file;
  std::string id;           // "2401.06769" (the latest version) or "2401.06769v1"
  std::string lang = "en";  // "en" or "zh"
  bool fresh = false;       // generate again even when an answer is stored
};

// Returns the exit code: 0 with the FAQ printed, 1 when it could not be made (the message
// says why: unknown paper, PDF or model failure), 2 for a bad id or --lang.
int RunFaqCommand(const FaqCommandOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_FAQ_COMMAND_H_
