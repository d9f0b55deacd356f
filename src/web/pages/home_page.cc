#include "web/pages/home_page.h"

#include "web/html_escape.h"
#include "web/pages/harvest_banner.h"
#include "web/pages/layout.h"
#include "web/pages/list_page.h"
#include "web/pages/venue_page.h"

namespace coolpapers::web {
namespace {

bool SpansSeveralArchives(const HomeGroup& group) {
  for (const HomeCategory& category : group.categories) {
    if (category.archive_name != group.categories.front().archive_name) return true;
  }
  return false;
}

// "1 paper", "350 papers": the count of a category's newest day or of an edition.
std::string PaperCount(int64_t papers) {
  return std::to_string(papers) + (papers == 1 ? " paper" : " papers");
}

void AppendCategory(std::string& out, const HomeCategory& category) {
  std::string id;
  AppendHtmlEscaped(id, category.id);
  // The front end's category chooser and calendar (frontend/js) find each category by it.
  out += "<li data-category=\"" + id + "\">";
  if (category.newest_day) {
    out += "<a class=\"category\" href=\"/arxiv/" + id + "\">";
    AppendHtmlEscaped(out, category.name);
    out += " (" + id + ")</a> <a class=\"day\" href=\"";
    AppendHtmlEscaped(out, ListUrl(category.id, *category.newest_day));
    out += "\">" + category.newest_day->ToIso() + "</a> <span class=\"count\">" +
           PaperCount(category.paper_count) + "</span> <a class=\"feed\" href=\"/arxiv/" +
           id + "/feed\" title=\"Atom feed of " + id + "\">feed</a>";
    if (category.harvest && category.harvest->day == *category.newest_day) {
      out += ' ';
      AppendHarvestMark(out, *category.harvest);
    }
  } else {
    out += "<span class=\"category empty\">";
    AppendHtmlEscaped(out, category.name);
    out += " (" + id + ")</span>";
  }
  out += "</li>\n";
}

void AppendVenues(std::string& out, const std::vector<store::VenueEditionSummary>& venues) {
  if (venues.empty()) return;
  out += "<section class=\"group venues\"><h2><a href=\"/venue/\">Venues</a></h2>\n<ul class=\"editions\">\n";
  for (const store::VenueEditionSummary& summary : venues) {
    AppendEditionItemStart(out, summary.edition);
    out += " <span class=\"count\">" + PaperCount(summary.papers) + "</span></li>\n";
  }
  out += "</ul>\n</section>\n";
}

}  // namespace

std::string RenderHomePage(const HomeView& view, const PageFrame& frame) {
  PageHead head;
  head.title = "coolpapers: arXiv categories";
  head.description = "Skim each arXiv category's daily list of new papers.";
  std::string out;
  out.reserve(48 * 1024);
  AppendPageStart(out, head, frame);
  out += "<p>Read a category's newest day, or several together: <code>/arxiv/cs.AI,cs.CL</code> "
         "joins lists, <code>/arxiv/cs.AI+cs.LG-cs.CY</code> also leaves out papers in cs.CY.</p>\n"
         "<form class=\"search home-search\" action=\"/arxiv/search\" method=\"get\">"
         "<input type=\"search\" name=\"query\" aria-label=\"Search papers\" "
         "placeholder=\"Search titles, abstracts, authors, or an arXiv id\">"
         "<input type=\"hidden\" name=\"highlight\" value=\"1\"><button>Search</button></form>\n";
  if (view.harvest_progress) AppendHarvestBanner(out, *view.harvest_progress);
  for (const HomeGroup& group : view.groups) {
    out += "<section class=\"group\"><h2>";
    AppendHtmlEscaped(out, group.name);
    out += "</h2>\n";
    const bool subheadings = SpansSeveralArchives(group);
    const std::string* archive = nullptr;
    if (!subheadings) out += "<ul class=\"categories\">\n";
    for (const HomeCategory& category : group.categories) {
      if (subheadings && (archive == nullptr || *archive != category.archive_name)) {
        if (archive != nullptr) out += "</ul>\n";
        archive = &category.archive_name;
        out += "<h3>";
        AppendHtmlEscaped(out, category.archive_name);
        out += "</h3>\n<ul class=\"categories\">\n";
      }
      AppendCategory(out, category);
    }
    out += "</ul>\n</section>\n";
  }
  AppendVenues(out, view.venues);
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
