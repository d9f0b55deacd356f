// `coolpapers jobs [--data DIR] [--kind arxiv|pdf|llm] [--state queued|running|done|failed]
// [--limit N]`: the job queue as a table, with counts per kind and state first.
#ifndef COOLPAPERS_CLI_JOBS_COMMAND_H_
#define COOLPAPERS_CLI_JOBS_COMMAND_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace coolpapers::cli {

struct JobsOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::optional<std::string> kind;
  std::optional<std::string> state;
  int64_t limit = 50;
};

// Returns the exit code: 0, 1 when the store cannot be read, 2 for a bad --kind or --state.
int RunJobsCommand(const JobsOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_JOBS_COMMAND_H_
