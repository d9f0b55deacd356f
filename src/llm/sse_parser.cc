#include "llm/sse_parser.h"

#include <algorithm>
#include <charconv>

namespace coolpapers::llm {

Result<std::vector<SseEvent>> SseParser::Feed(std::string_view bytes) {
  std::vector<SseEvent> events;
  while (!bytes.empty()) {
    if (after_cr_ && bytes.front() == '\n') bytes.remove_prefix(1);  // the rest of a "\r\n"
    after_cr_ = false;
    const size_t end = bytes.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      line_.append(bytes);
      break;
    }
    line_.append(bytes.substr(0, end));
    after_cr_ = bytes[end] == '\r';
    bytes.remove_prefix(end + 1);
    ProcessLine(line_, events);
    line_.clear();
  }
  if (line_.size() + data_.size() > kMaxEventBytes) {
    return Fail(ErrorCode::kCorrupt, "an event of the stream passed " +
                                         std::to_string(kMaxEventBytes) +
                                         " bytes: expected server-sent events");
  }
  return events;
}

void SseParser::ProcessLine(std::string_view line, std::vector<SseEvent>& events) {
  if (first_line_) {
    first_line_ = false;
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  }
  if (line.empty()) {
    if (!data_.empty()) {
      data_.pop_back();  // the "\n" after the last data line
      events.push_back(
          SseEvent{type_.empty() ? "message" : type_, std::move(data_), last_event_id_});
    }
    data_.clear();
    type_.clear();
    return;
  }
  if (line.front() == ':') return;  // a comment, often a keep-alive
  const size_t colon = line.find(':');
  std::string_view field = line.substr(0, colon);
  std::string_view value;
  if (colon != std::string_view::npos) {
    value = line.substr(colon + 1);
    if (value.starts_with(' ')) value.remove_prefix(1);
  }
  if (field == "data") {
    data_.append(value);
    data_.push_back('\n');
  } else if (field == "event") {
    type_ = value;
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) last_event_id_ = value;
  } else if (field == "retry") {
    int64_t ms = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
    if (!value.empty() && ec == std::errc() && end == value.data() + value.size() &&
        std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; })) {
      retry_ms_ = ms;
    }
  }
}

}  // namespace coolpapers::llm
