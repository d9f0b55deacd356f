#include "web/html_escape.h"

namespace coolpapers::web {

void AppendHtmlEscaped(std::string& out, std::string_view text) {
  // Copy runs of safe bytes in one append: most text has no special characters at all.
  size_t run_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.substr(run_start, i - run_start));
    out.append(entity);
    run_start = i + 1;
  }
  out.append(text.substr(run_start));
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendHtmlEscaped(out, text);
  return out;
}

}  // namespace coolpapers::web
