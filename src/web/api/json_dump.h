// JSON text for the API: nlohmann::json dumped compactly, invalid UTF-8 replaced, and '<', '>'
// and '&' escaped so no markup ever appears raw, even where a page embeds the JSON.
#ifndef COOLPAPERS_WEB_API_JSON_DUMP_H_
#define COOLPAPERS_WEB_API_JSON_DUMP_H_

#include <nlohmann/json.hpp>
#include <string>

namespace coolpapers::web {

// {"title":"\u003cscript\u003e"} for a title "<script>". Pure; never throws.
std::string DumpSafeJson(const nlohmann::json& document);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_JSON_DUMP_H_
