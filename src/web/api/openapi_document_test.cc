// The OpenAPI description against the route table: every route that answers programs (the
// JSON API, the feeds, /healthz) has a path in the document, so a new API route cannot go
// undocumented. tests/api walks the document against a running server.
#include "web/api/openapi_document.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "web/route_table.h"
#include "web/router.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

// A target of each entry, by entry name; entries for people only (pages, PDFs, redirects) are
// listed apart. An entry in neither list fails the test: say which it is.
const std::map<std::string, std::string> kApiTargets = {
    {"list", "/api/arxiv/cs.AI"},
    {"papers", "/api/arxiv/2401.06769,1406.2661"},
    {"search", "/api/search?query=x"},
    {"related", "/api/related/2401.06769"},
    {"days", "/api/days/cs.AI"},
    {"clicks", "/api/clicks/2401.06769"},
    {"translations", "/api/translations/2401.06769"},
    {"faq", "/api/faq/2401.06769"},
    {"faq_stream", "/api/faq/2401.06769/stream"},
    {"status", "/api/status"},
    {"openapi", "/api/openapi.json"},
    {"token", "/api/token"},
    {"metrics", "/metrics"},
    {"list_feed", "/arxiv/cs.AI/feed"},
    {"search_feed", "/arxiv/search/feed?query=x"},
    {"health", "/healthz"},
    {"venue", "/api/venue/ICLR.2024"},
    {"venue_feed", "/venue/ICLR/feed"},
};
const std::set<std::string> kPagesOnly = {"home", "pdf", "opensearch", "robots", "redirect", "faq_link"};

// True when `path` (no query) matches a path template of the document: "{id}" is one segment.
bool Documented(const json& paths, const std::string& path) {
  for (const auto& [templated, item] : paths.items()) {
    const std::string pattern =
        std::regex_replace(templated, std::regex(R"(\{[^}]+\})"), "[^/]+");
    if (std::regex_match(path, std::regex(pattern))) return true;
  }
  return false;
}

TEST(OpenApiDocument, IsOpenApi31Json) {
  const json document = json::parse(OpenApiDocument());
  EXPECT_EQ(document["openapi"], "3.1.0");
  EXPECT_FALSE(document["paths"].empty());
}

TEST(OpenApiDocument, DescribesEveryRouteThatAnswersPrograms) {
  const json paths = json::parse(OpenApiDocument())["paths"];
  for (const RouteEntry& entry : RouteEntries()) {
    const std::string name(entry.name);
    if (kPagesOnly.contains(name)) continue;
    const auto target = kApiTargets.find(name);
    ASSERT_NE(target, kApiTargets.end())
        << "route \"" << name << "\": document it in src/web/api/openapi.json and list a target "
        << "here, or list it as a page for people only";
    const Result<Route> route = ParseRoute(target->second);
    ASSERT_TRUE(route) << target->second;
    EXPECT_EQ(route->entry->name, entry.name) << target->second;
    const std::string path = target->second.substr(0, target->second.find('?'));
    EXPECT_TRUE(Documented(paths, path)) << path << " (route \"" << name << "\") is not in openapi.json";
  }
}

}  // namespace
}  // namespace coolpapers::web
