// The Model Context Protocol server of `coolpapers mcp`, for research agents: JSON-RPC 2.0
// messages, one per line, over stdin and stdout (MCP's stdio transport). It answers initialize,
// ping, tools/list and tools/call; each tool (mcp_tools.h) reads the site's JSON API in-process,
// so an agent sees what a browser of the API sees, and the server never starts outside work.
//
//   -> {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search",
//       "arguments":{"query":"diffusion","sort":"time","show":5}}}
//   <- {"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"{...}"}],
//       "structuredContent":{...},"isError":false}}
#ifndef COOLPAPERS_MCP_MCP_SERVER_H_
#define COOLPAPERS_MCP_MCP_SERVER_H_

#include <expected>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "web/http_message.h"

namespace coolpapers::mcp {

// Answers one request of the site (web::Site::Handle). Called on the server's thread.
using SiteHandler = std::function<web::Response(const web::Request&)>;

// The protocol versions spoken, newest first; an initialize asking for another gets the first.
inline constexpr std::string_view kProtocolVersions[] = {"2025-11-25", "2025-06-18", "2025-03-26",
                                                         "2024-11-05"};

class McpServer {
 public:
  // `version` is the program's, told to clients in serverInfo.
  McpServer(SiteHandler site, std::string version);

  // The response to one message: a request's result or error, a batch's array of them; nullopt
  // for a notification (or a batch of only notifications) and for a client's response.
  std::optional<nlohmann::json> Handle(const nlohmann::json& message);

  // One line of input: its response serialised on one line, or "" when none is due. Malformed
  // JSON gets JSON-RPC's parse error (-32700).
  std::string HandleLine(std::string_view line);

  // Reads lines until the end of `in`, writing each response as one line and flushing it.
  void Serve(std::istream& in, std::ostream& out);

 private:
  std::optional<nlohmann::json> HandleOne(const nlohmann::json& message);
  nlohmann::json Initialize(const nlohmann::json& params) const;
  nlohmann::json ListTools() const;
  // tools/call's result; a JSON-RPC error (an unknown tool) as std::unexpected.
  std::expected<nlohmann::json, nlohmann::json> CallTool(const nlohmann::json& params);

  SiteHandler site_;
  std::string version_;
};

}  // namespace coolpapers::mcp

#endif  // COOLPAPERS_MCP_MCP_SERVER_H_
