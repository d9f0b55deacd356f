#include "net/curl_easy.h"
#include "core/whitespace.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string_view>

namespace coolpapers::net {

// curl_global_init is not thread-safe and must run once before any easy handle exists.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

size_t AppendHeader(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  std::string_view line(data, size * count);
  // A new status line starts a new header block (after a 100 Continue); keep only the last one.
  if (line.starts_with("HTTP/")) {
    response->headers.clear();
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  std::ranges::transform(name, name.begin(), [](unsigned char c) { return std::tolower(c); });
  response->headers[name] = std::string(TrimWhitespace(line.substr(colon + 1)));
  return size * count;
}

}  // namespace

void SetTransferOptions(CURL* handle, const CurlTransferSettings& settings, char* error_buffer,
                        HttpResponse* response) {
  curl_easy_setopt(handle, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, settings.user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  if (!settings.use_environment_proxy) curl_easy_setopt(handle, CURLOPT_PROXY, "");
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, response);
}

ErrorCode ErrorCodeForCurl(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return ErrorCode::kTimeout;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return ErrorCode::kInvalidArgument;
    case CURLE_BAD_CONTENT_ENCODING:
      return ErrorCode::kCorrupt;
    default:
      // Refused, reset, truncated (CURLE_PARTIAL_FILE), empty reply, DNS: all "try later".
      return ErrorCode::kUnavailable;
  }
}

std::unexpected<Error> CurlFailure(CURLcode code, const std::string& url,
                                   const char* error_buffer) {
  std::string why = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  return Fail(ErrorCodeForCurl(code), "request to " + url + " failed: " + curl_easy_strerror(code),
              "curl error " + std::to_string(static_cast<int>(code)) + ": " + why);
}

}  // namespace coolpapers::net
