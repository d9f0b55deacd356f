#include "web/pages/list_page.h"

#include "web/html_escape.h"
#include "web/pages/layout.h"
#include "web/pages/paper_card.h"

namespace coolpapers::web {
namespace {

void AppendDayLink(std::string& out, const ListView& view, const std::optional<Date>& day,
                   std::string_view css_class, std::string_view arrow_before,
                   std::string_view arrow_after) {
  if (!day) return;
  out += "<a class=\"";
  out += css_class;
  out += "\" href=\"";
  AppendHtmlEscaped(out, ListUrl(view.expression, *day));
  out += "\">";
  out += arrow_before;
  out += day->ToDisplay();
  out += arrow_after;
  out += "</a>";
}

void AppendCards(std::string& out, const ListView& view) {
  for (size_t i = 0; i < view.cards.size(); ++i) {
    AppendPaperCard(out, view.cards[i].paper, view.skip + static_cast<int64_t>(i) + 1,
                    view.cards[i].type);
  }
  const int64_t next_skip = view.skip + view.show;
  if (next_skip < view.total) {
    out += "<nav class=\"more\"><a href=\"";
    AppendHtmlEscaped(out, ListUrl(view.expression, view.day, next_skip, view.show));
    out += "\">Papers " + std::to_string(next_skip + 1) + " and on, of " +
           std::to_string(view.total) + "</a></nav>\n";
  }
}

}  // namespace

std::string ListUrl(const std::string& expression, Date day, int64_t skip, int64_t show) {
  std::string url = "/arxiv/" + expression + "?date=" + day.ToIso();
  if (skip > 0) url += "&skip=" + std::to_string(skip) + "&show=" + std::to_string(show);
  return url;
}

std::string RenderListPage(const ListView& view, const PageFrame& frame) {
  PageHead head;
  head.title = view.expression + ": " + view.day.ToDisplay();
  head.description = std::to_string(view.total) + " arXiv papers in " + view.heading +
                     " announced on " + view.day.ToDisplay() + ".";
  head.feed_url = "/arxiv/" + view.expression + "/feed";
  head.feed_title = "coolpapers: " + view.heading;
  std::string out;
  out.reserve(8192 + view.cards.size() * 2600);
  AppendPageStart(out, head, frame);
  out += "<h1>";
  AppendHtmlEscaped(out, view.heading);
  out += "</h1>\n<p class=\"info\">";
  AppendDayLink(out, view, view.previous_day, "previous-day", "&larr; ", "");
  out += "<span class=\"day\">" + view.day.ToDisplay() + "</span><span class=\"total\">Total: " +
         std::to_string(view.total) + "</span>";
  AppendDayLink(out, view, view.next_day, "next-day", "", " &rarr;");
  out += "<a class=\"feed\" href=\"";
  AppendHtmlEscaped(out, head.feed_url);
  out += "\">Feed</a>";
  if (view.harvest) {
    out += ' ';
    AppendHarvestMark(out, *view.harvest);
  }
  out += "</p>\n";
  if (view.total == 0) {
    out += "<p class=\"empty\">No papers were announced in ";
    AppendHtmlEscaped(out, view.expression);
    out += " on " + view.day.ToDisplay() + ".</p>\n";
  } else if (view.cards.empty()) {
    out += "<p class=\"empty\">This day lists " + std::to_string(view.total) +
           " papers; none after the first " + std::to_string(view.skip) + ".</p>\n";
  }
  // The day's expression and date, for the scripts that ask the API about this day (like_sort.js).
  out += "<div id=\"papers\" data-expression=\"";
  AppendHtmlEscaped(out, view.expression);
  out += "\" data-day=\"" + view.day.ToIso() + "\">\n";
  AppendCards(out, view);
  out += "</div>\n";
  AppendPageEnd(out);
  return out;
}

std::string RenderListFragment(const ListView& view) {
  std::string out;
  out.reserve(256 + view.cards.size() * 2600);
  AppendCards(out, view);
  return out;
}

}  // namespace coolpapers::web
