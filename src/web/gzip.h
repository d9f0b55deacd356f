// The gzip content coding: compressing cached pages (off the request path) and reading whether a
// client accepts gzip.
#ifndef COOLPAPERS_WEB_GZIP_H_
#define COOLPAPERS_WEB_GZIP_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers::web {

// The gzip (RFC 1952) encoding of `data` at zlib `level` (1 fastest .. 9 smallest; 6 is zlib's
// default). Returns kInternal with zlib's message if zlib fails (only out of memory in practice).
// Costs about 10 ms per MiB at level 6: never call it while a client waits. Thread-safe.
[[nodiscard]] Result<std::string> GzipCompress(std::string_view data, int level = 6);

// True when an Accept-Encoding header value admits gzip: "gzip", "gzip, deflate, br",
// "br;q=1.0, gzip;q=0.8", "*"; false for "", "identity", "gzip;q=0", "*, gzip;q=0".
// Coding names are case-insensitive. Thread-safe.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_GZIP_H_
