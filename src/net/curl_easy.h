// The libcurl plumbing shared by the whole-body client (http_client.cc) and the streaming POST
// (streaming_post.cc): one global init, an owning easy handle, the options every request sets,
// response headers collected into an HttpResponse, and the one table from curl's codes to ours.
// Internal to src/net: nothing outside it includes <curl/curl.h>.
#ifndef COOLPAPERS_NET_CURL_EASY_H_
#define COOLPAPERS_NET_CURL_EASY_H_

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/error.h"
#include "net/http_client.h"

namespace coolpapers::net {

// Runs curl_global_init once per process; call before creating any easy handle. Thread-safe.
void InitCurlOnce();

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct CurlTransferSettings {
  std::string url;  // "https://export.arxiv.org/api/query?id_list=2401.06769"
  std::string user_agent;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{120'000};
  bool use_environment_proxy = true;
};

// Sets on `handle` what every request of ours shares: the URL, user agent, timeouts, proxy
// choice, no signals (required for timeouts in threads), no redirects (a redirect would bypass
// per-host politeness), `error_buffer` (CURL_ERROR_SIZE bytes) and the headers collected into
// `response->headers` (names lower-cased; a new status line, after a 100 Continue, starts
// over). `error_buffer` and `response` must outlive the transfer; strings are copied by curl.
void SetTransferOptions(CURL* handle, const CurlTransferSettings& settings, char* error_buffer,
                        HttpResponse* response);

// Our code for a failed transfer: kTimeout, kInvalidArgument (malformed URL or scheme),
// kCorrupt (undecodable encoding) or kUnavailable (refused, reset, truncated, DNS...).
ErrorCode ErrorCodeForCurl(CURLcode code);

// The error for a failed transfer of `url`: the message names the URL and curl's description,
// the detail adds curl's number and `error_buffer`.
std::unexpected<Error> CurlFailure(CURLcode code, const std::string& url, const char* error_buffer);

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_CURL_EASY_H_
