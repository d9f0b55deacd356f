#include "search/index_block_cache.h"

#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/mutex.h"

namespace coolpapers::search {
namespace {

using FileIdentity = std::pair<dev_t, ino_t>;

struct File {
  std::uint64_t id = 0;  // never reused: a block's key names its file by it
  int descriptors = 0;
  std::uint64_t writes = 0;  // a read that began before the last write is not kept
};

struct BlockKey {
  std::uint64_t file = 0;
  std::uint64_t block = 0;  // offset / kBlockBytes
  bool operator==(const BlockKey&) const = default;
};

// splitmix64's finalizer: neighbouring blocks of a file land far apart.
std::uint64_t Mix(std::uint64_t value) {
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

struct Slot {
  BlockKey key;
  bool used = false;
  bool asked_again = false;  // CLOCK's bit: read since the hand last passed
};

constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};

// Which slot holds a key: open addressing with linear probing over twice as many places as
// slots, so a lookup is a probe or two and keeping a block allocates nothing (a node-based map's
// lookups were 3.5% of serve's CPU).
class SlotIndex {
 public:
  explicit SlotIndex(std::size_t slots) {
    std::size_t places = 2;
    while (places < 2 * slots) places *= 2;
    places_.assign(places, kNoSlot);
    mask_ = places - 1;
  }

  std::uint32_t Find(const BlockKey& key, const std::vector<Slot>& slots) const {
    for (std::size_t place = Home(key);; place = (place + 1) & mask_) {
      const std::uint32_t slot = places_[place];
      if (slot == kNoSlot || slots[slot].key == key) return slot;
    }
  }

  // `key` must not be in the index (it is slots[slot]'s key).
  void Insert(const BlockKey& key, std::uint32_t slot) {
    std::size_t place = Home(key);
    while (places_[place] != kNoSlot) place = (place + 1) & mask_;
    places_[place] = slot;
  }

  // Removes `key`, which must be in the index, moving back the keys that probed past it.
  void Erase(const BlockKey& key, const std::vector<Slot>& slots) {
    std::size_t hole = Home(key);
    while (slots[places_[hole]].key != key) hole = (hole + 1) & mask_;
    for (std::size_t place = (hole + 1) & mask_; places_[place] != kNoSlot;
         place = (place + 1) & mask_) {
      const std::size_t home = Home(slots[places_[place]].key);
      // Stays unless its home is cyclically outside (hole, place]: then the hole would break
      // its probe sequence.
      const bool reachable_past_hole =
          hole <= place ? (home > hole && home <= place) : (home > hole || home <= place);
      if (!reachable_past_hole) {
        places_[hole] = places_[place];
        hole = place;
      }
    }
    places_[hole] = kNoSlot;
  }

 private:
  std::size_t Home(const BlockKey& key) const {
    return static_cast<std::size_t>(Mix(key.block * 0x9E3779B97F4A7C15ULL + key.file)) & mask_;
  }

  std::vector<std::uint32_t> places_;
  std::size_t mask_ = 0;
};

}  // namespace

struct IndexBlockCache::Impl {
  Impl(std::size_t most_bytes, PreadFunction* read)
      : read(read), capacity(most_bytes / kBlockBytes), slot_of(capacity), slots(capacity) {
    if (capacity == 0) return;
    // Pages are taken as blocks are kept: an idle cache costs nothing.
    void* memory = ::mmap(nullptr, capacity * kBlockBytes, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED) {
      capacity = 0;  // everything read from the files, as without the cache
      return;
    }
    blocks = static_cast<unsigned char*>(memory);
  }
  ~Impl() {
    if (blocks != nullptr) ::munmap(blocks, capacity * kBlockBytes);
  }

  unsigned char* BlockAt(std::uint32_t slot) const { return blocks + slot * kBlockBytes; }

  void Keep(const BlockKey& key, const void* data) REQUIRES(mutex) {
    if (capacity == 0 || slot_of.Find(key, slots) != kNoSlot) return;
    std::uint32_t slot = 0;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
      ++held;
    } else if (never_used < capacity) {
      slot = static_cast<std::uint32_t>(never_used++);
      ++held;
    } else {
      slot = Evict();
    }
    slots[slot] = Slot{key, true, false};
    std::memcpy(BlockAt(slot), data, kBlockBytes);
    slot_of.Insert(key, slot);
  }

