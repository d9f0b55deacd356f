#include "web/pages/layout.h"

#include "web/html_escape.h"

namespace coolpapers::web {
namespace {

// Small enough to inline in every page: one request per page, nothing to cache separately.
// The et-al rules fold long author lists without JavaScript (see paper_card.cc).
constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--fg:#222;--bg:#f6f6f4;--card:#fff;--line:#ddd;--muted:#666;--link:#1a5fb4;--title:#26734d}
@media (prefers-color-scheme:dark){:root{--fg:#ddd;--bg:#17181a;--card:#222427;--line:#3a3c40;--muted:#9a9a9a;--link:#78aeed;--title:#7fcf9f}}
body{margin:0 auto;max-width:60rem;padding:0 .8rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
header.site{display:flex;gap:1rem;align-items:baseline;padding:.8rem 0;border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;font-size:1.3rem;text-decoration:none;color:var(--title)}
h1{font-size:1.4rem;margin:1rem 0 .2rem}
.info{color:var(--muted);margin:.2rem 0 1rem;display:flex;flex-wrap:wrap;gap:1rem}
.panel.paper{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.7rem 1rem;margin:.8rem 0}
.panel.paper h2{font-size:1.08rem;margin:0 0 .3rem;font-weight:600}
a.index{color:var(--muted);text-decoration:none;margin-right:.3rem}
a.title-link{color:var(--title);text-decoration:none}
a.title-pdf{font-size:.85rem;margin-left:.4rem}
.announce{font-size:.75rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .3rem;margin-left:.4rem}
p.authors{margin:.2rem 0;font-size:.9rem}
a.author{color:var(--fg);text-decoration:none}
a.author:hover{text-decoration:underline}
.et-al-toggle,.et-al-toggle~.more-authors{display:none}
.et-al-toggle:checked~.more-authors{display:inline}
.et-al-toggle:checked+label{display:none}
label.et-al{color:var(--link);cursor:pointer}
p.summary{margin:.4rem 0;text-align:justify;overflow-wrap:anywhere}
p.comments,p.subjects,p.date{font-size:.85rem;color:var(--muted);margin:.1rem 0}
p.subjects a{color:var(--muted)}
nav.more{text-align:center;margin:1.5rem 0}
section.group h2{font-size:1.1rem;border-bottom:1px solid var(--line)}
section.group h3{font-size:.95rem;color:var(--muted);margin:.6rem 0 .2rem}
ul.categories{list-style:none;padding:0;margin:0;columns:2 22rem}
ul.categories li{padding:.1rem 0;break-inside:avoid}
ul.categories .count{color:var(--muted);font-size:.85rem}
mark{background:#ffe066;color:inherit}
form.search{display:flex;gap:.5rem;margin:.5rem 0}
form.search input[type=search]{flex:1;padding:.3rem}
nav.pages{display:flex;justify-content:space-between;margin:1.5rem 0}
.error{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem}
)css";

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

}  // namespace

void AppendPageStart(std::string& out, const PageHead& head) {
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
  out += "<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body id=\"arxiv\">\n"
         "<header class=\"site\"><a class=\"brand\" href=\"/\">coolpapers</a>"
         "<span>arXiv, one day at a time</span><a class=\"search-link\" href=\"/arxiv/search\">"
         "Search</a></header>\n<main>\n";
}

void AppendPageEnd(std::string& out) { out += "</main>\n</body>\n</html>\n"; }

}  // namespace coolpapers::web
