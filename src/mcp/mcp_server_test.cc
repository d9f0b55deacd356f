#include "mcp/mcp_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::mcp {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

class McpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = web::testing::OpenSearchableSampleSite(dir_.path());
    ASSERT_NE(sample_.site, nullptr);
    server_ = std::make_unique<McpServer>(
        [this](const web::Request& request) { return sample_.site->Handle(request); }, "test");
  }

  json Call(const json& message) {
    std::optional<json> response = server_->Handle(message);
    EXPECT_TRUE(response.has_value()) << message;
    return response.value_or(json());
  }

  json CallTool(std::string_view name, json arguments) {
    return Call({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "tools/call"},
                 {"params", {{"name", name}, {"arguments", std::move(arguments)}}}});
  }

  coolpapers::testing::TempDir dir_;
  web::testing::SearchableSampleSite sample_;
  std::unique_ptr<McpServer> server_;
};

TEST_F(McpServerTest, InitializesWithTheClientsVersionWhenSpoken) {
  const json response = Call({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                              {"params", {{"protocolVersion", "2025-03-26"}, {"capabilities", json::object()},
                                          {"clientInfo", {{"name", "t"}, {"version", "1"}}}}}});
  EXPECT_EQ(response["id"], 1);
  EXPECT_EQ(response["result"]["protocolVersion"], "2025-03-26");
  EXPECT_EQ(response["result"]["serverInfo"]["name"], "coolpapers");
  EXPECT_TRUE(response["result"]["capabilities"].contains("tools"));
  const json newer = Call({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "initialize"},
                           {"params", {{"protocolVersion", "2099-01-01"}}}});
  EXPECT_EQ(newer["result"]["protocolVersion"], std::string(kProtocolVersions[0]));
}

TEST_F(McpServerTest, ListsTheFiveTools) {
  const json tools = Call({{"jsonrpc", "2.0"}, {"id", "a"}, {"method", "tools/list"}})["result"]["tools"];
  std::vector<std::string> names;
  for (const json& tool : tools) {
    names.push_back(tool["name"]);
    EXPECT_EQ(tool["inputSchema"]["type"], "object") << tool["name"];
  }
  EXPECT_THAT(names, ::testing::ElementsAre("list_day", "paper", "search", "related", "faq"));
}

TEST_F(McpServerTest, ToolsAnswerTheApisJson) {
  const json list = CallTool("list_day", {{"expression", "cs.CL"}, {"date", "2025-05-14"}, {"show", 2}});
  EXPECT_EQ(list["result"]["isError"], false);
  EXPECT_EQ(list["result"]["structuredContent"]["total"], 4);
  EXPECT_EQ(list["result"]["structuredContent"]["papers"].size(), 2u);
  EXPECT_EQ(json::parse(list["result"]["content"][0]["text"].get<std::string>())["day"], "2025-05-14");

  const json paper = CallTool("paper", {{"ids", {"2505.00002", "2401.99999"}}});
  EXPECT_EQ(paper["result"]["structuredContent"]["papers"][0]["id"], "2505.00002");
  EXPECT_EQ(paper["result"]["structuredContent"]["missing"], json({"2401.99999"}));

  const json search = CallTool("search", {{"query", "paper"}, {"sort", "time"}, {"show", 5}});
  ASSERT_EQ(search["result"]["structuredContent"]["papers"].size(), 5u);
  // First listed 2025-05-13, the others 2025-05-14: the oldest comes last.
  EXPECT_EQ(search["result"]["structuredContent"]["papers"][4]["id"], "2505.00001");
  EXPECT_EQ(search["result"]["structuredContent"]["sort"], "time");

  const json related = CallTool("related", {{"id", "2505.00002"}});
  EXPECT_EQ(related["result"]["isError"], false);
  EXPECT_EQ(related["result"]["structuredContent"]["id"], "2505.00002");
}

TEST_F(McpServerTest, ToolErrorsAreResultsAndUnknownToolsProtocolErrors) {
  const json bad_day = CallTool("list_day", {{"expression", "cs.CL"}, {"date", "2025-02-30"}});
  EXPECT_EQ(bad_day["result"]["isError"], true);
  EXPECT_THAT(bad_day["result"]["content"][0]["text"].get<std::string>(), HasSubstr("2025-02-30"));
  const json missing = CallTool("search", json::object());
  EXPECT_EQ(missing["result"]["isError"], true);
  EXPECT_THAT(missing["result"]["content"][0]["text"].get<std::string>(), HasSubstr("query"));
  // The sample site offers no FAQ: the API's 503 reaches the agent as a tool error.
  EXPECT_EQ(CallTool("faq", {{"id", "2505.00002"}})["result"]["isError"], true);
  const json unknown = CallTool("delete_everything", json::object());
  EXPECT_EQ(unknown["error"]["code"], -32602);
}

// A FAQ nobody asked for answers 404 with its state: an answer for the agent, not an error.
TEST(McpToolResult, FaqNotAskedIsAnAnswer) {
  McpServer server(
      [](const web::Request&) {
        web::Response response;
        response.status = 404;
        response.body = std::make_shared<const std::string>(
            R"({"id":"2505.00002","state":"not_asked","error":"","answer":null})");
        return response;
      },
      "test");
  const json result = server.Handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/call"},
                                     {"params", {{"name", "faq"}, {"arguments", {{"id", "2505.00002"}}}}}})
                          .value()["result"];
  EXPECT_EQ(result["isError"], false);
  EXPECT_EQ(result["structuredContent"]["state"], "not_asked");
}

TEST_F(McpServerTest, SpeaksJsonRpcOverLines) {
  std::istringstream in(
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
      "\n"
      "not json\n"
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\"}\n"
      "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}]\n");
  std::ostringstream out;
  server_->Serve(in, out);
  std::istringstream lines(out.str());
  std::string line;
  std::vector<json> responses;
  while (std::getline(lines, line)) responses.push_back(json::parse(line));
  ASSERT_EQ(responses.size(), 4u);  // no answer to the notification or the empty line
  EXPECT_EQ(responses[0], json::parse(R"({"jsonrpc":"2.0","id":1,"result":{}})"));
  EXPECT_EQ(responses[1]["error"]["code"], -32700);
  EXPECT_EQ(responses[2]["error"]["code"], -32601);
  EXPECT_EQ(responses[3][0]["id"], 3);
}

}  // namespace
}  // namespace coolpapers::mcp
