// Server-sent events (the WHATWG HTML "text/event-stream" format): the text of one event or
// keep-alive comment, as a streamed response writes it piece by piece (see StreamWriter in
// http_message.h). Pure text rendering; the transport is server.cc's.
#ifndef COOLPAPERS_WEB_SSE_EVENT_H_
#define COOLPAPERS_WEB_SSE_EVENT_H_

#include <string>
#include <string_view>

namespace coolpapers::web {

// Renders one event: an `event:` line when `event` is not empty, an `id:` line when `id` is not
// empty, one `data:` line per line of `data`, then the blank line that dispatches the event.
// "\r\n" and a lone "\r" in `data` count as line ends, so the reader gets back `data` with "\n"
// line ends. CR, LF and NUL are dropped from `event` and `id`, which are single-line fields (a
// line end there would start a field of the caller's data's choosing).
// Example: RenderSseEvent("token", "a\nb", "7") == "event: token\nid: 7\ndata: a\ndata: b\n\n";
// RenderSseEvent("", "") == "data: \n\n". Never fails; thread-safe.
std::string RenderSseEvent(std::string_view event, std::string_view data, std::string_view id = {});

// Renders a comment, which readers ignore: a keep-alive that tells proxies and the browser the
// stream is alive. One ": " line per line of `text` (line ends as for data), then a blank line.
// Example: RenderSseComment("ping") == ": ping\n\n". Never fails; thread-safe.
std::string RenderSseComment(std::string_view text);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_SSE_EVENT_H_
