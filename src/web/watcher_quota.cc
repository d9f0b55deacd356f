#include "web/watcher_quota.h"

namespace coolpapers::web {
namespace {

// Lowers a count, forgetting keys that reach 0 so the maps hold only live watchers.
void Lower(std::unordered_map<std::string, int>& counts, const std::string& key) {
  auto found = counts.find(key);
  if (found != counts.end() && --found->second <= 0) counts.erase(found);
}

}  // namespace

Result<std::shared_ptr<void>> WatcherQuota::Acquire(std::string_view client,
                                                    std::string_view paper) {
  std::string client_key(client);
  std::string paper_key(paper);
  {
    MutexLock lock(&mutex_);
    const auto count = [](const std::unordered_map<std::string, int>& counts,
                          const std::string& key) {
      const auto found = counts.find(key);
      return found == counts.end() ? 0 : found->second;
    };
    if (per_client_ > 0 && count(by_client_, client_key) >= per_client_) {
      return Fail(ErrorCode::kUnavailable,
                  "too many FAQ streams are open from your address (" +
                      std::to_string(per_client_) + "): close some of them and try again");
    }
    if (per_paper_ > 0 && count(by_paper_, paper_key) >= per_paper_) {
      return Fail(ErrorCode::kUnavailable,
                  "too many readers are following this paper's FAQ right now: try again in a "
                  "minute");
    }
    ++by_client_[client_key];
    ++by_paper_[paper_key];
    ++held_;
  }
  // The ticket keeps the quota alive, so it may outlast the site that gave it.
  return std::shared_ptr<void>(
      static_cast<void*>(this), [quota = shared_from_this(), client_key = std::move(client_key),
                paper_key = std::move(paper_key)](void*) { quota->Release(client_key, paper_key); });
}

void WatcherQuota::Release(const std::string& client, const std::string& paper) {
  MutexLock lock(&mutex_);
  Lower(by_client_, client);
  Lower(by_paper_, paper);
  --held_;
}

int64_t WatcherQuota::held() const {
  MutexLock lock(&mutex_);
  return held_;
}

}  // namespace coolpapers::web
