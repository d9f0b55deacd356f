// `coolpapers serve [--data DIR] [--host H] [--port P]`: the web server.
#ifndef COOLPAPERS_CLI_SERVE_COMMAND_H_
#define COOLPAPERS_CLI_SERVE_COMMAND_H_

#include <cstdint>
#include <filesystem>
#include <string>

namespace coolpapers::cli {

struct ServeOptions {
  std::filesystem::path data_dir = "var";
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 0;  // 0: one per core
};

// Serves until SIGINT or SIGTERM, then shuts down gracefully. Returns the exit code.
int RunServeCommand(const ServeOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_SERVE_COMMAND_H_
