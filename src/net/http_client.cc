#include "net/http_client.h"

#include <utility>

#include "net/curl_easy.h"

namespace coolpapers::net {

std::string_view HttpResponse::Header(std::string_view lower_name) const {
  auto it = headers.find(std::string(lower_name));
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

std::string MakeUserAgent(const CurlHttpClientOptions& options) {
  return "coolpapers/0.1 (+" + options.project_url + "; mailto:" + options.contact_email + ")";
}

namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// libcurl calls it often during a transfer, stalled or not; non-zero aborts the transfer.
int AbortOnStop(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::stop_token*>(user)->stop_requested() ? 1 : 0;
}

std::unexpected<Error> Cancelled(const std::string& url) {
  return Fail(ErrorCode::kUnavailable, "request to " + url + " cancelled: the program is stopping");
}

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlHttpClientOptions options)
      : options_(std::move(options)), user_agent_(MakeUserAgent(options_)) {
    InitCurlOnce();
  }

  Result<HttpResponse> Get(const std::string& url) override { return Send(HttpRequest{url, {}, std::nullopt}); }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    const std::string& url = request.url;
    if (options_.stop.stop_requested()) return Cancelled(url);
    EasyHandle handle(curl_easy_init());
    if (!handle)
      return Fail(ErrorCode::kInternal, "cannot start an HTTP request", "curl_easy_init");
    HttpResponse response;
    char error_buffer[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    SetTransferOptions(h,
                       {url, user_agent_, options_.connect_timeout, options_.total_timeout,
                        options_.use_environment_proxy},
                       error_buffer, &response);
    struct curl_slist* raw_headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      raw_headers = curl_slist_append(raw_headers, (name + ": " + value).c_str());
    }
    const std::unique_ptr<struct curl_slist, decltype(&curl_slist_free_all)> headers(
        raw_headers, &curl_slist_free_all);
    if (headers) curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    if (request.post_body) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.post_body->size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.post_body->data());
    } else {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &AppendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &AbortOnStop);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &options_.stop);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    CURLcode code = curl_easy_perform(h);
    if (code == CURLE_ABORTED_BY_CALLBACK) return Cancelled(url);
    if (code != CURLE_OK) return CurlFailure(code, url, error_buffer);
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

Result<HttpResponse> HttpClient::Send(const HttpRequest& request) {
  if (!request.headers.empty() || request.post_body) {
    return Fail(ErrorCode::kInvalidArgument,
                "this HTTP client sends only plain GET requests, not the one to " + request.url);
  }
  return Get(request.url);
}

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlHttpClientOptions options) {
  return std::make_unique<CurlHttpClient>(std::move(options));
}

}  // namespace coolpapers::net
