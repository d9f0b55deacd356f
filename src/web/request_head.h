// What the first bytes of a request say before Beast parses them. Beast waits for the blank
// line ("\r\n\r\n") before it looks again at a request line it could not finish, so a request
// whose lines end with a bare LF and whose head spans more than one read was never answered: it
// waited for the timeout (issue #18 finding 10). The session reads until the head is complete
// and refuses a bare LF with a 400.
#ifndef COOLPAPERS_WEB_REQUEST_HEAD_H_
#define COOLPAPERS_WEB_REQUEST_HEAD_H_

#include <string_view>

namespace coolpapers::web {

enum class RequestHead {
  kIncomplete,    // no blank line yet, and no bare LF: read more
  kComplete,      // "\r\n\r\n" ends the head; every line before it ends with CRLF
  kBareLineFeed,  // a line of the head ends with "\n" alone: malformed (RFC 9112 asks CRLF)
};

// Looks at the bytes received so far of a request (its body, after the head, is not read).
// Pure.
RequestHead ScanRequestHead(std::string_view bytes);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_REQUEST_HEAD_H_
