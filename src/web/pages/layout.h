// The frame every HTML page shares: doctype, head (title, description, Open Graph and extra meta
// tags, the front end's style sheet and module script by their hashed /assets/ names), the site
// header, and the closing tags. Pages write their
// body between AppendPageStart and AppendPageEnd into the same string, so a big page is never
// copied to be wrapped.
#ifndef COOLPAPERS_WEB_PAGES_LAYOUT_H_
#define COOLPAPERS_WEB_PAGES_LAYOUT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coolpapers::web {

struct PageHead {
  std::string title;        // plain text, escaped here: "cs.CL: Wed, 14 May 2025"
  std::string description;  // plain text for <meta name=description> and og:description; may be ""
  // Extra <meta name=... content=...> pairs, plain text, escaped here, in order:
  // {"citation_title", "Attention Is All You Need"}.
  std::vector<std::pair<std::string, std::string>> meta;
  // The page's Atom feed, linked as <link rel="alternate">: a site path such as
  // "/arxiv/cs.AI/feed", and the feed's title; no link when feed_url is empty.
  std::string feed_url;
  std::string feed_title;
};

// What every page's <body> tells the front end about this instance ([site] in the config file),
// as data attributes: data-faq-label="Kimi", data-feedback-url="https://..." when set, and
// data-translation="zh" when titles and abstracts can be translated. Instance configuration:
// serve puts it in SiteOptions (and ServerOptions, for the server's own error pages), and it
// reaches the renderers through the route context (route_context.h).
struct PageFrame {
  std::string faq_label = "FAQ";  // the [FAQ] button's label (plain text, escaped here)
  std::string feedback_url;       // the settings' feedback link; "" shows none
  bool translation = false;       // a translation service is configured (/api/translations)
};

// Appends everything up to and including the opening <main>; the body has id="arxiv" (the
// branch marker the Zotero translator and the browser extension look for) and `frame`'s data
// attributes.
void AppendPageStart(std::string& out, const PageHead& head, const PageFrame& frame);

// Appends the closing </main>, </body> and </html>.
void AppendPageEnd(std::string& out);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_LAYOUT_H_
