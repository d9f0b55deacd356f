#include "search/mapped_index_reads.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdarg>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>

#include "core/mutex.h"
#include "search/index_block_cache.h"
#include "search/resident_mappings.h"

namespace coolpapers::search {
namespace {

// One table's mapping, shared by every descriptor open on the same file of the same size (each
// reader of the index opens its own).
struct Table {
  const unsigned char* data = nullptr;
  std::size_t size = 0;
  std::uint64_t resident_id = 0;  // ResidentMappings'
  int descriptors = 0;            // guarded by State::mutex
};

using TableKey = std::tuple<dev_t, ino_t, off_t>;

// Descriptors beyond this are read by pread(2): Xapian opens its tables among a process's first.
constexpr int kMostDescriptors = 1 << 16;

// How many reads from mappings between two looks at the resident memory (a look is a few system
// calls; 256 reads are about one search of several words at 2.7M papers).
constexpr std::int64_t kReadsBetweenLooks = 256;

struct State {
  std::atomic<bool> on{false};
  std::atomic<std::int64_t> reads_mapped{0};
  std::atomic<std::int64_t> reads_passed{0};
  Mutex mutex;
  std::map<TableKey, std::unique_ptr<Table>> tables GUARDED_BY(mutex);
  std::optional<std::uint64_t> bound GUARDED_BY(mutex);  // the ResidentMappings id of it
};

// The table each descriptor reads, written only by the thread that opens or closes it (a
// descriptor is used by one reader at a time, and only between its open and its close). Zero at
// load: the pages of descriptors never mapped are never touched.
std::array<std::atomic<Table*>, kMostDescriptors> by_descriptor{};

State& TheState() {
  static State* const state = new State;  // never destroyed: closes may come at exit
  return *state;
}

template <typename Function>
Function* Next(const char* name) {
  return reinterpret_cast<Function*>(::dlsym(RTLD_NEXT, name));
}

using OpenFunction = int(const char*, int, ...);
using PwriteFunction = ssize_t(int, const void*, std::size_t, off_t);
using CloseFunction = int(int);

bool IsGlassTable(const char* path) {
  return std::string_view(path).ends_with(".glass");
}

void MapTable(int descriptor) {
  struct stat file;
  if (::fstat(descriptor, &file) != 0 || !S_ISREG(file.st_mode) || file.st_size <= 0) return;
  State& state = TheState();
  MutexLock lock(&state.mutex);
  std::unique_ptr<Table>& table = state.tables[TableKey(file.st_dev, file.st_ino, file.st_size)];
  if (table == nullptr) {
    const auto size = static_cast<std::size_t>(file.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, descriptor, 0);
    if (data == MAP_FAILED) {
      state.tables.erase(TableKey(file.st_dev, file.st_ino, file.st_size));
      return;  // read by pread(2), as without mappings
    }
    table = std::make_unique<Table>(Table{static_cast<const unsigned char*>(data), size,
                                          ResidentMappings::Process().Add(data, size, 0), 0});
  }
  ++table->descriptors;
  by_descriptor[static_cast<std::size_t>(descriptor)].store(table.get(),
                                                                  std::memory_order_release);
}

void UnmapTable(Table* table) {
  State& state = TheState();
  MutexLock lock(&state.mutex);
  if (--table->descriptors > 0) return;
  ResidentMappings::Process().Remove(table->resident_id);
  ::munmap(const_cast<unsigned char*>(table->data), table->size);
  std::erase_if(state.tables, [table](const auto& entry) { return entry.second.get() == table; });
}

}  // namespace

void MapIndexReads(bool on, std::size_t most_resident) {
  State& state = TheState();
  MutexLock lock(&state.mutex);
  if (state.bound) ResidentMappings::Process().Remove(*state.bound);
  state.bound.reset();
  if (on) state.bound = ResidentMappings::Process().Add(nullptr, 0, most_resident);
  state.on = on;
}

MappedIndexReads CountMappedIndexReads() {
  State& state = TheState();
  MappedIndexReads counts;
  {
    MutexLock lock(&state.mutex);
    counts.tables_mapped = static_cast<std::int64_t>(state.tables.size());
  }
  counts.reads_mapped = state.reads_mapped.load();
  counts.reads_passed = state.reads_passed.load();
  counts.releases = ResidentMappings::Process().releases();
  return counts;
}

}  // namespace coolpapers::search

