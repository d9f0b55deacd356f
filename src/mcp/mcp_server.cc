#include "mcp/mcp_server.h"

#include <algorithm>
#include <expected>
#include <utility>

#include "core/error.h"
#include "mcp/mcp_tools.h"

namespace coolpapers::mcp {
namespace {

using nlohmann::json;

// JSON-RPC 2.0's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;

json ErrorObject(int code, std::string message) {
  return json{{"code", code}, {"message", std::move(message)}};
}

json ErrorResponse(const json& id, json error) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

json ResultResponse(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

// A tool's answer: the API's JSON as text for the model, and as structured content when it is
// an object. A failed status with the API's error shape ({"error":{...}}) is a tool error, which
// the agent reads (a FAQ nobody asked for, 404 with its state, is an answer).
json ToolResult(int status, const std::string& body) {
  json parsed = json::parse(body, nullptr, false);
  const bool error = status >= 400 && parsed.is_object() && parsed.contains("error") &&
                     parsed["error"].is_object();
  json result{{"content", json::array({{{"type", "text"}, {"text", body}}})}, {"isError", error}};
  if (parsed.is_object()) result["structuredContent"] = std::move(parsed);
  return result;
}

}  // namespace

McpServer::McpServer(SiteHandler site, std::string version)
    : site_(std::move(site)), version_(std::move(version)) {}

json McpServer::Initialize(const json& params) const {
  std::string_view version = kProtocolVersions[0];
  if (const auto asked = params.find("protocolVersion"); asked != params.end() && asked->is_string()) {
    const std::string wanted = asked->get<std::string>();
    const auto* spoken = std::ranges::find(kProtocolVersions, wanted);
    if (spoken != std::end(kProtocolVersions)) version = *spoken;
  }
  return json{
      {"protocolVersion", version},
      {"capabilities", {{"tools", {{"listChanged", false}}}}},
      {"serverInfo", {{"name", "coolpapers"}, {"title", "coolpapers"}, {"version", version_}}},
      {"instructions",
       "arXiv papers as this coolpapers instance holds them: daily lists by category "
       "(list_day), papers by id (paper), search, related papers and stored FAQ answers. Every "
       "tool answers JSON; papers carry id, title, authors, abstract, categories, versions with "
       "dates and links to arXiv."},
  };
}

json McpServer::ListTools() const {
  json tools = json::array();
  for (const McpTool& tool : McpTools()) {
    tools.push_back({{"name", tool.name},
                     {"title", tool.title},
                     {"description", tool.description},
                     {"inputSchema", tool.input_schema},
                     {"annotations", {{"readOnlyHint", true}, {"openWorldHint", false}}}});
  }
  return json{{"tools", std::move(tools)}};
}

std::expected<json, json> McpServer::CallTool(const json& params) {
  const auto name = params.find("name");
  if (name == params.end() || !name->is_string()) {
    return std::unexpected(ErrorObject(kInvalidParams, "tools/call needs params.name, a tool's name"));
  }
  const auto arguments = params.find("arguments");
  Result<std::string> target =
      ToolTarget(name->get<std::string>(), arguments == params.end() ? json::object() : *arguments);
  if (!target) {
    // An unknown tool is a protocol error; bad arguments are the tool's, for the model to read.
    if (target.error().code == ErrorCode::kNotFound) {
      return std::unexpected(ErrorObject(kInvalidParams, target.error().message));
    }
    const json error{{"error", {{"code", "invalid_argument"}, {"message", target.error().message}}}};
    return ToolResult(400, error.dump());
  }
  const web::Request request{.method = "GET", .target = *target};
  const web::Response response = site_(request);
  return ToolResult(response.status, *response.body);
}

std::optional<json> McpServer::HandleOne(const json& message) {
  if (!message.is_object()) {
    return ErrorResponse(nullptr, ErrorObject(kInvalidRequest, "a message must be a JSON object"));
  }
  const auto id_it = message.find("id");
  const bool notification = id_it == message.end();
  const json id = notification ? json(nullptr) : *id_it;
  const auto method_it = message.find("method");
  if (method_it == message.end()) return std::nullopt;  // a client's response: nothing asked of us
  const auto rpc = message.find("jsonrpc");
  if (!method_it->is_string() || rpc == message.end() || *rpc != "2.0") {
    if (notification) return std::nullopt;
    return ErrorResponse(id, ErrorObject(kInvalidRequest, "expected a JSON-RPC 2.0 request"));
  }
  const std::string method = method_it->get<std::string>();
  const json params = message.contains("params") && message["params"].is_object()
                          ? message["params"]
                          : json::object();
  if (notification) return std::nullopt;  // notifications/initialized, cancelled, ...
  if (method == "initialize") return ResultResponse(id, Initialize(params));
  if (method == "ping") return ResultResponse(id, json::object());
  if (method == "tools/list") return ResultResponse(id, ListTools());
  if (method == "tools/call") {
    std::expected<json, json> result = CallTool(params);
    if (!result) return ErrorResponse(id, std::move(result.error()));
    return ResultResponse(id, *std::move(result));
  }
  return ErrorResponse(id, ErrorObject(kMethodNotFound, "method \"" + method +
                                                            "\" is not offered: expected initialize, "
                                                            "ping, tools/list or tools/call"));
}

std::optional<json> McpServer::Handle(const json& message) {
  if (!message.is_array()) return HandleOne(message);
  if (message.empty()) return ErrorResponse(nullptr, ErrorObject(kInvalidRequest, "an empty batch"));
  json responses = json::array();
  for (const json& each : message) {
    if (std::optional<json> response = HandleOne(each)) responses.push_back(*std::move(response));
  }
  if (responses.empty()) return std::nullopt;
  return responses;
}

std::string McpServer::HandleLine(std::string_view line) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return {};
  const json message = json::parse(line, nullptr, false);
  if (message.is_discarded()) {
    return ErrorResponse(nullptr, ErrorObject(kParseError, "the line is not JSON")).dump();
  }
  std::optional<json> response = Handle(message);
  // Strings the model wrote may hold any byte: replace invalid UTF-8 rather than throw.
  return response ? response->dump(-1, ' ', false, json::error_handler_t::replace) : std::string();
}

void McpServer::Serve(std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    const std::string response = HandleLine(line);
    if (response.empty()) continue;
    out << response << '\n';
    out.flush();
  }
}

}  // namespace coolpapers::mcp
