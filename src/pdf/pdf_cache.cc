#include "pdf/pdf_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

namespace coolpapers::pdf {
namespace {

namespace fs = std::filesystem;

// Files being written carry this prefix until renamed; one still there at Open is a crash's.
constexpr std::string_view kTempPrefix = ".tmp-";
constexpr std::string_view kSuffix = ".pdf";
constexpr std::string_view kVenuePrefix = "venue_";
// Linux's NAME_MAX (255) less the room Put's temporary name adds.
constexpr size_t kMaxNameLength = 200;

bool IsPlainVenueByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '@' || c == '-';
}

// The id VenuePdfFileName wrote into `escaped`, or nullopt for a name it never writes.
std::optional<VenuePaperId> UnescapeVenueId(std::string_view escaped) {
  std::string text;
  for (size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '%') {
      text += escaped[i];
      continue;
    }
    if (i + 2 >= escaped.size()) return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(escaped.data() + i + 1, escaped.data() + i + 3, value, 16);
    if (ec != std::errc() || end != escaped.data() + i + 3) return std::nullopt;
    text += static_cast<char>(value);
    i += 2;
  }
  Result<VenuePaperId> id = ParseVenuePaperId(text);
  if (!id) return std::nullopt;
  return *std::move(id);
}

std::string Errno() { return std::strerror(errno); }

std::chrono::system_clock::time_point TimeOf(const struct timespec& time) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(time.tv_sec) + std::chrono::nanoseconds(time.tv_nsec)));
}

// Recency survives restarts in the access time, set explicitly because mounts with relatime or
// noatime do not update it on reads. The mtime stays the time the PDF was stored.
void MarkUsed(const fs::path& path) {
  const struct timespec times[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
  // A failure only costs recency (the file may have just been evicted): nothing to report.
  (void)::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

// True for the name PdfFileName gives some versioned id, or VenuePdfFileName some venue id;
// false for files not ours.
bool IsPdfName(const std::string& name) {
  if (!name.ends_with(kSuffix) || name.starts_with('.')) return false;
  if (name.starts_with(kVenuePrefix)) {
    const std::string_view escaped = std::string_view(name).substr(
        kVenuePrefix.size(), name.size() - kVenuePrefix.size() - kSuffix.size());
    const std::optional<VenuePaperId> id = UnescapeVenueId(escaped);
    return id && VenuePdfFileName(*id) == name;
  }
  std::string id = name.substr(0, name.size() - kSuffix.size());
  std::replace(id.begin(), id.end(), '_', '/');
  Result<ArxivId> parsed = ArxivId::Parse(id);
  return parsed && parsed->version() > 0 && PdfFileName(*parsed) == name;
}

Result<void> WriteWhole(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Fail(ErrorCode::kUnavailable, "cannot write to the PDF cache",
                "open " + path.string() + ": " + Errno());
  }
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = Errno();
      ::close(fd);
      return Fail(ErrorCode::kUnavailable, "cannot write to the PDF cache (is the disk full?)",
                  "write " + path.string() + ": " + why);
    }
    written += static_cast<size_t>(n);
  }
  // Flushed before the rename, so a power cut cannot leave an empty file under the real name.
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return Fail(ErrorCode::kUnavailable, "cannot write to the PDF cache",
                "fsync/close " + path.string() + ": " + Errno());
  }
  return {};
}

}  // namespace

std::string PdfFileName(const ArxivId& id) {
  std::string name = id.WithVersion();
  std::replace(name.begin(), name.end(), '/', '_');
  return name + std::string(kSuffix);
}

std::string VenuePdfFileName(const VenuePaperId& id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name(kVenuePrefix);
  for (const char c : id.ToString()) {
    if (IsPlainVenueByte(c)) {
      name += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      name += '%';
      name += kHex[byte >> 4];
      name += kHex[byte & 0xF];
    }
  }
  return name + std::string(kSuffix);
}

PdfCache::PdfCache(fs::path dir, uint64_t max_bytes) : dir_(std::move(dir)), max_bytes_(max_bytes) {}

Result<std::unique_ptr<PdfCache>> PdfCache::Open(const fs::path& dir, uint64_t max_bytes) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot create the PDF cache folder " + dir.string(),
                ec.message());
  }
  struct Found {
    std::string name;
    uint64_t size;
    std::chrono::system_clock::time_point used;
  };
  std::vector<Found> found;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "cannot list the PDF cache folder " + dir.string(),
                ec.message());
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      return Fail(ErrorCode::kUnavailable, "cannot list the PDF cache folder " + dir.string(),
                  ec.message());
    }
    const std::string name = it->path().filename().string();
    if (name.starts_with(kTempPrefix)) {
      fs::remove(it->path(), ec);  // a crash's partial write; never visible under a real name
      continue;
    }
    struct stat info {};
    if (!IsPdfName(name) || ::stat(it->path().c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      continue;
    }
    found.push_back({name, static_cast<uint64_t>(info.st_size), TimeOf(info.st_atim)});
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.used < b.used; });
  std::unique_ptr<PdfCache> cache(new PdfCache(dir, max_bytes));
  MutexLock lock(&cache->mutex_);
  for (const Found& file : found) cache->TouchLocked(file.name, file.size);  // oldest first
  cache->EvictLocked({});
  return cache;
}

std::optional<CachedPdf> PdfCache::Find(const ArxivId& id) {
  if (id.version() <= 0) return std::nullopt;
  return FindNamed(PdfFileName(id));
}

std::optional<CachedPdf> PdfCache::Find(const VenuePaperId& id) {
  return FindNamed(VenuePdfFileName(id));
}