  // Every slot is in use: the first the hand finds not asked for since it last passed.
  std::uint32_t Evict() REQUIRES(mutex) {
    for (;;) {
      const auto slot = static_cast<std::uint32_t>(hand);
      hand = (hand + 1) % capacity;
      if (slots[slot].asked_again) {
        slots[slot].asked_again = false;
        continue;
      }
      slot_of.Erase(slots[slot].key, slots);
      return slot;
    }
  }

  void Drop(std::uint32_t slot) REQUIRES(mutex) {
    slot_of.Erase(slots[slot].key, slots);
    slots[slot].used = false;
    free_slots.push_back(slot);
    --held;
  }

  std::int64_t DropFile(std::uint64_t file) REQUIRES(mutex) {
    std::int64_t dropped = 0;
    for (std::size_t slot = 0; slot < never_used; ++slot) {
      if (slots[slot].used && slots[slot].key.file == file) {
        Drop(static_cast<std::uint32_t>(slot));
        ++dropped;
      }
    }
    return dropped;
  }

  File* FileOf(int descriptor) REQUIRES(mutex) {
    const auto found = by_descriptor.find(descriptor);
    return found == by_descriptor.end() ? nullptr : found->second;
  }

  PreadFunction* const read;
  std::size_t capacity;  // in blocks
  unsigned char* blocks = nullptr;

  mutable Mutex mutex;
  std::map<FileIdentity, File> files GUARDED_BY(mutex);
  std::unordered_map<int, File*> by_descriptor GUARDED_BY(mutex);
  std::uint64_t next_file_id GUARDED_BY(mutex) = 1;
  SlotIndex slot_of GUARDED_BY(mutex);
  std::vector<Slot> slots GUARDED_BY(mutex);
  std::int64_t held GUARDED_BY(mutex) = 0;  // blocks
  std::vector<std::uint32_t> free_slots GUARDED_BY(mutex);
  std::size_t never_used GUARDED_BY(mutex) = 0;  // slots below it have been used
  std::size_t hand GUARDED_BY(mutex) = 0;
  std::int64_t hits GUARDED_BY(mutex) = 0;
  std::int64_t misses GUARDED_BY(mutex) = 0;
  std::int64_t passed GUARDED_BY(mutex) = 0;
  std::int64_t forgotten GUARDED_BY(mutex) = 0;
};

IndexBlockCache::IndexBlockCache(std::size_t most_bytes, PreadFunction* read)
    : impl_(std::make_unique<Impl>(most_bytes, read)) {}
IndexBlockCache::~IndexBlockCache() = default;

void IndexBlockCache::Opened(int descriptor) {
  struct stat file;
  if (::fstat(descriptor, &file) != 0 || !S_ISREG(file.st_mode)) return;
  Closed(descriptor);  // a number closed by other means than close(3) and opened again
  MutexLock lock(&impl_->mutex);
  File& opened = impl_->files[FileIdentity(file.st_dev, file.st_ino)];
  if (opened.id == 0) opened.id = impl_->next_file_id++;
  ++opened.descriptors;
  impl_->by_descriptor[descriptor] = &opened;
}

void IndexBlockCache::Closed(int descriptor) {
  MutexLock lock(&impl_->mutex);
  const auto found = impl_->by_descriptor.find(descriptor);
  if (found == impl_->by_descriptor.end()) return;
  File* file = found->second;
  impl_->by_descriptor.erase(found);
  if (--file->descriptors > 0) return;
  impl_->DropFile(file->id);
  std::erase_if(impl_->files, [file](const auto& entry) { return &entry.second == file; });
}

