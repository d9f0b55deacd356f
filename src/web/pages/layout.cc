#include "web/pages/layout.h"

#include "web/html_escape.h"
#include "web/static_files.h"

namespace coolpapers::web {
namespace {

// Applies the reader's dark/light choice (frontend/js/theme.js) before the first paint, so a
// reader who chose dark never sees a light flash. Everything else waits for the module script.
constexpr std::string_view kThemeScript =
    "<script>try{var t=JSON.parse(localStorage.getItem('coolpapers.theme'));"
    "if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}</script>\n";

void AppendMeta(std::string& out, std::string_view attribute, std::string_view name,
                std::string_view content) {
  out += "<meta ";
  out += attribute;
  out += "=\"";
  AppendHtmlEscaped(out, name);
  out += "\" content=\"";
  AppendHtmlEscaped(out, content);
  out += "\">\n";
}

void AppendBodyStart(std::string& out, const PageFrame& frame) {
  out += "<body id=\"arxiv\" data-faq-label=\"";
  AppendHtmlEscaped(out, frame.faq_label);
  out += '"';
  if (!frame.feedback_url.empty()) {
    out += " data-feedback-url=\"";
    AppendHtmlEscaped(out, frame.feedback_url);
    out += '"';
  }
  if (frame.translation) out += " data-translation=\"zh\"";
  out += ">\n";
}

}  // namespace

void AppendPageStart(std::string& out, const PageHead& head, const PageFrame& frame) {
  out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  AppendHtmlEscaped(out, head.title);
  out += "</title>\n";
  AppendMeta(out, "property", "og:site_name", "coolpapers");
  AppendMeta(out, "property", "og:title", head.title);
  if (!head.description.empty()) {
    AppendMeta(out, "name", "description", head.description);
    AppendMeta(out, "property", "og:description", head.description);
  }
  for (const auto& [name, content] : head.meta) AppendMeta(out, "name", name, content);
  if (!head.feed_url.empty()) {
    out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"";
    AppendHtmlEscaped(out, head.feed_title);
    out += "\" href=\"";
    AppendHtmlEscaped(out, head.feed_url);
    out += "\">\n";
  }
  // Lets browsers offer coolpapers as a search engine (web/opensearch.h).
  out += "<link rel=\"search\" type=\"application/opensearchdescription+xml\" "
         "title=\"coolpapers\" href=\"/opensearch.xml\">\n";
  // The front end, embedded and served under content-hashed names (web/static_files.h): one
  // style sheet and one module script per page; the rest loads on first use.
  out += kThemeScript;
  // No favicon yet: an empty data: icon keeps browsers from asking for /favicon.ico (a 404).
  out += "<link rel=\"icon\" href=\"data:,\">\n";
  out += "<link rel=\"stylesheet\" href=\"/assets/";
  out += MainStyleName();
  out += "\">\n<script type=\"module\" src=\"/assets/";
  out += MainScriptName();
  out += "\"></script>\n</head>\n";
  AppendBodyStart(out, frame);
  out += "<header class=\"site\"><a class=\"brand\" href=\"/\">coolpapers</a>"
         "<span>arXiv, one day at a time</span><a class=\"search-link\" href=\"/arxiv/search\">"
         "Search</a></header>\n<main>\n";
}

void AppendPageEnd(std::string& out) { out += "</main>\n</body>\n</html>\n"; }

}  // namespace coolpapers::web
