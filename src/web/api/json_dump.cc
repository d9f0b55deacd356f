#include "web/api/json_dump.h"

namespace coolpapers::web {

// Stored text comes from outside sources; a stray invalid byte must not turn a page into an
// exception, so it is replaced instead of rejected. '<', '>' and '&' can only occur inside JSON
// strings, where \u escapes mean the same: escaping them keeps a title such as
// "<script>..." inert even where a browser or a page embeds the JSON as HTML.
std::string DumpSafeJson(const nlohmann::json& document) {
  const std::string text =
      document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 64);
  for (const char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace coolpapers::web
