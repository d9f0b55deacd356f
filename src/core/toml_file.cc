#include "core/toml_file.h"

namespace coolpapers {

Result<toml::table> ParseTomlFile(const std::string& name) {
  try {
    return toml::parse_file(name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return Fail(ErrorCode::kInvalidArgument, name + ":" + std::to_string(where.line) + ":" +
                                                 std::to_string(where.column) + ": " +
                                                 std::string(e.description()));
  }
}

std::string LineOf(const toml::node& node) { return std::to_string(node.source().begin.line); }

}  // namespace coolpapers
