#include "net/streaming_post.h"

#include <algorithm>
#include <memory>

#include "net/curl_easy.h"

namespace coolpapers::net {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The longest curl_multi_poll waits before we look at the stall clock again; a stop request
// wakes it at once (curl_multi_wakeup).
constexpr milliseconds kMaxPollWait{100};

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// Owns the multi handle and removes the easy handle from it before cleaning up, in the order
// libcurl asks for.
class MultiTransfer {
 public:
  explicit MultiTransfer(CURL* easy) : multi_(curl_multi_init()), easy_(easy) {
    if (multi_ != nullptr) added_ = curl_multi_add_handle(multi_, easy_) == CURLM_OK;
  }
  ~MultiTransfer() {
    if (added_) curl_multi_remove_handle(multi_, easy_);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
  }
  MultiTransfer(const MultiTransfer&) = delete;
  MultiTransfer& operator=(const MultiTransfer&) = delete;

  bool ok() const { return added_; }
  CURLM* get() const { return multi_; }

 private:
  CURLM* multi_;
  CURL* easy_;
  bool added_ = false;
};

struct BodyState {
  CURL* handle = nullptr;
  const ByteSink* on_bytes = nullptr;
  HttpResponse* response = nullptr;
  bool sink_stopped = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<BodyState*>(user);
  const size_t length = size * count;
  long status = 0;
  curl_easy_getinfo(state->handle, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status <= 299) {
    if ((*state->on_bytes)(std::string_view(data, length))) return length;
    state->sink_stopped = true;
    return 0;  // anything but `length` makes curl end the transfer with CURLE_WRITE_ERROR
  }
  std::string& body = state->response->body;
  body.append(data,
              std::min(length, kMaxErrorBodyBytes - std::min(body.size(), kMaxErrorBodyBytes)));
  return length;
}

// Headers and body bytes received so far: any change means the server is still talking.
curl_off_t BytesReceived(CURL* handle) {
  curl_off_t body = 0;
  long headers = 0;
  curl_easy_getinfo(handle, CURLINFO_SIZE_DOWNLOAD_T, &body);
  curl_easy_getinfo(handle, CURLINFO_HEADER_SIZE, &headers);
  return body + headers;
}

}  // namespace

Result<HttpResponse> StreamingPost(const StreamingPostRequest& request, const ByteSink& on_bytes,
                                   std::stop_token stop) {
  InitCurlOnce();
  EasyHandle handle(curl_easy_init());
  if (!handle) return Fail(ErrorCode::kInternal, "cannot start an HTTP request", "curl_easy_init");
  CURL* h = handle.get();
  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {};
  SetTransferOptions(h,
                     {request.url, request.user_agent, request.connect_timeout,
                      request.total_timeout, request.use_environment_proxy},
                     error_buffer, &response);

  // Without "Expect:" curl sends "Expect: 100-continue" for larger bodies and waits a second
  // for an answer many servers never give.
  std::vector<std::string> lines = request.headers;
  lines.push_back("Expect:");
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  for (const auto& line : lines) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown == nullptr)
      return Fail(ErrorCode::kInternal, "cannot start an HTTP request", "slist");
    (void)headers.release();  // curl_slist_append returns the same list, grown
    headers.reset(grown);
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  BodyState body_state{h, &on_bytes, &response};
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body_state);

  // The multi interface rather than curl_easy_perform: between polls we can watch the stall
  // clock and the stop token, which the easy interface only offers at one-second granularity.
  MultiTransfer transfer(h);
  if (!transfer.ok())
    return Fail(ErrorCode::kInternal, "cannot start an HTTP request", "curl_multi_add_handle");
  CURLM* multi = transfer.get();
  // Declared after `transfer`, so it is gone (and no wakeup can run) before the multi handle.
  std::stop_callback wake_on_stop(stop, [multi] { curl_multi_wakeup(multi); });

  auto last_activity = Clock::now();
  curl_off_t seen = 0;
  CURLcode result = CURLE_OK;
  for (;;) {
    int running = 0;
    CURLMcode multi_code = curl_multi_perform(multi, &running);
    if (multi_code != CURLM_OK) {
      return Fail(ErrorCode::kInternal, "request to " + request.url + " failed",
                  std::string("curl_multi_perform: ") + curl_multi_strerror(multi_code));
    }
    if (running == 0) {
      int left = 0;
      while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
        if (message->msg == CURLMSG_DONE) result = message->data.result;
      }
      break;
    }
    if (stop.stop_requested())
      return Fail(ErrorCode::kUnavailable, "request to " + request.url + " cancelled");
    const auto now = Clock::now();
    if (curl_off_t received = BytesReceived(h); received != seen) {
      seen = received;
      last_activity = now;
    }
    const auto quiet = std::chrono::duration_cast<milliseconds>(now - last_activity);
    if (quiet >= request.stall_timeout) {
      return Fail(ErrorCode::kTimeout,
                  "request to " + request.url + " stalled: nothing arrived for " +
                      std::to_string(quiet.count()) + " ms",
                  "stall timeout " + std::to_string(request.stall_timeout.count()) + " ms");
    }
    const auto wait = std::clamp(request.stall_timeout - quiet, milliseconds(1), kMaxPollWait);
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }
  if (result != CURLE_OK && !(result == CURLE_WRITE_ERROR && body_state.sink_stopped))
    return CurlFailure(result, request.url, error_buffer);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace coolpapers::net
