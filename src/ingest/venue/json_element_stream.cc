#include "ingest/venue/json_element_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace coolpapers::ingest {
namespace {

constexpr size_t kChunkSize = size_t{1} << 20;

}  // namespace

JsonElementStream::JsonElementStream(std::filesystem::path path, std::FILE* file,
                                     int64_t size_bytes, std::vector<std::string> array_keys)
    : path_(std::move(path)),
      file_(file),
      array_keys_(std::move(array_keys)),
      chunk_(kChunkSize),
      size_bytes_(size_bytes) {}

Result<JsonElementStream> JsonElementStream::Open(const std::filesystem::path& path,
                                                  std::vector<std::string> array_keys) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  if (!exists) return Fail(ErrorCode::kNotFound, "no such file: \"" + path.string() + "\"");
  const auto size = std::filesystem::file_size(path, error);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr || error) {
    if (file != nullptr) std::fclose(file);
    return Fail(ErrorCode::kUnavailable, "cannot read \"" + path.string() + "\"",
                error ? error.message() : std::strerror(errno));
  }
  return JsonElementStream(path, file, static_cast<int64_t>(size), std::move(array_keys));
}

bool JsonElementStream::StepInString(char c) {
  if (!in_string_) return false;
  if (escaped_) {
    escaped_ = false;
  } else if (c == '\\') {
    escaped_ = true;
  } else if (c == '"') {
    in_string_ = false;
  }
  return true;
}

bool JsonElementStream::ScanSkeletonByte(char c) {
  if (StepInString(c)) {
    skeleton_.push_back(c);
    if (in_string_) {
      key_text_.push_back(c);
    } else if (!frames_.empty() && !frames_.back().is_array && frames_.back().expects_key) {
      frames_.back().key = key_text_;
      frames_.back().expects_key = false;
    }
    return false;
  }
  const bool in_streaming_array = !frames_.empty() && frames_.back().streams;
  if (c == '{' && in_streaming_array) return true;
  skeleton_.push_back(c);
  switch (c) {
    case '"':
      in_string_ = true;
      key_text_.clear();
      break;
    case '{':
      frames_.push_back({.is_array = false, .streams = false, .expects_key = true, .key = {}});
      break;
    case '[': {
      // The root array, or an array under one of the keys.
      const bool streams =
          frames_.empty() ||
          (!frames_.back().is_array &&
           std::ranges::find(array_keys_, frames_.back().key) != array_keys_.end());
      frames_.push_back({.is_array = true, .streams = streams, .expects_key = false, .key = {}});
      break;
    }
    case '}':
    case ']':
      if (!frames_.empty()) frames_.pop_back();
      break;
    case ',':
      if (!frames_.empty() && !frames_.back().is_array) frames_.back().expects_key = true;
      break;
    default:
      break;
  }
  return false;
}

size_t JsonElementStream::ScanElement(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\n') ++line_;
    if (StepInString(c)) {
      continue;
    } else if (c == '"') {
      in_string_ = true;
    } else if (c == '{' || c == '[') {
      ++element_depth_;
    } else if ((c == '}' || c == ']') && --element_depth_ == 0) {
      return i + 1;
    }
  }
  return bytes.size();
}

Result<std::optional<JsonElementStream::Element>> JsonElementStream::Next() {
  if (element_depth_ == 0) element_.clear();
  for (;;) {
    while (chunk_begin_ < chunk_end_) {
      if (element_depth_ > 0) {
        // Inside an object: scan a run of bytes and copy it in one go.
        const std::string_view rest(chunk_.data() + chunk_begin_, chunk_end_ - chunk_begin_);
        const size_t used = ScanElement(rest);
        element_.append(rest.substr(0, used));
        chunk_begin_ += used;
        bytes_read_ += static_cast<int64_t>(used);
        if (element_depth_ == 0) {
          skeleton_ += "null";
          bytes_consumed_ = bytes_read_;
          return Element{element_, element_line_};
        }
        continue;
      }
      const char c = chunk_[chunk_begin_++];
      ++bytes_read_;
      if (ScanSkeletonByte(c)) {
        element_.assign(1, c);
        element_depth_ = 1;
        element_line_ = line_;
      }
      if (c == '\n') ++line_;
    }
    if (file_ == nullptr) return std::nullopt;
    const size_t got = std::fread(chunk_.data(), 1, chunk_.size(), file_.get());
    if (got == 0) {
      if (std::ferror(file_.get())) {
        return Fail(ErrorCode::kUnavailable, "cannot read \"" + path_.string() + "\"",
                    std::strerror(errno));
      }
      file_.reset();
      bytes_consumed_ = bytes_read_;
      return std::nullopt;
    }
    chunk_begin_ = 0;
    chunk_end_ = got;
  }
}

}  // namespace coolpapers::ingest
