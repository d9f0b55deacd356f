#include "net/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <utility>

namespace coolpapers::net {

std::string_view HttpResponse::Header(std::string_view lower_name) const {
  auto it = headers.find(std::string(lower_name));
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

std::string MakeUserAgent(const CurlHttpClientOptions& options) {
  return "coolpapers/0.1 (+" + options.project_url + "; mailto:" + options.contact_email + ")";
}

namespace {

// curl_global_init is not thread-safe and must run once before any easy handle exists.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string Trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

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
  response->headers[name] = Trim(line.substr(colon + 1));
  return size * count;
}

ErrorCode CodeFor(CURLcode code) {
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

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlHttpClientOptions options)
      : options_(std::move(options)), user_agent_(MakeUserAgent(options_)) {
    InitCurlOnce();
  }

  Result<HttpResponse> Get(const std::string& url) override {
    EasyHandle handle(curl_easy_init());
    if (!handle)
      return Fail(ErrorCode::kInternal, "cannot start an HTTP request", "curl_easy_init");
    HttpResponse response;
    char error_buffer[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // required for timeouts in multi-threaded use
    curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    if (!options_.use_environment_proxy) curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &AppendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &AppendHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response);
    CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
      std::string why = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
      return Fail(CodeFor(code), "request to " + url + " failed: " + curl_easy_strerror(code),
                  "curl error " + std::to_string(static_cast<int>(code)) + ": " + why);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  const CurlHttpClientOptions options_;
  const std::string user_agent_;
};

}  // namespace

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlHttpClientOptions options) {
  return std::make_unique<CurlHttpClient>(std::move(options));
}

}  // namespace coolpapers::net
