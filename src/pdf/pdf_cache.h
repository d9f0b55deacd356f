// The local PDF cache: one file per paper version in a folder, bounded in bytes, the least
// recently used evicted first. The files are the truth: a restart (or another process sharing
// the folder) sees what is there, and recency lives in each file's access time, which the cache
// sets itself on every hit. A file appears only whole (written aside, then renamed).
#ifndef COOLPAPERS_PDF_PDF_CACHE_H_
#define COOLPAPERS_PDF_PDF_CACHE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "core/mutex.h"
#include "core/venue.h"

namespace coolpapers::pdf {

struct CachedPdf {
  std::filesystem::path path;
  uint64_t size = 0;
  // When the file was stored (its mtime): the PDF's Last-Modified.
  std::chrono::system_clock::time_point modified;
};

struct PdfCacheUsage {
  uint64_t bytes = 0;      // sum of the cached files' sizes
  int64_t entries = 0;
  uint64_t max_bytes = 0;  // the bound
};

// A byte range of a file: `length` bytes from `offset`.
struct ByteRange {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// The cache's file name of a versioned id: "2401.06769v2" -> "2401.06769v2.pdf",
// "hep-th/9901001v1" -> "hep-th_9901001v1.pdf" ('_' never occurs in an id, so names are
// unique). Pure.
std::string PdfFileName(const ArxivId& id);

// The cache's file name of a venue paper (whose PDF has no versions): "venue_" and the id with
// every byte but [A-Za-z0-9.@-] written %XX, then ".pdf":
// "Park_SplineGS@CVPR2025@CVF" -> "venue_Park%5FSplineGS@CVPR2025@CVF.pdf". No id can name a
// file outside the folder ('/' is escaped, and the prefix rules out "." and ".."), no two ids
// share a name, and no arXiv id's name starts so. Pure.
std::string VenuePdfFileName(const VenuePaperId& id);

class PdfCache {
 public:
  // Opens (creating when needed) the folder `dir` with a bound of `max_bytes`, reads the sizes
  // and access times of the PDFs already there, removes the temporary files a crash left
  // behind, and evicts down to the bound. Other files are left alone and not counted.
  // Errors: kUnavailable naming the folder when it cannot be created or listed.
  [[nodiscard]] static Result<std::unique_ptr<PdfCache>> Open(const std::filesystem::path& dir,
                                                              uint64_t max_bytes);

  // The cached PDF of `id` (which must carry a version: "2401.06769v2"), marking it as just
  // used; nullopt when absent or when `id` has no version. Thread-safe, like every method.
  std::optional<CachedPdf> Find(const ArxivId& id);

  // The bytes of `id`'s PDF, all of them or `range` (which must lie within the file), marking
  // it as just used. Errors: kNotFound when it is not cached (or was evicted a moment ago);
  // kInvalidArgument for a range past the end; kUnavailable when the file cannot be read.
  [[nodiscard]] Result<std::string> Read(const ArxivId& id,
                                         std::optional<ByteRange> range = std::nullopt);

  // Stores `bytes` as `id`'s PDF (replacing an older copy), then evicts the least recently used
  // others until the cache is within its bound. Returns false, storing nothing, when the PDF
  // alone is larger than the bound. The file is written under a temporary name, flushed and
  // renamed, so a crash never leaves a partial PDF visible. Errors: kInvalidArgument when `id`
  // has no version; kUnavailable when the file cannot be written.
  [[nodiscard]] Result<bool> Put(const ArxivId& id, std::string_view bytes);

  // The same three for a venue paper's PDF (VenuePdfFileName), which has no versions; Put's
  // kInvalidArgument is for an id whose file name would be too long for the file system.
  std::optional<CachedPdf> Find(const VenuePaperId& id);
  [[nodiscard]] Result<std::string> Read(const VenuePaperId& id,
                                         std::optional<ByteRange> range = std::nullopt);
  [[nodiscard]] Result<bool> Put(const VenuePaperId& id, std::string_view bytes);

  PdfCacheUsage Usage() const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct Entry {
    uint64_t size = 0;
    std::list<std::string>::iterator recency;  // position in recency_
  };

  PdfCache(std::filesystem::path dir, uint64_t max_bytes);
  // Find, Read and Put by file name; `label` names the PDF in messages ("2401.06769v2").
  std::optional<CachedPdf> FindNamed(const std::string& name);
  Result<std::string> ReadNamed(const std::string& name, const std::string& label,
                                std::optional<ByteRange> range);
  Result<bool> PutNamed(const std::string& name, std::string_view bytes);
  // Records `name` as the most recently used, with `size`.
  void TouchLocked(const std::string& name, uint64_t size) REQUIRES(mutex_);
  void ForgetLocked(const std::string& name) REQUIRES(mutex_);
  // Removes least recently used files (never `keep`) until bytes_ <= max_bytes_.
  void EvictLocked(const std::string& keep) REQUIRES(mutex_);

  const std::filesystem::path dir_;
  const uint64_t max_bytes_;
  mutable Mutex mutex_;
  std::unordered_map<std::string, Entry> entries_ GUARDED_BY(mutex_);  // by file name
  std::list<std::string> recency_ GUARDED_BY(mutex_);                  // most recent first
  uint64_t bytes_ GUARDED_BY(mutex_) = 0;
  uint64_t temp_counter_ GUARDED_BY(mutex_) = 0;
};

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_PDF_CACHE_H_
