// The server-sent events parser (llm::SseParser), differentially: the first two bytes pick
// where the rest is cut in three pieces, and the events must be the same as from one piece —
// bytes reach us split anywhere.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "llm/sse_parser.h"

namespace {

using coolpapers::llm::SseEvent;
using coolpapers::llm::SseParser;

// The events of `pieces` fed in order; false when the parser refused them.
bool Events(const std::vector<std::string_view>& pieces, std::vector<SseEvent>& events) {
  SseParser parser;
  for (std::string_view piece : pieces) {
    coolpapers::Result<std::vector<SseEvent>> got = parser.Feed(piece);
    if (!got) return false;
    events.insert(events.end(), got->begin(), got->end());
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t first = data[0] % (stream.size() + 1);
  const size_t second = first + data[1] % (stream.size() - first + 1);
  std::vector<SseEvent> whole;
  std::vector<SseEvent> split;
  const bool whole_ok = Events({stream}, whole);
  const bool split_ok = Events({stream.substr(0, first), stream.substr(first, second - first),
                                stream.substr(second)},
                               split);
  if (whole_ok != split_ok || (whole_ok && whole != split)) std::abort();
  return 0;
}
