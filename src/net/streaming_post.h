// A POST whose answer is read as it arrives: the language model's server-sent events. Like
// http_client.h it is outbound HTTP, so it lives here and speaks through libcurl; unlike Get it
// hands the body over piece by piece, gives up on a stream that goes quiet and can be cancelled.
#ifndef COOLPAPERS_NET_STREAMING_POST_H_
#define COOLPAPERS_NET_STREAMING_POST_H_

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "net/http_client.h"

namespace coolpapers::net {

struct StreamingPostRequest {
  std::string url;   // "https://api.moonshot.cn/v1/chat/completions"
  std::string body;  // sent as it is
  // Whole header lines: "Content-Type: application/json", "Authorization: Bearer ...". They
  // never appear in an error's message or detail.
  std::vector<std::string> headers;
  std::string user_agent = MakeUserAgent(CurlHttpClientOptions{});
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{300'000};
  // Nothing at all arriving (headers or body) for this long ends the transfer.
  std::chrono::milliseconds stall_timeout{60'000};
  // As in CurlHttpClientOptions: loopback tests turn the environment's proxy off.
  bool use_environment_proxy = true;
};

// Receives the body of a 2xx answer in order, in pieces split anywhere (inside a line, inside a
// UTF-8 character). Returns false to end the transfer early.
using ByteSink = std::function<bool(std::string_view bytes)>;

// The most of a non-2xx answer's body StreamingPost keeps (an error page is short; a stream of
// errors is not worth holding).
inline constexpr size_t kMaxErrorBodyBytes = 64 * 1024;

// POSTs request.body to request.url and returns the status and headers (names lower-cased). A
// 2xx body goes to `on_bytes` as it arrives, on the calling thread, and response.body stays
// empty; any other status is a response too, its body (up to kMaxErrorBodyBytes) kept in
// response.body and `on_bytes` never called. When `on_bytes` returns false the transfer ends and
// the response so far is returned: the sink knows why it stopped.
// Errors: kTimeout (connect or total timeout, or nothing arrived for stall_timeout),
// kUnavailable (host unreachable, connection reset or cut, a chunked stream included, or `stop`
// requested: "... cancelled"), kInvalidArgument (malformed URL), kInternal (libcurl failed).
// Thread-safe: every call has its own handles; `stop` may be requested from any thread.
[[nodiscard]] Result<HttpResponse> StreamingPost(const StreamingPostRequest& request,
                                                 const ByteSink& on_bytes,
                                                 std::stop_token stop = {});

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_STREAMING_POST_H_
