#include "mcp/mcp_tools.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>

#include "web/url_codec.h"

namespace coolpapers::mcp {
namespace {

using nlohmann::json;

json Schema(json properties, json required) {
  return json{{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

const json kShow = {{"type", "integer"}, {"minimum", 1}, {"maximum", 2000},
                    {"description", "How many papers to return (default 25)"}};
const json kSkip = {{"type", "integer"}, {"minimum", 0}, {"description", "How many to skip, for paging"}};

const std::array kTools = {
    McpTool{"list_day", "Day list",
            "The arXiv papers announced on one day in a category expression, as papers.cool lists "
            "them: cs.CL, a union cs.AI,cs.CL, or cs.LG-cs.CV to leave a category out. Without a "
            "date, the newest day with a list. Answers the day, the total, the previous and next "
            "days and the papers (id, title, authors, abstract, categories, dates, links).",
            Schema({{"expression", {{"type", "string"}, {"description", "Category expression, e.g. cs.CL or cs.AI,cs.CL"}}},
                    {"date", {{"type", "string"}, {"format", "date"}, {"description", "Announcement day, YYYY-MM-DD"}}},
                    {"show", kShow},
                    {"skip", kSkip}},
                   {"expression"})},
    McpTool{"paper", "Papers by id",
            "Full metadata of arXiv papers by id (2401.06769, hep-th/9901001; a version suffix is "
            "ignored): title, authors, abstract, categories, comments, DOI, versions with their "
            "dates, and the abs and PDF links. Ids the instance does not hold are listed under "
            "missing.",
            Schema({{"ids", {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}, {"maxItems", 200},
                             {"description", "arXiv ids"}}}},
                   {"ids"})},
    McpTool{"search", "Search papers",
            "Searches every paper the instance holds. Words, \"phrases\", author:Name, title:word, "
            "cat:cs.CL, date:2025-05-14 (or a range 2025-05-01..2025-05-31), OR, and -word to "
            "exclude. Sort by relevance (default), time (newest first) or stars (most read).",
            Schema({{"query", {{"type", "string"}, {"description", "The query"}}},
                    {"sort", {{"type", "string"}, {"enum", {"relevance", "time", "stars"}}}},
                    {"show", kShow},
                    {"skip", kSkip}},
                   {"query"})},
    McpTool{"related", "Related papers",
            "The papers most related to one paper, best first, and the keywords that relate them.",
            Schema({{"id", {{"type", "string"}, {"description", "arXiv id"}}}, {"show", kShow}}, {"id"})},
    McpTool{"faq", "Stored FAQ answers",
            "The FAQ answers stored for a paper (what problem it solves, its method, results, "
            "limits...), each with the PDF pages it cites; state not_asked when nobody has asked "
            "for them yet. Never starts a generation.",
            Schema({{"id", {{"type", "string"}, {"description", "arXiv id"}}},
                    {"lang", {{"type", "string"}, {"enum", {"en", "zh"}}, {"description", "Language (default en)"}}}},
                   {"id"})},
};

// `text` for a path segment: ids and expressions keep their letters, digits and ".,+-/_", and
// anything else is percent-encoded (the API decodes it and then refuses it with its reason).
void AppendPathEncoded(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == ',' || c == '+' || c == '-' || c == '/' || c == '_';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
}

// The string argument `name`: required ones fail when absent, optional ones give nullopt.
Result<std::optional<std::string>> StringArgument(const json& arguments, std::string_view name,
                                                  bool required) {
  const auto it = arguments.find(name);
  if (it == arguments.end() || it->is_null()) {
    if (!required) return std::nullopt;
    return Fail(ErrorCode::kInvalidArgument, "missing argument \"" + std::string(name) + "\": expected a string");
  }
  if (!it->is_string()) {
    return Fail(ErrorCode::kInvalidArgument, "argument \"" + std::string(name) + "\" is " +
                                                 it->type_name() + ": expected a string");
  }
  return it->get<std::string>();
}

// Appends "&name=value" (or "?name=value" first) for an optional string or integer argument.
Result<void> AppendQueryArgument(std::string& target, const json& arguments, std::string_view name) {
  const auto it = arguments.find(name);
  if (it == arguments.end() || it->is_null()) return {};
  std::string value;
  if (it->is_string()) {
    value = it->get<std::string>();
  } else if (it->is_number_integer()) {
    value = std::to_string(it->get<int64_t>());
  } else {
    return Fail(ErrorCode::kInvalidArgument, "argument \"" + std::string(name) + "\" is " +
                                                 it->type_name() + ": expected a string or an integer");
  }
  target += target.find('?') == std::string::npos ? '?' : '&';
  target += name;
  target += '=';
  web::AppendQueryEncoded(target, value);
  return {};
}

Result<std::string> PathAndQuery(std::string_view prefix, const std::string& subject,
                                 const json& arguments, std::initializer_list<std::string_view> query) {
  std::string target(prefix);
  AppendPathEncoded(target, subject);
  for (const std::string_view name : query) {
    if (Result<void> added = AppendQueryArgument(target, arguments, name); !added) {
      return std::unexpected(added.error());
    }
  }
  return target;
}

// The ids argument: an array of strings (a single string is taken as one id, or several
// separated by commas).
Result<std::string> IdsArgument(const json& arguments) {
  const auto it = arguments.find("ids");
  if (it != arguments.end() && it->is_string()) return it->get<std::string>();
  if (it == arguments.end() || !it->is_array() || it->empty()) {
    return Fail(ErrorCode::kInvalidArgument, "argument \"ids\" must be a non-empty array of arXiv ids");
  }
  std::string ids;
  for (const json& id : *it) {
    if (!id.is_string()) {
      return Fail(ErrorCode::kInvalidArgument, "argument \"ids\" holds a " + std::string(id.type_name()) +
                                                   ": expected arXiv ids as strings");
    }
    if (!ids.empty()) ids += ',';
    ids += id.get<std::string>();
  }
  return ids;
}

}  // namespace

std::span<const McpTool> McpTools() { return kTools; }

Result<std::string> ToolTarget(std::string_view name, const json& arguments) {
  if (std::ranges::none_of(kTools, [name](const McpTool& tool) { return tool.name == name; })) {
    return Fail(ErrorCode::kNotFound, "no tool \"" + std::string(name) +
                                          "\": expected list_day, paper, search, related or faq");
  }
  if (!arguments.is_object()) {
    return Fail(ErrorCode::kInvalidArgument,
                "the arguments of \"" + std::string(name) + "\" must be an object");
  }
  if (name == "paper") {
    Result<std::string> ids = IdsArgument(arguments);
    if (!ids) return std::unexpected(ids.error());
    return PathAndQuery("/api/arxiv/", *ids, arguments, {});
  }
  if (name == "search") {
    Result<std::optional<std::string>> query = StringArgument(arguments, "query", true);
    if (!query) return std::unexpected(query.error());
    return PathAndQuery("/api/search", "", arguments, {"query", "sort", "show", "skip"});
  }
  // The others name one subject in their path: an expression or an id.
  const bool list = name == "list_day";
  Result<std::optional<std::string>> subject = StringArgument(arguments, list ? "expression" : "id", true);
  if (!subject) return std::unexpected(subject.error());
  if (list) return PathAndQuery("/api/arxiv/", **subject, arguments, {"date", "show", "skip"});
  if (name == "related") return PathAndQuery("/api/related/", **subject, arguments, {"show"});
  return PathAndQuery("/api/faq/", **subject, arguments, {"lang"});
}

}  // namespace coolpapers::mcp
