#include "ingest/jsonl_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace coolpapers::ingest {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string Quoted(const std::filesystem::path& path) { return "\"" + path.string() + "\""; }

}  // namespace

JsonlReader::JsonlReader(std::filesystem::path path, std::FILE* file, int64_t size_bytes)
    : path_(std::move(path)), file_(file), buffer_(kReadSize), size_bytes_(size_bytes) {}

Result<JsonlReader> JsonlReader::Open(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    if (error == ENOENT) {
      return Fail(ErrorCode::kNotFound, "no such file " + Quoted(path) + ": expected a JSON Lines file");
    }
    return Fail(ErrorCode::kUnavailable,
                "cannot read " + Quoted(path) + ": " + std::strerror(error));
  }
  // Owned from here, so every early return closes it.
  std::unique_ptr<std::FILE, FileCloser> owned(file);
  struct stat info {};
  if (fstat(fileno(file), &info) != 0) {
    return Fail(ErrorCode::kUnavailable, "cannot read " + Quoted(path) + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) {
    return Fail(ErrorCode::kUnavailable,
                "cannot read " + Quoted(path) + ": it is a folder, expected a JSON Lines file");
  }
  // Our buffer already batches reads; stdio's own buffer would only add a copy.
  std::setvbuf(file, nullptr, _IONBF, 0);
  return JsonlReader(path, owned.release(), static_cast<int64_t>(info.st_size));
}

Result<bool> JsonlReader::Fill() {
  if (at_eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // A line longer than the buffer doubles it; memory stays bounded by the longest line.
  if (buffer_.size() - end_ < kReadSize / 2) buffer_.resize(buffer_.size() * 2);
  const size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_.get());
  if (got == 0) {
    if (std::ferror(file_.get()) != 0) {
      return Fail(ErrorCode::kUnavailable,
                  "cannot read " + Quoted(path_) + ": " + std::strerror(errno));
    }
    at_eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

Result<std::optional<std::string_view>> JsonlReader::NextLine() {
  size_t scanned = begin_;  // bytes before this are known to hold no newline
  for (;;) {
    const void* newline = std::memchr(buffer_.data() + scanned, '\n', end_ - scanned);
    if (newline != nullptr || at_eof_) {
      const size_t stop =
          newline != nullptr ? static_cast<const char*>(newline) - buffer_.data() : end_;
      if (newline == nullptr && stop == begin_) return std::nullopt;
      std::string_view line(buffer_.data() + begin_, stop - begin_);
      const size_t consumed = stop - begin_ + (newline != nullptr ? 1 : 0);
      begin_ += consumed;
      bytes_consumed_ += static_cast<int64_t>(consumed);
      ++line_number_;
      if (line_number_ == 1 && line.starts_with(kByteOrderMark)) line.remove_prefix(3);
      if (line.ends_with('\r')) line.remove_suffix(1);
      return line;
    }
    scanned = end_ - begin_;  // Fill moves the unconsumed bytes to the front
    auto filled = Fill();
    if (!filled) return std::unexpected(std::move(filled.error()));
  }
}

}  // namespace coolpapers::ingest
