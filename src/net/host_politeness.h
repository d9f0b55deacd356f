// Per-host politeness shared by every caller in the process: a minimum interval between the
// starts of two requests to the same host (arXiv asks for one every 3 s) and, for hosts marked
// single-connection (arXiv's legacy APIs), at most one request in flight at a time.
#ifndef COOLPAPERS_NET_HOST_POLITENESS_H_
#define COOLPAPERS_NET_HOST_POLITENESS_H_

#include <chrono>
#include <condition_variable>
#include <map>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/mutex.h"

namespace coolpapers::net {

struct HostRule {
  std::chrono::milliseconds min_interval{0};
  bool single_connection = false;
};

class HostPoliteness {
 public:
  // `clock` must outlive this object. Hosts without a rule of their own get `default_rule`.
  explicit HostPoliteness(Clock& clock, HostRule default_rule = {});
  HostPoliteness(const HostPoliteness&) = delete;
  HostPoliteness& operator=(const HostPoliteness&) = delete;

  // Sets the rule for `host` ("export.arxiv.org", lower case, no port). Thread-safe.
  void SetRule(const std::string& host, HostRule rule);

  // The right to start one request to a host; for a single-connection host it also holds the
  // host's one connection until destroyed. Movable, not copyable.
  class Permit {
   public:
    Permit() = default;
    Permit(Permit&& other) noexcept;
    Permit& operator=(Permit&& other) noexcept;
    ~Permit();
    void Release();  // ends the request early; idempotent

   private:
    friend class HostPoliteness;
    Permit(HostPoliteness* owner, std::string host) : owner_(owner), host_(std::move(host)) {}
    HostPoliteness* owner_ = nullptr;  // null when the permit holds no connection
    std::string host_;
  };

  // Blocks until a request to `host` may start under its rule, then returns the permit. Starts
  // are granted in the order callers reserve them, each at least min_interval after the previous
  // one. Thread-safe; the permit must not outlive this object.
  [[nodiscard]] Permit Acquire(std::string_view host);

 private:
  struct HostState {
    Clock::TimePoint next_start{};
    bool busy = false;
  };
  void ReleaseConnection(const std::string& host);

  Clock& clock_;
  const HostRule default_rule_;
  Mutex mutex_;
  std::condition_variable_any released_;
  std::map<std::string, HostRule, std::less<>> rules_ GUARDED_BY(mutex_);
  std::map<std::string, HostState, std::less<>> states_ GUARDED_BY(mutex_);
};

// The host of an http(s) URL, lower-cased, without port or credentials:
// "https://Export.arXiv.org:443/api/query?x" -> "export.arxiv.org". "" when there is none.
std::string HostOf(std::string_view url);

}  // namespace coolpapers::net

#endif  // COOLPAPERS_NET_HOST_POLITENESS_H_
