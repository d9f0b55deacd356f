#include "core/quoted_text.h"

#include <array>
#include <cstdio>

namespace coolpapers {
namespace {

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string QuoteForMessage(std::string_view text) {
  bool cut = false;
  if (text.size() > kMaxQuotedChars) {
    size_t end = kMaxQuotedChars;
    // Backing up to a lead byte keeps the message valid UTF-8 for the HTML and JSON renderers.
    while (end > 0 && IsUtf8Continuation(text[end])) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string quoted = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      std::array<char, 8> escape{};
      std::snprintf(escape.data(), escape.size(), "\\x%02X", byte);
      quoted += escape.data();
    } else {
      quoted += c;
    }
  }
  if (cut) quoted += "...";
  quoted += '"';
  return quoted;
}

}  // namespace coolpapers
