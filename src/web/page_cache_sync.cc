#include "web/page_cache_sync.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>

#include "web/cache_tags.h"

namespace coolpapers::web {
namespace {

// More changes than this since the last poll (a large import) drop everything at once rather
// than page through them.
constexpr int kChangesPerPoll = 2000;

}  // namespace

PageCacheSync::PageCacheSync(store::Store& store, PageCache& cache,
                             std::function<Result<uint64_t>()> stamp)
    : store_(store), cache_(cache), stamp_reader_(std::move(stamp)) {}

Result<void> PageCacheSync::Poll() {
  // The log first: a write that commits between the two reads moves the stamp now and shows in
  // the log at the next poll, so neither drop is missed.
  if (Result<void> applied = ApplyChanges(); !applied) return applied;
  Result<uint64_t> stamp = stamp_reader_();
  if (!stamp) return std::unexpected(stamp.error());
  if (stamp_ && *stamp_ != *stamp) {
    counts_.pages_dropped += cache_.DropTagged({std::string(kStoreTag)});
  }
  stamp_ = *stamp;
  return {};
}

Result<void> PageCacheSync::ApplyChanges() {
  if (!position_) {
    Result<uint64_t> latest = store_.LatestPageChange();
    if (!latest) return std::unexpected(latest.error());
    position_ = *latest;
    return {};
  }
  Result<store::PageChanges> read = store_.PageChangesSince(*position_, kChangesPerPoll);
  if (!read) return std::unexpected(read.error());
  counts_.changes += read->changes.size();
  bool everything = read->pruned || read->changes.size() >= static_cast<size_t>(kChangesPerPoll);
  std::unordered_set<std::string> tags;
  for (const store::PageChange& change : read->changes) {
    if (change.every_paper) everything = true;
    for (std::string& tag : TagsChangedBy(change)) tags.insert(std::move(tag));
  }
  if (everything) {
    // Where to go on from: the changes not read yet are covered by this drop.
    Result<uint64_t> latest = store_.LatestPageChange();
    if (!latest) return std::unexpected(latest.error());
    cache_.Clear();
    ++counts_.full_drops;
    position_ = std::max(*latest, read->last_sequence);
    return {};
  }
  if (!tags.empty()) counts_.pages_dropped += cache_.DropTagged(tags);
  position_ = read->last_sequence;
  return {};
}

}  // namespace coolpapers::web
