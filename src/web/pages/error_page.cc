#include "web/pages/error_page.h"

#include "web/html_escape.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

std::string RenderErrorPage(int status, std::string_view reason, std::string_view message,
                            const PageFrame& frame) {
  PageHead head;
  head.title = std::to_string(status) + " " + std::string(reason);
  std::string out;
  out.reserve(6144);
  AppendPageStart(out, head, frame);
  out += "<div class=\"error\">\n<h1>";
  AppendHtmlEscaped(out, head.title);
  out += "</h1>\n<p class=\"message\">";
  AppendHtmlEscaped(out, message);
  out += "</p>\n<p>This site answers:</p>\n<ul>\n"
         "<li><code>/arxiv/cs.CL</code>: a category's newest day; <code>?date=2025-05-14</code> for "
         "another day, <code>&amp;skip=25&amp;show=25</code> for a slice</li>\n"
         "<li><code>/arxiv/cs.AI,cs.CL</code> (union) and <code>/arxiv/cs.AI+cs.LG-cs.CY</code> "
         "(union minus)</li>\n"
         "<li><code>/arxiv/2401.06769</code> or <code>/arxiv/2401.06769,hep-th/9901001</code>: "
         "papers by arXiv id</li>\n"
         "<li><code>/api/arxiv/...</code>: the same as JSON</li>\n</ul>\n"
         "<p><a href=\"/\">All categories</a></p>\n</div>\n";
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