// The process's open, pread, pwrite and close (see the header): libxapian's calls come here
// first. A table opened read-only is mapped when mapping is on, else read through the block cache
// when that is on (index_block_cache.h), which every pwrite keeps true.
extern "C" {

int open(const char* path, int flags, ...) {
  static auto* const next = coolpapers::search::Next<coolpapers::search::OpenFunction>("open");
  mode_t mode = 0;
  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE) {
    std::va_list arguments;
    va_start(arguments, flags);
    mode = va_arg(arguments, mode_t);
    va_end(arguments);
  }
  const int descriptor = next(path, flags, mode);
  using namespace coolpapers::search;
  if (descriptor < 0 || (flags & O_ACCMODE) != O_RDONLY || !IsGlassTable(path)) return descriptor;
  if (descriptor < kMostDescriptors && TheState().on.load(std::memory_order_relaxed)) {
    MapTable(descriptor);
  } else if (IndexBlockCache* cache = ProcessIndexBlockCache()) {
    cache->Opened(descriptor);
  }
  return descriptor;
}

ssize_t pread(int descriptor, void* buffer, std::size_t count, off_t offset) {
  static auto* const next = coolpapers::search::Next<coolpapers::search::PreadFunction>("pread");
  using namespace coolpapers::search;
  if (descriptor >= 0 && descriptor < kMostDescriptors) {
    const Table* table =
        by_descriptor[static_cast<std::size_t>(descriptor)].load(std::memory_order_acquire);
    if (table != nullptr) {
      State& state = TheState();
      if (offset >= 0 && static_cast<std::size_t>(offset) <= table->size &&
          count <= table->size - static_cast<std::size_t>(offset)) {
        std::memcpy(buffer, table->data + offset, count);
        if (state.reads_mapped.fetch_add(1, std::memory_order_relaxed) % kReadsBetweenLooks ==
            kReadsBetweenLooks - 1) {
          ResidentMappings::Process().Look();
        }
        return static_cast<ssize_t>(count);
      }
      state.reads_passed.fetch_add(1, std::memory_order_relaxed);
      return next(descriptor, buffer, count, offset);
    }
  }
  if (IndexBlockCache* cache = ProcessIndexBlockCache()) {
    return cache->Read(descriptor, buffer, count, offset);
  }
  return next(descriptor, buffer, count, offset);
}

ssize_t pwrite(int descriptor, const void* buffer, std::size_t count, off_t offset) {
  static auto* const next = coolpapers::search::Next<coolpapers::search::PwriteFunction>("pwrite");
  const ssize_t written = next(descriptor, buffer, count, offset);
  // After the write: a read that began before it is not kept (index_block_cache.h).
  if (auto* cache = coolpapers::search::ProcessIndexBlockCache()) {
    cache->Written(descriptor, offset, count);
  }
  return written;
}

int close(int descriptor) {
  static auto* const next = coolpapers::search::Next<coolpapers::search::CloseFunction>("close");
  using namespace coolpapers::search;
  if (descriptor >= 0 && descriptor < kMostDescriptors) {
    Table* table = by_descriptor[static_cast<std::size_t>(descriptor)].exchange(
        nullptr, std::memory_order_acq_rel);
    if (table != nullptr) UnmapTable(table);
  }
  if (auto* cache = ProcessIndexBlockCache()) cache->Closed(descriptor);
  return next(descriptor);
}

}  // extern "C"
