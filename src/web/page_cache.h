// Rendered pages kept for the next reader, with their gzip encoding made off the request path.
//
// A miss renders the page and Insert()s it; the cache answers identity-encoded at once and hands
// the body to its own compressor thread. Later Lookup()s find the gzip next to the body. The
// cache holds at most `max_bytes` (bodies + gzips + keys); when an insert passes that, the least
// recently used pages go. Each page carries tags naming what it shows (web/cache_tags.h);
// DropTagged drops the pages that show what changed, Invalidate(stamp) everything when a change
// stamp moves; a render that began before a drop cannot put a stale page back (generation()).
//
// Thread-safe: lookups share a reader lock and copy two shared_ptrs; no lock is held while
// rendering or compressing.
#ifndef COOLPAPERS_WEB_PAGE_CACHE_H_
#define COOLPAPERS_WEB_PAGE_CACHE_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/mutex.h"

namespace coolpapers::web {

struct PageCacheOptions {
  size_t max_bytes = 64 * 1024 * 1024;
  int gzip_level = 6;
  size_t min_gzip_bytes = 1024;  // smaller bodies are not worth a Content-Encoding
};

// Headers served with a page: Cache-Control, Vary, a feed's ETag computed once from its body.
using PageHeaders = std::vector<std::pair<std::string, std::string>>;

struct CachedPage {
  std::shared_ptr<const std::string> body;  // never null
  std::shared_ptr<const std::string> gzip;  // null until compressed (or when too small)
  std::shared_ptr<const PageHeaders> headers;  // never null; often empty
  std::string_view content_type;  // as given to Insert
};

class PageCache {
 public:
  explicit PageCache(PageCacheOptions options = {});
  ~PageCache();  // stops the compressor; queued compressions are dropped
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // The page stored under `key`, if any. Marks it recently used.
  std::optional<CachedPage> Lookup(std::string_view key) const;

  // Read before rendering and pass to Insert: a page rendered while the cache was invalidated
  // is dropped instead of stored.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  // Stores `body` under `key` (replacing any page there) and queues its compression, unless the
  // cache was invalidated since `generation` was read or the body alone exceeds a quarter of
  // max_bytes.
  // `headers` and `content_type` are kept with the page and returned by Lookup; `content_type`
  // must live as long as the cache (one of http_message.h's constants: they live for the program).
  // `tags` name what the page shows (DropTagged).
  void Insert(std::string key, std::shared_ptr<const std::string> body, uint64_t generation,
              PageHeaders headers = {}, std::string_view content_type = {},
              std::vector<std::string> tags = {});

  // Drops every page carrying any of `tags`, and (even when none does) keeps pages rendered
  // before this call out (generation()). Returns how many pages went.
  size_t DropTagged(const std::unordered_set<std::string>& tags);

  // Drops every page unless `change_stamp` equals the stamp of the previous call. Meant to be
  // fed Store::ChangeStamp() periodically.
  void Invalidate(uint64_t change_stamp);

  // Drops every page.
  void Clear();

  // Blocks until every compression queued so far has finished (tests; a quiet shutdown).
  void WaitForCompression();

  size_t size_bytes() const;
  size_t page_count() const;
  size_t max_bytes() const { return options_.max_bytes; }

 private:
  struct Entry {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip;
    std::shared_ptr<const PageHeaders> headers;
    std::string_view content_type;
    std::vector<std::string> tags;
    size_t bytes = 0;
    mutable std::atomic<uint64_t> last_used{0};
  };
  struct Job {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };

  void CompressLoop(std::stop_token stop);
  void StoreGzip(const Job& job, std::shared_ptr<const std::string> gzip);
  void EvictLocked() REQUIRES(mutex_);
  void ClearLocked() REQUIRES(mutex_);

  const PageCacheOptions options_;
  mutable std::atomic<uint64_t> clock_{0};
  std::atomic<uint64_t> generation_{0};

  mutable SharedMutex mutex_;
  std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>> entries_ GUARDED_BY(mutex_);
  size_t bytes_ GUARDED_BY(mutex_) = 0;
  std::optional<uint64_t> last_stamp_ GUARDED_BY(mutex_);

  Mutex jobs_mutex_;
  std::condition_variable_any jobs_changed_;
  std::deque<Job> jobs_ GUARDED_BY(jobs_mutex_);
  int jobs_running_ GUARDED_BY(jobs_mutex_) = 0;
  std::jthread compressor_;  // last: starts after, and stops before, everything above
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGE_CACHE_H_
