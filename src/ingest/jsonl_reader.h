// Streams a JSON Lines file one line at a time in constant memory: large buffered reads, and a
// buffer that grows only to the longest line. Knows the line number and how far it has read,
// for error reports and progress.
#ifndef COOLPAPERS_INGEST_JSONL_READER_H_
#define COOLPAPERS_INGEST_JSONL_READER_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::ingest {

class JsonlReader {
 public:
  static constexpr size_t kReadSize = size_t{1} << 20;

  // Opens a file for reading. Returns kNotFound for a missing file and kUnavailable for one
  // that cannot be read (permissions, a folder), each naming the path.
  [[nodiscard]] static Result<JsonlReader> Open(const std::filesystem::path& path);

  JsonlReader(JsonlReader&&) noexcept = default;
  JsonlReader& operator=(JsonlReader&&) noexcept = default;

  // The next line, without its "\n" or "\r\n"; std::nullopt at the end of the file. The last
  // line need not end in "\n". A UTF-8 byte order mark opening the file is skipped. The view
  // is valid until the next call. Returns kUnavailable, naming the path, on a read error.
  [[nodiscard]] Result<std::optional<std::string_view>> NextLine();

  // 1-based number of the line NextLine last returned (0 before the first).
  int64_t line_number() const { return line_number_; }
  // Bytes of the file up to the end of the line NextLine last returned.
  int64_t bytes_consumed() const { return bytes_consumed_; }
  // The file's size when it was opened.
  int64_t size_bytes() const { return size_bytes_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  JsonlReader(std::filesystem::path path, std::FILE* file, int64_t size_bytes);
  // Reads more of the file after the unconsumed bytes; false at the end of the file.
  [[nodiscard]] Result<bool> Fill();

  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // first unconsumed byte in buffer_
  size_t end_ = 0;    // one past the last byte read into buffer_
  bool at_eof_ = false;
  int64_t line_number_ = 0;
  int64_t bytes_consumed_ = 0;
  int64_t size_bytes_ = 0;
};

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_JSONL_READER_H_
