#include "web/request_head.h"

namespace coolpapers::web {

RequestHead ScanRequestHead(std::string_view bytes) {
  for (size_t at = bytes.find('\n'); at != std::string_view::npos; at = bytes.find('\n', at + 1)) {
    if (at == 0 || bytes[at - 1] != '\r') return RequestHead::kBareLineFeed;
    // "\r\n" right after another "\r\n": the blank line that ends the head.
    if (at >= 3 && bytes[at - 2] == '\n' && bytes[at - 3] == '\r') return RequestHead::kComplete;
  }
  return RequestHead::kIncomplete;
}

}  // namespace coolpapers::web
