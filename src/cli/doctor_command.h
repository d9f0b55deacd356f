// `coolpapers doctor [--data DIR] [--config FILE]`: the instance's state in a terminal — the
// configuration in force, the store, each harvested category's newest day (complete or why
// not), the job queue and its latest failures. The same facts as /api/status.
#ifndef COOLPAPERS_CLI_DOCTOR_COMMAND_H_
#define COOLPAPERS_CLI_DOCTOR_COMMAND_H_

#include <filesystem>
#include <string>
#include <optional>

namespace coolpapers::cli {

struct DoctorOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::optional<std::filesystem::path> config_file;
};

// Exit code: 0 when all is well, 3 when it found problems (an incomplete day, a failed job),
// 1 when the configuration or the store cannot be read.
int RunDoctorCommand(const DoctorOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_DOCTOR_COMMAND_H_
