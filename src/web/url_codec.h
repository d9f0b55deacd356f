// Percent-encoding for the parts of URLs the site reads (paths and query strings) and writes
// (links carrying author names, redirects).
#ifndef COOLPAPERS_WEB_URL_CODEC_H_
#define COOLPAPERS_WEB_URL_CODEC_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers::web {

enum class PlusMeans { kPlus, kSpace };

// Decodes %XX escapes (either case of hex digit). In query strings '+' means a space
// (PlusMeans::kSpace); in paths it is a plain '+' (category expressions use it).
// Example: "cs.AI%2Ccs.CL" -> "cs.AI,cs.CL". Returns kInvalidArgument when a '%' is not followed
// by two hex digits: `invalid percent-encoding in "cs%zz": expected % and two hex digits`.
// Thread-safe.
[[nodiscard]] Result<std::string> PercentDecode(std::string_view text, PlusMeans plus);

// Appends `text` encoded for use as one query value: letters, digits and "-._~" stay, a space
// becomes '+', every other byte becomes %XX (upper-case hex). Example: "Émile Noël" ->
// "%C3%89mile+No%C3%ABl". Never fails; thread-safe.
void AppendQueryEncoded(std::string& out, std::string_view text);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_URL_CODEC_H_
