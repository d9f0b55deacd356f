// The API's OpenAPI 3.1 description, src/web/api/openapi.json, embedded at build time
// (cmake/embed_text.cmake) and served at /api/openapi.json. The JSON file is the one place the
// API is described: docs/api.md explains it, tests/api walks it against a running server.
#ifndef COOLPAPERS_WEB_API_OPENAPI_DOCUMENT_H_
#define COOLPAPERS_WEB_API_OPENAPI_DOCUMENT_H_

#include <string_view>

namespace coolpapers::web {

// The document's bytes, as written in openapi.json. Static; thread-safe.
std::string_view OpenApiDocument();

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_OPENAPI_DOCUMENT_H_
