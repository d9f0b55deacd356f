// A response's status line and header block, written straight into a reused string: the bytes
// Beast's serializer writes for the same message (server.cc sent them through Beast until
// issue #19 target 5), without building a Beast field list, which costs one allocation per
// field and a serializer per answer. The session sends this head and the body in one write.
#ifndef COOLPAPERS_WEB_RESPONSE_HEAD_H_
#define COOLPAPERS_WEB_RESPONSE_HEAD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "web/http_message.h"

namespace coolpapers::web {

// What the connection adds to the response's own headers.
struct HeadFraming {
  std::string_view reason;  // "OK": the status's reason phrase
  unsigned version = 11;    // 10 or 11: HTTP/1.0 or HTTP/1.1
  bool keep_alive = true;   // false: the connection closes after this response
  uint64_t content_length = 0;
};

// Replaces `out` with the head of `response`: the status line; Server, Content-Type,
// X-Content-Type-Options, Content-Encoding when gzipped, then `response.headers` in order, a
// later header replacing an earlier one of the same name (any case) and taking its place at
// the end; Content-Length; Connection as keep-alive needs it for the version. Values are
// trimmed of spaces and tabs. Returns false, leaving `out` unspecified, for what it does not
// write the way Beast would: a name or value holding a CR, LF or NUL, a Connection,
// Transfer-Encoding or Content-Length header of the response's own, more than 32 headers. The
// caller then sends the response through Beast.
bool WriteResponseHead(const Response& response, const HeadFraming& framing, std::string& out);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_RESPONSE_HEAD_H_
