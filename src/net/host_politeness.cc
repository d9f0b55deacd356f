#include "net/host_politeness.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace coolpapers::net {

HostPoliteness::HostPoliteness(Clock& clock, HostRule default_rule)
    : clock_(clock), default_rule_(default_rule) {}

void HostPoliteness::SetRule(const std::string& host, HostRule rule) {
  MutexLock lock(&mutex_);
  rules_[host] = rule;
}

HostPoliteness::Permit HostPoliteness::Acquire(std::string_view host) {
  Clock::TimePoint start;
  bool single_connection = false;
  {
    MutexLock lock(&mutex_);
    auto rule_it = rules_.find(host);
    const HostRule rule = rule_it == rules_.end() ? default_rule_ : rule_it->second;
    single_connection = rule.single_connection;
    auto state_it = states_.try_emplace(std::string(host)).first;
    if (single_connection) {
      released_.wait(mutex_, [&] { return !state_it->second.busy; });
      state_it->second.busy = true;
    }
    // Reserving the slot under the lock, then sleeping outside it, keeps concurrent callers
    // strictly spaced without holding the lock while waiting.
    start = std::max(clock_.Now(), state_it->second.next_start);
    state_it->second.next_start = start + rule.min_interval;
  }
  clock_.SleepUntil(start);
  return single_connection ? Permit(this, std::string(host)) : Permit();
}

void HostPoliteness::ReleaseConnection(const std::string& host) {
  {
    MutexLock lock(&mutex_);
    auto it = states_.find(host);
    if (it != states_.end()) it->second.busy = false;
  }
  released_.notify_all();
}

HostPoliteness::Permit::Permit(Permit&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), host_(std::move(other.host_)) {}

HostPoliteness::Permit& HostPoliteness::Permit::operator=(Permit&& other) noexcept {
  if (this != &other) {
    Release();
    owner_ = std::exchange(other.owner_, nullptr);
    host_ = std::move(other.host_);
  }
  return *this;
}

HostPoliteness::Permit::~Permit() { Release(); }

void HostPoliteness::Permit::Release() {
  if (owner_ != nullptr) std::exchange(owner_, nullptr)->ReleaseConnection(host_);
}

std::string HostOf(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') {
    rest = rest.substr(0, rest.find(']') + 1);  // IPv6 literal keeps its brackets
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  std::string host(rest);
  std::ranges::transform(host, host.begin(), [](unsigned char c) { return std::tolower(c); });
  return host;
}

}  // namespace coolpapers::net
