// The client every caller uses for arXiv (and the venue sources): an HttpClient that waits its turn per host
// (HostPoliteness) and retries what can succeed later (retry_policy.h).
#ifndef COOLPAPERS_NET_POLITE_CLIENT_H_
#define COOLPAPERS_NET_POLITE_CLIENT_H_

#include <functional>
#include <random>
#include <string>

#include "core/clock.h"
#include "core/mutex.h"
#include "net/host_politeness.h"
#include "net/http_client.h"
#include "net/retry_policy.h"

namespace coolpapers::net {

class PoliteClient final : public HttpClient {
 public:
  // Returns a number in [0, 1); called from any thread.
  using RandomUnit = std::function<double()>;

  // `inner`, `politeness` and `clock` must outlive this client. One `politeness` is meant to be
  // shared by every PoliteClient of the process. An empty `random_unit` uses a seeded engine.
  PoliteClient(HttpClient& inner, HostPoliteness& politeness, RetryOptions options,
               Clock& clock = RealClock(), RandomUnit random_unit = {});

  // GETs `url` politely: each attempt waits for the host's permit, then the retry policy decides
  // whether to try again. Returns the first final response (2xx-3xx, or a 4xx other than 429,
  // whose body the caller may want: arXiv's API explains a 400 in it). When retries run out on a
  // 429/5xx, returns kUnavailable naming the URL, the status and the attempts; when they run out
  // on a network error, that error (kTimeout or kUnavailable) with the attempts added.
  // Thread-safe.
  [[nodiscard]] Result<HttpResponse> Get(const std::string& url) override;

  // The same for a request with headers or a body (the inner client's Send).
  [[nodiscard]] Result<HttpResponse> Send(const HttpRequest& request) override;

 private:
  double NextRandom();

  HttpClient& inner_;
  HostPoliteness& politeness_;
  const RetryOptions options_;
  Clock& clock_;
  RandomUnit random_unit_;
  Mutex random_mutex_;
  std::mt19937_64 engine_ GUARDED_BY(random_mutex_);
};

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_POLITE_CLIENT_H_
