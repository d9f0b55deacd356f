// Conditional GET (RFC 9110 section 13): a response that carries an ETag or Last-Modified is
// answered 304 Not Modified, without its body, when the request's If-None-Match names that ETag
// (or "*"), or, without If-None-Match, its If-Modified-Since repeats that Last-Modified. Exact
// comparison of the date is what readers need: they send back the value we gave them.
#ifndef COOLPAPERS_WEB_CONDITIONAL_GET_H_
#define COOLPAPERS_WEB_CONDITIONAL_GET_H_

#include <string>
#include <string_view>

#include "web/http_message.h"

namespace coolpapers::web {

// True when `response` (a 200) is what the client already holds. Pure.
bool IsNotModified(std::string_view if_none_match, std::string_view if_modified_since,
                   const Response& response);

// A strong ETag naming `body`: "\"0123456789abcdef\"", a hash, so equal bodies share it. The
// identity body's, held for its gzip encoding too (both decode to the same bytes).
std::string BodyETag(std::string_view body);

// Turns the response into its 304: status, an empty body, the validators and cache headers kept.
void MakeNotModified(Response& response);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CONDITIONAL_GET_H_
