#include "web/pages/search_page.h"

#include <algorithm>

#include "search/searcher.h"
#include "web/html_escape.h"
#include "web/pages/layout.h"
#include "web/pages/venue_card.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {


void AppendLink(std::string& out, const std::string& url, std::string_view css_class,
                std::string_view text) {
  out += "<a class=\"";
  out += css_class;
  out += "\" href=\"";
  AppendHtmlEscaped(out, url);
  out += "\">";
  out += text;
  out += "</a>";
}

void AppendForm(std::string& out, const SearchView& view) {
  out += "<form class=\"search\" action=\"";
  out += SearchPath(view);
  out +=
      "\" method=\"get\">"
      "<input type=\"search\" name=\"query\" aria-label=\"Search\" value=\"";
  AppendHtmlEscaped(out, view.query);
  out +=
      "\" placeholder=\"words, &quot;a phrase&quot;, author:name, cat:cs.CL, "
      "date:2025-03..2025-06\">";
  if (view.sort != SearchOrder::kRelevance) {
    out += "<input type=\"hidden\" name=\"sort\" value=\"";
    out += SearchOrderName(view.sort);
    out += "\">";
  }
  out += "<input type=\"hidden\" name=\"highlight\" value=\"1\"><button>Search</button></form>\n";
  if (!view.error.empty()) {
    out += "<p class=\"query-error\" role=\"alert\">";
    AppendHtmlEscaped(out, view.error);
    out += "</p>\n";
  }
}

// What the query language reads (search/query_builder.h), open while there is nothing else to
// read: on the bare form and under a refused query.
void AppendSyntaxHelp(std::string& out, const SearchView& view) {
  out += view.query.empty() || !view.error.empty() ? "<details class=\"search-help\" open>"
                                                   : "<details class=\"search-help\">";
  out +=
      "<summary>Search syntax</summary>\n<dl>"
      "<dt><code>neural network</code></dt><dd>papers with both words (titles, abstracts, "
      "authors); &ldquo;images&rdquo; also finds &ldquo;image&rdquo;</dd>"
      "<dt><code>\"large language model\"</code></dt><dd>the words together, in this order</dd>"
      "<dt><code>transformer -vision</code></dt><dd>without a word (also <code>NOT vision</code>)"
      "</dd>"
      "<dt><code>gemma OR qwen</code></dt><dd>either word (<code>AND</code>, <code>OR</code>, "
      "<code>NOT</code> in capitals)</dd>"
      "<dt><code>title:gemma</code> <code>abstract:benchmark</code> "
      "<code>author:\"Geoffrey Hinton\"</code></dt><dd>one field only</dd>"
      "<dt><code>cat:cs.CL</code></dt><dd>in a category (several <code>cat:</code> mean any of "
      "them)</dd>"
      "<dt><code>date:2025-03..2025-06</code></dt><dd>first listed in those months; also "
      "<code>date:2025-03-14</code>, <code>date:2025</code>, <code>date:..2025-06</code></dd>"
      "<dt><code>branch:venue</code> <code>venue:ICLR</code></dt><dd>conference papers only "
      "(<code>branch:arxiv</code>: arXiv papers only; both by default), of one venue; with "
      "<code>date:2023..2025</code> for its editions in those years</dd>"
      "<dt><code>fulltext:\"ablation study\"</code> <code>faq:limitations</code></dt><dd>the "
      "PDF's text and the FAQ's answers, for papers whose FAQ has been generated</dd>"
      "<dt><code>2505.18651</code></dt><dd>an arXiv id opens the paper</dd>"
      "</dl>\n</details>\n";
}

void AppendSortLinks(std::string& out, const SearchView& view) {
  out += "<span class=\"sort\">Sort: ";
  for (const SearchOrder order :
       {SearchOrder::kRelevance, SearchOrder::kTime, SearchOrder::kStars}) {
    if (order != SearchOrder::kRelevance) out += " · ";
    if (order == view.sort) {
      out += "<b>";
      out += SearchOrderName(order);
      out += "</b>";
      continue;
    }
    SearchView other = view;
    other.sort = order;
    AppendLink(out, SearchUrl(other, 0), "sort-link", SearchOrderName(order));
  }
  out += "</span>";
}

}  // namespace

