// The one table from error codes to HTTP status, and the one way to build an error response:
// an HTML page for readers, or {"error":{"code":...,"message":...}} under /api/.
#ifndef COOLPAPERS_WEB_HTTP_STATUS_H_
#define COOLPAPERS_WEB_HTTP_STATUS_H_

#include <string_view>

#include "core/error.h"
#include "web/http_message.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

// invalid_argument 400, not_found 404, conflict 409, unavailable 503, timeout 504,
// corrupt and internal 500. Bad input is never a 5xx.
// When adding an ErrorCode, add it here and to http_status_test.cc.
int HttpStatusFor(ErrorCode code);

// The reason phrase: 404 -> "Not Found"; "Error" for statuses the site never sends.
std::string_view HttpReason(int status);

enum class ErrorFormat { kHtml, kJson };

// An error response: status, a body that shows `message` (escaped) and, in JSON,
// `code_name` ("not_found", "method_not_allowed"), and Cache-Control: no-store. An HTML page
// is rendered in `frame`, the instance's (layout.h); JSON ignores it, so JSON-only callers
// leave it out. Example:
// MakeErrorResponse(404, "not_found", "no paper 2401.99999 here", ErrorFormat::kJson).
Response MakeErrorResponse(int status, std::string_view code_name, std::string_view message,
                           ErrorFormat format, const PageFrame& frame = PageFrame{});

// The same for an Error: status from HttpStatusFor, code from ErrorCodeName. Only the error's
// user message is shown; its detail belongs in the log.
Response MakeErrorResponse(const Error& error, ErrorFormat format,
                           const PageFrame& frame = PageFrame{});

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_HTTP_STATUS_H_
