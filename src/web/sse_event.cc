#include "web/sse_event.h"

#include <string>
#include <string_view>

namespace coolpapers::web {
namespace {

// Appends `prefix` + line for each line of `text`; the event-stream grammar ends a line at
// CRLF, LF or CR, so all three split here.
void AppendLines(std::string& out, std::string_view prefix, std::string_view text) {
  size_t start = 0;
  while (true) {
    const size_t end = text.find_first_of("\r\n", start);
    out += prefix;
    out += text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += '\n';
    if (end == std::string_view::npos) return;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  for (const char c : value) {
    if (c != '\r' && c != '\n' && c != '\0') out += c;
  }
  out += '\n';
}

}  // namespace

std::string RenderSseEvent(std::string_view event, std::string_view data, std::string_view id) {
  std::string out;
  out.reserve(event.size() + id.size() + data.size() + 32);
  if (!event.empty()) AppendField(out, "event", event);
  if (!id.empty()) AppendField(out, "id", id);
  AppendLines(out, "data: ", data);
  out += '\n';
  return out;
}

std::string RenderSseComment(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  AppendLines(out, ": ", text);
  out += '\n';
  return out;
}

}  // namespace coolpapers::web
