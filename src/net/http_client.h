// The seam for every outbound HTTP request: HttpClient is the interface the harvester and tests
// use, MakeCurlHttpClient the one real implementation (libcurl). Nothing else in the program
// speaks HTTP to the outside world.
#ifndef COOLPAPERS_NET_HTTP_CLIENT_H_
#define COOLPAPERS_NET_HTTP_CLIENT_H_

#include <chrono>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>
#include <optional>
#include <string_view>

#include "core/error.h"

namespace coolpapers::net {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string>
      headers;       // names lower-cased; a repeated header keeps the last
  std::string body;  // decoded (gzip already undone)

  // The header `lower_name` ("retry-after", "content-type"), or "" when absent.
  std::string_view Header(std::string_view lower_name) const;
};

// A request with headers or a body, for APIs that need them (OpenReview's login and its bearer
// token). Header values and the body may hold secrets: no error message or log names them, only
// the URL.
struct HttpRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // {"Authorization", "Bearer ..."}
  std::optional<std::string> post_body;  // when set, a POST of this body (type in `headers`)
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;

  // Sends `request`, with Get's answers and errors. The default sends a plain GET through Get
  // and refuses headers or a body (kInvalidArgument): clients that can send them override it.
  [[nodiscard]] virtual Result<HttpResponse> Send(const HttpRequest& request);

  // GETs `url` ("https://export.arxiv.org/api/query?id_list=2401.06769"). Any HTTP status,
  // 4xx and 5xx included, is a response, not an error. Errors: kTimeout when the connect or total
  // timeout passed; kUnavailable when the host cannot be reached or the connection broke (reset,
  // truncated body); kCorrupt for an undecodable content encoding; kInvalidArgument for a
  // malformed URL. Implementations are safe to call from many threads at once.
  [[nodiscard]] virtual Result<HttpResponse> Get(const std::string& url) = 0;
};

struct CurlHttpClientOptions {
  // Who to write to when our client misbehaves; arXiv asks every harvester to say.
  std::string contact_email = "coolpapers@example.org";
  std::string project_url = "https://github.com/coolpapers/coolpapers";
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{120'000};
  // libcurl reads http_proxy/https_proxy/no_proxy from the environment; tests talking to a
  // loopback server turn that off so a CI proxy cannot intercept them.
  bool use_environment_proxy = true;
  // Once requested, a transfer under way is cut (within about a second: libcurl's progress
  // callback) and new ones fail at once, both with kUnavailable "... cancelled": `serve` stops
  // within seconds even while a PDF download stalls (issue #18 finding 8).
  std::stop_token stop;
};

// "coolpapers/0.1 (+https://github.com/coolpapers/coolpapers; mailto:me@example.org)".
std::string MakeUserAgent(const CurlHttpClientOptions& options);

// The libcurl client: gzip/deflate accepted and decoded, redirects not followed (arXiv does not
// redirect its APIs, and a redirect would bypass per-host politeness), one easy handle per call,
// so it is thread-safe. The returned client owns nothing shared and may outlive its options.
std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlHttpClientOptions options);

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_HTTP_CLIENT_H_
