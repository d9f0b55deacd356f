// Escaping text for HTML: the one function every page uses to put text it did not write (titles,
// abstracts, author names, ids, URLs) into markup. A security boundary: see html_escape_test.cc.
#ifndef COOLPAPERS_WEB_HTML_ESCAPE_H_
#define COOLPAPERS_WEB_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace coolpapers::web {

// Appends `text` to `out` with the five characters that can end a text node or a quoted
// attribute value replaced by entities: & -> &amp;  < -> &lt;  > -> &gt;  " -> &quot;
// ' -> &#39;. Every other byte (UTF-8 included, invalid UTF-8 too) is copied unchanged, so the
// result is safe both as element text and inside a double- or single-quoted attribute.
// Example: `a<b & "c"` -> `a&lt;b &amp; &quot;c&quot;`. Never fails; thread-safe.
void AppendHtmlEscaped(std::string& out, std::string_view text);

// The same, returning a new string.
std::string HtmlEscape(std::string_view text);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_HTML_ESCAPE_H_
