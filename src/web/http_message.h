// The request and response the site's handler sees: plain values, no Beast types, so that the
// whole site (routing, pages, cache) is tested without a socket. server.cc converts to and from
// Beast messages.
#ifndef COOLPAPERS_WEB_HTTP_MESSAGE_H_
#define COOLPAPERS_WEB_HTTP_MESSAGE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/file_slice.h"

namespace coolpapers::web {

inline constexpr std::string_view kHtmlType = "text/html; charset=utf-8";
inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
inline constexpr std::string_view kTextType = "text/plain; charset=utf-8";
inline constexpr std::string_view kPdfType = "application/pdf";

// Views into the server's request buffer: valid only during the handler call.
struct Request {
  std::string_view method;  // "GET", "HEAD", "POST", ...
  std::string_view target;  // origin-form as sent: "/arxiv/cs.AI?date=2025-05-14"
  bool accepts_gzip = false;
  std::string_view cookie = {};  // the Cookie header as sent, "" when absent
  // These headers as sent, "" when absent: "bytes=0-1023"; "\"2401.06769v2-1234\"";
  // "Wed, 14 May 2025 00:00:00 GMT".
  std::string_view range = {};
  std::string_view if_none_match = {};
  std::string_view if_modified_since = {};
  // The Host header as sent ("papers.example.org:8080") and a proxy's X-Forwarded-Proto
  // ("https"), "" when absent: what absolute links in feeds are built from (RequestOrigin).
  std::string_view host = {};
  std::string_view forwarded_proto = {};
  // The client connected from a loopback address, and the request carries no proxy header
  // (X-Forwarded-For, Forwarded, X-Real-IP): a proxy on this machine is not a local client.
  bool peer_loopback = false;
  bool proxied = false;
  std::string_view authorization = {};  // the Authorization header as sent
  std::string_view body = {};  // a POST's body as sent ("" for GET): /api/token reads it
  // Who sent it: the connection's peer address ("203.0.113.7", "::1"; "" in tests), and the
  // X-Forwarded-For header as sent, believed only from trusted proxies (client_address.h).
  std::string_view peer = {};
  std::string_view forwarded_for = {};
};

inline constexpr std::string_view kEventStreamType = "text/event-stream; charset=utf-8";

// The body of a streamed response (server-sent events), written piece by piece as it is
// produced. The server creates one per streamed response once the headers are sent.
class StreamWriter {
 public:
  virtual ~StreamWriter() = default;
  // Queues `data` to be sent as the next piece of the body. Returns false once the client has
  // gone, the server is stopping or Close() was called: the producer should stop. Never
  // blocks; thread-safe (pieces from one thread go out in the order written).
  virtual bool Write(std::string data) = 0;
  // Ends the body after the queued pieces. Idempotent; thread-safe.
  virtual void Close() = 0;
};

// Starts producing a streamed body into the writer; must return promptly (hand the writer to
// whatever produces the data). Called on a server thread.
using StreamStarter = std::function<void(std::shared_ptr<StreamWriter>)>;

struct Response {
  int status = 200;
  std::string_view content_type = kHtmlType;  // one of the constants above
  // Shared so a cached page goes to many clients without a copy; never null.
  std::shared_ptr<const std::string> body = std::make_shared<const std::string>();
  bool gzipped = false;  // the body is gzip-encoded: send Content-Encoding: gzip
  // When set, the body is this part of a file instead (`body` stays empty): sent piece by piece
  // as the socket drains, never read whole; HEAD reads none of it.
  std::optional<FileSlice> file;
  // Other headers, e.g. {"Location", "/arxiv/1406.2661"}, {"Cache-Control", "max-age=60"}.
  std::vector<std::pair<std::string, std::string>> headers;
  // What a cacheable page shows, so the page cache drops it when that changes and not
  // otherwise (web/cache_tags.h); a cached page without tags goes at every store change.
  std::vector<std::string> cache_tags;
  // When set, `body` is ignored: the headers go out with chunked transfer encoding, no
  // compression and no request timeout, then `stream` is called with the writer of the body.
  StreamStarter stream;
  // For a streamed response: what to send when the stream has been silent for the server's
  // heartbeat interval (": keep-alive\n\n" for server-sent events; "" sends nothing), and an
  // object the server keeps until the stream ends (a watcher's place in a quota).
  std::string stream_heartbeat;
  std::shared_ptr<void> stream_hold;
  // How long the server waits before sending this answer, on a timer (no thread waits): a
  // refusal for a client's rate (RateLimits::refusal_hold) goes out late, so a client that
  // ignores Retry-After sends one request a connection per hold instead of thousands a second.
  std::chrono::milliseconds hold{0};

  // The value of header `name` (exact spelling) or "" when absent. For tests and logs.
  std::string_view Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return {};
  }
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_HTTP_MESSAGE_H_