ssize_t IndexBlockCache::Read(int descriptor, void* buffer, std::size_t count, off_t offset) {
  const bool whole_block = count == kBlockBytes && offset >= 0 && offset % kBlockBytes == 0;
  BlockKey key;
  File* file = nullptr;
  std::uint64_t writes = 0;
  {
    MutexLock lock(&impl_->mutex);
    file = impl_->FileOf(descriptor);
    if (file != nullptr && whole_block) {
      key = BlockKey{file->id, static_cast<std::uint64_t>(offset) / kBlockBytes};
      if (const std::uint32_t slot = impl_->slot_of.Find(key, impl_->slots); slot != kNoSlot) {
        impl_->slots[slot].asked_again = true;
        std::memcpy(buffer, impl_->BlockAt(slot), kBlockBytes);
        ++impl_->hits;
        return static_cast<ssize_t>(kBlockBytes);
      }
      ++impl_->misses;
      writes = file->writes;
    } else if (file != nullptr) {
      ++impl_->passed;
    }
  }
  // Outside the lock: other readers go on meanwhile. `file` stays: this descriptor is open.
  const ssize_t read = impl_->read(descriptor, buffer, count, offset);
  if (file != nullptr && whole_block && read == static_cast<ssize_t>(kBlockBytes)) {
    MutexLock lock(&impl_->mutex);
    if (file->writes == writes) impl_->Keep(key, buffer);
  }
  return read;
}

void IndexBlockCache::Written(int descriptor, off_t offset, std::size_t count) {
  std::optional<FileIdentity> identity;  // of a descriptor not Opened (the writer's)
  {
    MutexLock lock(&impl_->mutex);
    if (impl_->files.empty()) return;
    if (impl_->FileOf(descriptor) == nullptr) identity.emplace();
  }
  if (identity) {
    struct stat file;
    if (::fstat(descriptor, &file) != 0) return;
    identity = FileIdentity(file.st_dev, file.st_ino);
  }
  MutexLock lock(&impl_->mutex);
  File* file = nullptr;
  if (identity) {
    const auto found = impl_->files.find(*identity);
    if (found != impl_->files.end()) file = &found->second;
  } else {
    file = impl_->FileOf(descriptor);
  }
  if (file == nullptr || count == 0 || offset < 0) return;
  ++file->writes;
  const std::uint64_t first = static_cast<std::uint64_t>(offset) / kBlockBytes;
  const std::uint64_t last = (static_cast<std::uint64_t>(offset) + count - 1) / kBlockBytes;
  if (last - first >= impl_->capacity) {  // a write larger than the cache: look at every slot
    impl_->forgotten += impl_->DropFile(file->id);
    return;
  }
  for (std::uint64_t block = first; block <= last; ++block) {
    const std::uint32_t slot = impl_->slot_of.Find(BlockKey{file->id, block}, impl_->slots);
    if (slot != kNoSlot) {
      impl_->Drop(slot);
      ++impl_->forgotten;
    }
  }
}

IndexBlockCacheCounts IndexBlockCache::Counts() const {
  MutexLock lock(&impl_->mutex);
  return IndexBlockCacheCounts{.hits = impl_->hits,
                               .misses = impl_->misses,
                               .passed = impl_->passed,
                               .forgotten = impl_->forgotten,
                               .blocks = impl_->held,
                               .most_bytes = impl_->capacity * kBlockBytes};
}

namespace {
std::atomic<IndexBlockCache*> process_cache{nullptr};  // never destroyed: closes come at exit
}  // namespace

void CacheIndexBlocks(std::size_t most_bytes) {
  if (most_bytes < kBlockBytes) return;
  static std::once_flag once;
  std::call_once(once, [most_bytes] {
    // The C library's pread: this executable's own is the hook that calls the cache.
    auto* library_pread = reinterpret_cast<PreadFunction*>(::dlsym(RTLD_NEXT, "pread"));
    process_cache.store(new IndexBlockCache(most_bytes, library_pread), std::memory_order_release);
  });
}

IndexBlockCache* ProcessIndexBlockCache() {
  return process_cache.load(std::memory_order_acquire);
}

IndexBlockCacheCounts CountIndexBlockCache() {
  const IndexBlockCache* cache = ProcessIndexBlockCache();
  return cache == nullptr ? IndexBlockCacheCounts{} : cache->Counts();
}

}  // namespace coolpapers::search
