// Server-sent events (the WHATWG HTML standard, "Interpreting an event stream"), read
// incrementally: the language model streams its answer as `data:` events, and bytes reach us in
// pieces split anywhere.
#ifndef COOLPAPERS_LLM_SSE_PARSER_H_
#define COOLPAPERS_LLM_SSE_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::llm {

struct SseEvent {
  std::string type = "message";  // the "event:" field; "message" when the event had none
  std::string data;              // its "data:" lines joined by "\n"
  std::string last_event_id;     // the stream's last "id:" so far ("" before any)

  bool operator==(const SseEvent&) const = default;
};

// One stream's parser. Lines end with "\n", "\r\n" or "\r"; a blank line dispatches the event
// gathered so far (none when it had no data); "field: value" lines set a field (one space after
// the colon dropped), a line without a colon is a field with an empty value, lines starting with
// ":" are comments, unknown fields are ignored, a leading UTF-8 byte order mark is dropped. An
// unfinished event when the stream ends is discarded, as the standard says, so there is no
// Finish(). Bytes are kept as they are: a UTF-8 character split across pieces comes out whole.
// Not thread-safe; one parser per stream.
class SseParser {
 public:
  // The most bytes one event (its pending line and data) may hold.
  static constexpr size_t kMaxEventBytes = 16 * 1024 * 1024;

  // Reads the next `bytes` of the stream ("data: {\"id\":1}\n\nda") and returns the events they
  // complete, in order. kCorrupt when an event grows past kMaxEventBytes (not a stream of
  // events); the parser must not be fed after an error.
  [[nodiscard]] Result<std::vector<SseEvent>> Feed(std::string_view bytes);

  // The last valid "retry:" value, in milliseconds; std::nullopt before any.
  std::optional<int64_t> retry_ms() const { return retry_ms_; }

 private:
  void ProcessLine(std::string_view line, std::vector<SseEvent>& events);

  std::string line_;        // the unfinished line
  bool after_cr_ = false;   // the last byte was "\r": a "\n" next ends nothing new
  bool first_line_ = true;  // the byte order mark may only start the first line
  std::string data_;        // the event's data lines, each followed by "\n"
  std::string type_;        // the event's "event:" field
  std::string last_event_id_;
  std::optional<int64_t> retry_ms_;
};

}  // namespace coolpapers::llm

#endif  // COOLPAPERS_LLM_SSE_PARSER_H_