std::string_view SearchOrderName(SearchOrder order) {
  switch (order) {
    case SearchOrder::kRelevance:
      return "relevance";
    case SearchOrder::kTime:
      return "time";
    case SearchOrder::kStars:
      return "stars";
  }
  return "relevance";
}

std::string SearchTotalText(const SearchView& view) {
  if (view.total_exact) return std::to_string(view.total);
  // An estimate rounded to two significant digits, so that it does not read as a count.
  int64_t rounded = view.total;
  int64_t unit = 1;
  while (rounded >= 100) {
    rounded /= 10;
    unit *= 10;
  }
  return "about " + std::to_string(rounded * unit);
}

std::string_view SearchPath(const SearchView& view) {
  return view.venue_branch ? "/venue/search" : "/arxiv/search";
}

std::string SearchUrl(const SearchView& view, int64_t skip, std::string_view path) {
  std::string url(path.empty() ? SearchPath(view) : path);
  url += "?query=";
  AppendQueryEncoded(url, view.query);
  if (view.sort != SearchOrder::kRelevance) {
    url += "&sort=";
    url += SearchOrderName(view.sort);
  }
  if (view.highlight) url += "&highlight=1";
  if (skip > 0) url += "&skip=" + std::to_string(skip);
  if (view.show != 25) url += "&show=" + std::to_string(view.show);
  return url;
}

std::string RenderSearchPage(const SearchView& view, const PageFrame& frame) {
  PageHead head;
  const std::string paper = view.venue_branch ? "conference paper" : "arXiv paper";
  head.title = std::string(view.venue_branch ? "Venue search" : "Search") +
               (view.query.empty() ? "" : ": " + view.query);
  head.description = view.query.empty() ? "Search every " + paper + " this instance holds."
                                         : SearchTotalText(view) + " " + paper + "s match \"" +
                                               view.query + "\".";
  // The search feed carries arXiv papers (feed/feed_route.cc): none for the venue branch.
  const bool has_feed = !view.venue_branch;
  if (!view.query.empty() && has_feed) {
    head.feed_url = SearchUrl(view, 0, "/arxiv/search/feed");
    head.feed_title = "coolpapers search: " + view.query;
  }
  std::string out;
  out.reserve(8192 + view.cards.size() * 2600);
  AppendPageStart(out, head, frame);
  out += view.venue_branch ? "<h1>Venue search</h1>\n" : "<h1>Search</h1>\n";
  AppendForm(out, view);
  AppendSyntaxHelp(out, view);
  if (view.query.empty() || !view.error.empty()) {
    AppendPageEnd(out);
    return out;
  }
  out += "<p class=\"info\"><span class=\"total\">Total: " + SearchTotalText(view) + "</span>";
  AppendSortLinks(out, view);
  if (has_feed) AppendLink(out, SearchUrl(view, 0, "/arxiv/search/feed"), "feed", "Feed");
  out += "</p>\n";
  // Pages end where matches are known to end, and at kMaxResults.
  const int64_t pages_end = std::min<int64_t>(view.total_at_least, search::kMaxResults);
  if (view.total == 0) {
    out += "<p class=\"empty\">No papers match this query.</p>\n";
  } else if (view.cards.empty()) {
    out += "<p class=\"empty\">No results past the first " +
           std::to_string(std::min<int64_t>(view.total, search::kMaxResults)) + ".</p>\n";
  }
  out += "<div id=\"papers\">\n";
  for (size_t i = 0; i < view.cards.size(); ++i) {
    if (view.cards[i].venue) {
      AppendVenueCard(out, *view.cards[i].venue, view.skip + static_cast<int64_t>(i) + 1, "");
      continue;
    }
    AppendPaperCard(out, view.cards[i].paper, view.skip + static_cast<int64_t>(i) + 1, std::nullopt,
                    view.highlight ? &view.cards[i].marks : nullptr);
  }
  out += "</div>\n<nav class=\"pages\">";
  if (view.skip > 0) {
    AppendLink(out, SearchUrl(view, std::max<int64_t>(0, view.skip - view.show)), "previous",
               "&larr; Previous");
  }
  if (view.skip + view.show < pages_end) {
    AppendLink(out, SearchUrl(view, view.skip + view.show), "next",
               "Results " + std::to_string(view.skip + view.show + 1) + " and on &rarr;");
  }
  out += "</nav>\n";
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
