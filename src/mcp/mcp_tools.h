// The tools `coolpapers mcp` offers a research agent, each a read of the site's JSON API: a
// day's list, papers by id, search, related papers and a paper's stored FAQ answers. A tool
// call becomes one GET target of the API (/api/arxiv/cs.CL?date=2025-05-14), so the agent gets
// exactly what docs/api.md documents, validation and errors included.
#ifndef COOLPAPERS_MCP_MCP_TOOLS_H_
#define COOLPAPERS_MCP_MCP_TOOLS_H_

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace coolpapers::mcp {

struct McpTool {
  std::string_view name;         // "list_day"
  std::string_view title;        // "Day list"
  std::string_view description;  // for the agent's model: what it answers and when to use it
  nlohmann::json input_schema;   // JSON Schema of the arguments (an object)
};

// Every tool, in the order tools/list gives them. Static; thread-safe.
std::span<const McpTool> McpTools();

// The API target a call of tool `name` with `arguments` reads: "/api/search?query=x&sort=time".
// kNotFound for a tool that does not exist; kInvalidArgument, naming the argument and what is
// expected, for a missing or ill-typed argument (the API itself checks the values).
[[nodiscard]] Result<std::string> ToolTarget(std::string_view name, const nlohmann::json& arguments);

}  // namespace coolpapers::mcp

#endif  // COOLPAPERS_MCP_MCP_TOOLS_H_
