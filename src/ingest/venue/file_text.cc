#include "ingest/venue/file_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace coolpapers::ingest {

Result<std::string> ReadFileText(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Fail(ErrorCode::kNotFound, "no such file: \"" + path.string() + "\"");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, error)) {
    return Fail(ErrorCode::kUnavailable, "cannot read \"" + path.string() + "\"",
                std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return Fail(ErrorCode::kUnavailable, "cannot read \"" + path.string() + "\"",
                std::strerror(errno));
  }
  return std::move(text).str();
}

LineIndex::LineIndex(std::string_view text) {
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    newlines_.push_back(static_cast<int64_t>(at));
  }
}

int64_t LineIndex::LineOf(int64_t offset) const {
  return 1 + (std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
}

}  // namespace coolpapers::ingest