std::optional<CachedPdf> PdfCache::FindNamed(const std::string& name) {
  const fs::path path = dir_ / name;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    MutexLock lock(&mutex_);
    ForgetLocked(name);  // evicted by another process sharing the folder
    return std::nullopt;
  }
  MarkUsed(path);
  {
    MutexLock lock(&mutex_);
    TouchLocked(name, static_cast<uint64_t>(info.st_size));
    EvictLocked(name);  // only does something for a file another process added
  }
  return CachedPdf{path, static_cast<uint64_t>(info.st_size), TimeOf(info.st_mtim)};
}

Result<std::string> PdfCache::Read(const ArxivId& id, std::optional<ByteRange> range) {
  if (id.version() <= 0) {
    return Fail(ErrorCode::kNotFound, "the PDF of " + id.WithVersion() + " is not cached");
  }
  return ReadNamed(PdfFileName(id), id.WithVersion(), range);
}

Result<std::string> PdfCache::Read(const VenuePaperId& id, std::optional<ByteRange> range) {
  return ReadNamed(VenuePdfFileName(id), id.ToString(), range);
}

Result<std::string> PdfCache::ReadNamed(const std::string& name, const std::string& label,
                                        std::optional<ByteRange> range) {
  const fs::path path = dir_ / name;
  const auto not_cached = [&] {
    return Fail(ErrorCode::kNotFound, "the PDF of " + label + " is not cached");
  };
  // Once open, the bytes stay readable even if the file is evicted meanwhile (unlink keeps an
  // open file's data).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENAMETOOLONG) {
      MutexLock lock(&mutex_);
      ForgetLocked(name);
      return not_cached();
    }
    return Fail(ErrorCode::kUnavailable, "cannot read the cached PDF of " + label,
                "open " + path.string() + ": " + Errno());
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const std::string why = Errno();
    ::close(fd);
    return Fail(ErrorCode::kUnavailable, "cannot read the cached PDF of " + label,
                "fstat " + path.string() + ": " + why);
  }
  const auto size = static_cast<uint64_t>(info.st_size);
  const ByteRange want = range.value_or(ByteRange{0, size});
  if (want.offset > size || want.length > size - want.offset) {
    ::close(fd);
    return Fail(ErrorCode::kInvalidArgument,
                "byte range " + std::to_string(want.offset) + "+" + std::to_string(want.length) +
                    " is outside the PDF of " + label + " (" + std::to_string(size) +
                    " bytes)");
  }
  std::string bytes(want.length, '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done,
                              static_cast<off_t>(want.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n == 0 ? "unexpected end of file" : Errno();
      ::close(fd);
      return Fail(ErrorCode::kUnavailable, "cannot read the cached PDF of " + label,
                  "pread " + path.string() + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  MarkUsed(path);
  MutexLock lock(&mutex_);
  TouchLocked(name, size);
  EvictLocked(name);
  return bytes;
}

Result<bool> PdfCache::Put(const ArxivId& id, std::string_view bytes) {
  if (id.version() <= 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot cache the PDF of " + id.str() + ": expected a versioned id such as " +
                    id.str() + "v1");
  }
  return PutNamed(PdfFileName(id), bytes);
}

Result<bool> PdfCache::Put(const VenuePaperId& id, std::string_view bytes) {
  std::string name = VenuePdfFileName(id);
  if (name.size() > kMaxNameLength) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot cache the PDF of venue paper " + id.ToString() + ": its id is too long (" +
                    std::to_string(name.size()) + " bytes as a file name, at most " +
                    std::to_string(kMaxNameLength) + ")");
  }
  return PutNamed(name, bytes);
}

Result<bool> PdfCache::PutNamed(const std::string& name, std::string_view bytes) {
  if (bytes.size() > max_bytes_) return false;
  uint64_t counter = 0;
  {
    MutexLock lock(&mutex_);
    counter = ++temp_counter_;
  }
  const fs::path temp = dir_ / (std::string(kTempPrefix) + name + "." + std::to_string(::getpid()) +
                                "." + std::to_string(counter));
  if (Result<void> written = WriteWhole(temp, bytes); !written) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return std::unexpected(written.error());
  }
  MutexLock lock(&mutex_);
  std::error_code ec;
  fs::rename(temp, dir_ / name, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return Fail(ErrorCode::kUnavailable, "cannot write to the PDF cache",
                "rename " + temp.string() + ": " + ec.message());
  }
  ForgetLocked(name);  // the copy replaced, if any
  TouchLocked(name, bytes.size());
  EvictLocked(name);
  return true;
}

PdfCacheUsage PdfCache::Usage() const {
  MutexLock lock(&mutex_);
  return {bytes_, static_cast<int64_t>(entries_.size()), max_bytes_};
}

void PdfCache::TouchLocked(const std::string& name, uint64_t size) {
  auto it = entries_.find(name);
  if (it != entries_.end()) {
    bytes_ = bytes_ - it->second.size + size;
    it->second.size = size;
    recency_.splice(recency_.begin(), recency_, it->second.recency);
    return;
  }
  recency_.push_front(name);
  entries_.emplace(name, Entry{size, recency_.begin()});
  bytes_ += size;
}

void PdfCache::ForgetLocked(const std::string& name) {
  auto it = entries_.find(name);
  if (it == entries_.end()) return;
  bytes_ -= it->second.size;
  recency_.erase(it->second.recency);
  entries_.erase(it);
}

void PdfCache::EvictLocked(const std::string& keep) {
  auto victim = recency_.end();
  while (bytes_ > max_bytes_ && victim != recency_.begin()) {
    --victim;
    if (*victim == keep) continue;
    std::error_code ignored;  // already gone is as good as removed
    fs::remove(dir_ / *victim, ignored);
    const std::string name = *victim;
    victim = std::next(victim);  // stays valid: ForgetLocked erases only the element before it
    ForgetLocked(name);
  }
}

}  // namespace coolpapers::pdf
