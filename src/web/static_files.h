// The front end's files (frontend/, bundled at build time by frontend/build.mjs) embedded in the
// binary and served at /assets/<name>. Names carry a hash of their content, so a file never
// changes under its name: answers are cacheable forever ("immutable"), and a new build links new
// names. No file is read from disk at run time.
#ifndef COOLPAPERS_WEB_STATIC_FILES_H_
#define COOLPAPERS_WEB_STATIC_FILES_H_

#include <optional>
#include <span>
#include <string_view>

#include "web/http_message.h"

namespace coolpapers::web {

// One embedded file. The views point into the binary's read-only data: valid for the whole run.
struct StaticAsset {
  std::string_view name;          // "main-4Fx9a0kQ2b.js", the part after /assets/
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;          // the bytes as built
  std::string_view gzip;          // the same bytes gzip-encoded; empty when not worth it (fonts)
};

// Every embedded file, sorted by name (generated: embedded_assets.cc in the build tree).
// Thread-safe.
std::span<const StaticAsset> EmbeddedAssets();

// The hashed names of the script and the style sheet every page links ("main-4Fx9a0kQ2b.js",
// "main-Q2bx8kLm0a.css"). Thread-safe.
std::string_view MainScriptName();
std::string_view MainStyleName();

// The file named `name` (as in /assets/<name>), or nullptr. Thread-safe.
const StaticAsset* FindStaticAsset(std::string_view name);

// True when `target` (a request target, "/assets/main-4Fx9a0kQ2b.js?v=1") is under /assets/.
bool IsAssetTarget(std::string_view target);

// The answer to GET/HEAD of an /assets/ target: 200 with the file (gzip-encoded when
// `accepts_gzip` and worth it), "Cache-Control: public, max-age=31536000, immutable"; 404 (plain
// text, not cached for long) for a name not embedded. The query string is ignored. Thread-safe.
Response StaticAssetResponse(std::string_view target, bool accepts_gzip);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_STATIC_FILES_H_
