#include "web/page_cache.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "web/gzip.h"

namespace coolpapers::web {
namespace {

// Beyond this many waiting compressions, new pages stay identity-only: under a flood of
// distinct misses, compressing everything would only fall further behind.
constexpr size_t kMaxQueuedJobs = 256;

}  // namespace

PageCache::PageCache(PageCacheOptions options)
    : options_(options), compressor_([this](std::stop_token stop) { CompressLoop(stop); }) {}

PageCache::~PageCache() = default;

std::optional<CachedPage> PageCache::Lookup(std::string_view key) const {
  ReaderMutexLock lock(&mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  it->second.last_used.store(clock_.fetch_add(1, std::memory_order_relaxed) + 1,
                             std::memory_order_relaxed);
  return CachedPage{it->second.body, it->second.gzip, it->second.headers,
                    it->second.content_type};
}

void PageCache::Insert(std::string key, std::shared_ptr<const std::string> body,
                       uint64_t generation, PageHeaders headers,
                       std::string_view content_type, std::vector<std::string> tags) {
  size_t bytes = key.size() + body->size();
  for (const std::string& tag : tags) bytes += tag.size();
  if (bytes > options_.max_bytes / 4) return;
  const bool compress = body->size() >= options_.min_gzip_bytes;
  {
    WriterMutexLock lock(&mutex_);
    if (generation != generation_.load(std::memory_order_relaxed)) return;
    auto [it, inserted] = entries_.try_emplace(key);
    Entry& entry = it->second;
    if (!inserted) bytes_ -= entry.bytes;
    entry.body = body;
    entry.gzip = nullptr;
    entry.headers = std::make_shared<const PageHeaders>(std::move(headers));
    entry.content_type = content_type;
    entry.tags = std::move(tags);
    entry.bytes = bytes;
    entry.last_used.store(clock_.fetch_add(1, std::memory_order_relaxed) + 1,
                          std::memory_order_relaxed);
    bytes_ += bytes;
    EvictLocked();
  }
  if (!compress) return;
  {
    MutexLock lock(&jobs_mutex_);
    if (jobs_.size() >= kMaxQueuedJobs) return;
    jobs_.push_back(Job{std::move(key), std::move(body)});
  }
  jobs_changed_.notify_all();
}

void PageCache::Invalidate(uint64_t change_stamp) {
  WriterMutexLock lock(&mutex_);
  if (last_stamp_ == change_stamp) return;
  last_stamp_ = change_stamp;
  ClearLocked();
}

size_t PageCache::DropTagged(const std::unordered_set<std::string>& tags) {
  WriterMutexLock lock(&mutex_);
  generation_.fetch_add(1, std::memory_order_release);
  if (tags.empty()) return 0;
  size_t dropped = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool shows = std::any_of(it->second.tags.begin(), it->second.tags.end(),
                                   [&tags](const std::string& tag) { return tags.contains(tag); });
    if (shows) {
      bytes_ -= it->second.bytes;
      it = entries_.erase(it);
      ++dropped;
    } else {
      ++it;
    }
  }
  return dropped;
}

void PageCache::Clear() {
  WriterMutexLock lock(&mutex_);
  ClearLocked();
}

void PageCache::WaitForCompression() {
  MutexLock lock(&jobs_mutex_);
  jobs_changed_.wait(jobs_mutex_, [this] {
    jobs_mutex_.AssertHeld();
    return jobs_.empty() && jobs_running_ == 0;
  });
}

size_t PageCache::size_bytes() const {
  ReaderMutexLock lock(&mutex_);
  return bytes_;
}

size_t PageCache::page_count() const {
  ReaderMutexLock lock(&mutex_);
  return entries_.size();
}

void PageCache::CompressLoop(std::stop_token stop) {
  while (true) {
    Job job;
    {
      MutexLock lock(&jobs_mutex_);
      if (!jobs_changed_.wait(jobs_mutex_, stop, [this] {
            jobs_mutex_.AssertHeld();
            return !jobs_.empty();
          })) {
        return;
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
      ++jobs_running_;
    }
    Result<std::string> gzip = GzipCompress(*job.body, options_.gzip_level);
    if (gzip) {
      StoreGzip(job, std::make_shared<const std::string>(*std::move(gzip)));
    } else {
      // The page is still served, identity-encoded; say why it is not compressed.
      std::fprintf(stderr, "coolpapers: cannot gzip cached page %s: %s\n", job.key.c_str(),
                   gzip.error().detail.c_str());
    }
    {
      MutexLock lock(&jobs_mutex_);
      --jobs_running_;
    }
    jobs_changed_.notify_all();
  }
}

void PageCache::StoreGzip(const Job& job, std::shared_ptr<const std::string> gzip) {
  WriterMutexLock lock(&mutex_);
  const auto it = entries_.find(job.key);
  // The page may have been replaced or dropped while it was compressed: only the body that was
  // compressed gets this gzip.
  if (it == entries_.end() || it->second.body != job.body || it->second.gzip) return;
  it->second.bytes += gzip->size();
  bytes_ += gzip->size();
  it->second.gzip = std::move(gzip);
  EvictLocked();
}

void PageCache::EvictLocked() {
  if (bytes_ <= options_.max_bytes) return;
  // Rare (only when full), so a sort of all entries is fine; going down to three quarters keeps
  // the next few inserts from sorting again.
  std::vector<std::pair<uint64_t, std::string_view>> by_age;
  by_age.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) {
    by_age.emplace_back(entry.last_used.load(std::memory_order_relaxed), key);
  }
  std::sort(by_age.begin(), by_age.end());
  const size_t target = options_.max_bytes / 4 * 3;
  for (const auto& [age, key] : by_age) {
    if (bytes_ <= target) break;
    const auto it = entries_.find(key);
    bytes_ -= it->second.bytes;
    entries_.erase(it);
  }
}

void PageCache::ClearLocked() {
  entries_.clear();
  bytes_ = 0;
  generation_.fetch_add(1, std::memory_order_release);
}

}  // namespace coolpapers::web
