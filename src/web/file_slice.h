// A part of an open file as a response body (a PDF, whole or a Range of it): the server sends
// it with sendfile(2) as the socket drains, from the page cache to the socket without a copy
// through the process, so a slow reader of a large file costs no memory per byte (issue #18
// finding 4) and a crowd of readers little CPU (the strangers benchmark's PDF readers).
#ifndef COOLPAPERS_WEB_FILE_SLICE_H_
#define COOLPAPERS_WEB_FILE_SLICE_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/error.h"

namespace coolpapers::web {

// A file opened for reading, closed when the last owner lets go. An open file stays readable
// after it is removed (the PDF cache may evict it while a reader is still downloading).
class OpenFile {
 public:
  // Errors: kNotFound when `path` does not exist; kUnavailable when it cannot be opened or
  // stat'ed.
  [[nodiscard]] static Result<std::shared_ptr<const OpenFile>> Open(const std::filesystem::path& path);

  ~OpenFile();
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;

  // The size when opened.
  uint64_t size() const { return size_; }

  // Reads up to into.size() bytes at `offset` (fewer only at the end of the file); returns how
  // many. Thread-safe (positioned reads). Errors: kUnavailable.
  [[nodiscard]] Result<size_t> ReadAt(uint64_t offset, std::span<char> into) const;

  // Sends up to `count` bytes at `offset` to the non-blocking socket `socket` with sendfile(2),
  // no copy through this process; returns how many went, 0 when the socket's buffer is full
  // (wait until it is writable). Thread-safe (the file's offset is not used). Errors:
  // kUnavailable when the socket fails or the file ends before `offset` + 1 (it shrank since
  // it was opened).
  [[nodiscard]] Result<size_t> SendTo(int socket, uint64_t offset, size_t count) const;

 private:
  OpenFile(int fd, uint64_t size) : fd_(fd), size_(size) {}
  const int fd_;
  const uint64_t size_;
};

// `length` bytes of `file` from `offset`; the range lies within the file.
struct FileSlice {
  std::shared_ptr<const OpenFile> file;
  uint64_t offset = 0;
  uint64_t length = 0;

  // The bytes, all at once: for tests and small slices, never for a response.
  [[nodiscard]] Result<std::string> ReadAll() const;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FILE_SLICE_H_
