#include "web/conditional_get.h"
#include "core/whitespace.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

namespace coolpapers::web {
namespace {

// If-None-Match is a list: `"a", W/"b"`. Weak comparison, as RFC 9110 asks for GET.
bool ListNamesTag(std::string_view list, std::string_view etag) {
  if (TrimWhitespace(list) == "*") return true;
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = TrimWhitespace(list.substr(0, comma));
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

bool IsNotModified(std::string_view if_none_match, std::string_view if_modified_since,
                   const Response& response) {
  if (response.status != 200) return false;
  const std::string_view etag = response.Header("ETag");
  if (!if_none_match.empty()) return !etag.empty() && ListNamesTag(if_none_match, etag);
  const std::string_view modified = response.Header("Last-Modified");
  return !if_modified_since.empty() && !modified.empty() && TrimWhitespace(if_modified_since) == modified;
}

std::string BodyETag(std::string_view body) {
  char etag[24];
  std::snprintf(etag, sizeof etag, "\"%016zx\"", std::hash<std::string_view>{}(body));
  return etag;
}

void MakeNotModified(Response& response) {
  response.status = 304;
  response.body = std::make_shared<const std::string>();
  response.file.reset();
  response.gzipped = false;
}

}  // namespace coolpapers::web
