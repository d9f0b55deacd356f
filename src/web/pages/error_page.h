// The page for a request we cannot answer with content: what was wrong, in the words of the
// error's user message, and which URLs the site accepts.
#ifndef COOLPAPERS_WEB_PAGES_ERROR_PAGE_H_
#define COOLPAPERS_WEB_PAGES_ERROR_PAGE_H_

#include <string>
#include <string_view>

#include "web/pages/layout.h"

namespace coolpapers::web {

// Example: RenderErrorPage(404, "Not Found", "no paper 2401.99999 in this store", frame), in
// the instance's frame (layout.h). Thread-safe; the message is escaped.
std::string RenderErrorPage(int status, std::string_view reason, std::string_view message,
                            const PageFrame& frame);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_ERROR_PAGE_H_
