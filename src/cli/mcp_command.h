// `coolpapers mcp [--data DIR] [--store URL]`: the Model Context Protocol server for research
// agents, on stdin and stdout (src/mcp/mcp_server.h). It only reads: the store (which must
// exist), the search index when there is one (search and related answer an error without it),
// and stored FAQ answers. It starts no job, so it can run beside a `coolpapers serve` of the
// same data folder. Nothing but protocol messages goes to stdout; notes go to stderr.
#ifndef COOLPAPERS_CLI_MCP_COMMAND_H_
#define COOLPAPERS_CLI_MCP_COMMAND_H_

#include <filesystem>
#include <string>

namespace coolpapers::cli {

struct McpOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
};

// Serves until stdin ends. Returns the exit code: 0, or 1 when the store cannot be opened.
int RunMcpCommand(const McpOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_MCP_COMMAND_H_
