#include "web/access_log.h"

namespace coolpapers::web {

void AccessLogBuffer::Commit() {
  text_.push_back('\n');
  if (text_.size() >= kFlushBytes) Flush();
}

void AccessLogBuffer::Flush() {
  if (text_.empty()) return;
  std::fwrite(text_.data(), 1, text_.size(), file_);
  std::fflush(file_);
  text_.clear();
}

}  // namespace coolpapers::web
