// The access log's lines, gathered per server thread and written in one call when the thread
// has nothing else ready to do, or when 4 KiB are waiting (issue #19 target 5: one write per
// request to an unbuffered stderr cost a system call per answer). An idle server writes each
// line as it happens; a busy one writes a block every few dozen answers, so a crash loses at
// most the lines of the batch the thread was working through.
#ifndef COOLPAPERS_WEB_ACCESS_LOG_H_
#define COOLPAPERS_WEB_ACCESS_LOG_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace coolpapers::web {

class AccessLogBuffer {
 public:
  static constexpr size_t kFlushBytes = 4096;

  explicit AccessLogBuffer(std::FILE* file) : file_(file) {}
  ~AccessLogBuffer() { Flush(); }
  AccessLogBuffer(const AccessLogBuffer&) = delete;
  AccessLogBuffer& operator=(const AccessLogBuffer&) = delete;

  // The line being written, to append to; Commit() ends it.
  std::string& line() { return text_; }
  // Ends the line appended to line() (adds the newline), writing the buffer past kFlushBytes.
  void Commit();
  // Writes (and flushes) whatever is waiting.
  void Flush();

 private:
  std::FILE* const file_;
  std::string text_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_ACCESS_LOG_H_
