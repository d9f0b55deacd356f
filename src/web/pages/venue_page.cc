#include "web/pages/venue_page.h"

#include "core/person_name.h"
#include "core/venue_coverage.h"
#include "web/html_escape.h"
#include "web/pages/venue_card.h"

namespace coolpapers::web {
namespace {

std::string EditionYear(std::string_view edition) {
  const size_t dot = edition.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(edition.substr(dot + 1));
}

void AppendGroupChooser(std::string& out, const VenueEditionView& view) {
  const std::string tag = view.edition.Tag();
  out += "<nav class=\"groups\">";
  int64_t all = 0;
  for (const store::VenueGroupCount& count : view.groups) all += count.papers;
  out += view.group ? "<a class=\"group\" href=\"" : "<a class=\"group selected\" href=\"";
  AppendHtmlEscaped(out, VenueGroupPath(tag, ""));
  out += "\">All <span class=\"count\">" + std::to_string(all) + "</span></a>";
  for (const store::VenueGroupCount& count : view.groups) {
    if (count.group.empty()) continue;  // papers without a group: only under "All"
    const bool selected = view.group && *view.group == count.group;
    out += selected ? " <a class=\"group selected\" href=\"" : " <a class=\"group\" href=\"";
    AppendHtmlEscaped(out, VenueGroupPath(tag, count.group));
    out += "\">";
    AppendHtmlEscaped(out, count.group);
    out += " <span class=\"count\">" + std::to_string(count.papers) + "</span></a>";
  }
  out += "</nav>\n";
}

// The cards of the slice, then the next slice's link as a day list has it (nav.more, which the
// browser's lazy loading follows and readers without JavaScript open as a page).
void AppendEditionCards(std::string& out, const VenueEditionView& view) {
  for (size_t i = 0; i < view.papers.size(); ++i) {
    AppendVenueCard(out, view.papers[i], view.skip + static_cast<int64_t>(i) + 1,
                    view.edition.full_name);
    out += '\n';
  }
  const int64_t next = view.skip + view.show;
  if (view.papers.empty() || next >= view.total) return;
  out += "<nav class=\"more\"><a class=\"next\" href=\"";
  AppendHtmlEscaped(out, VenueEditionUrl(view, next));
  out += "\">Papers " + std::to_string(next + 1) + " and on, of " + std::to_string(view.total) +
         "</a></nav>\n";
}

// The venue's other stored years, newest first: "ICLR: 2025 2024 2023".
void AppendSiblings(std::string& out, const VenueEditionView& view) {
  if (view.siblings.size() < 2) return;
  out += "<nav class=\"editions\">";
  AppendHtmlEscaped(out, view.edition.venue);
  out += ":";
  const std::string tag = view.edition.Tag();
  for (const std::string& sibling : view.siblings) {
    out += sibling == tag ? " <a class=\"edition selected\" href=\"/venue/"
                          : " <a class=\"edition\" href=\"/venue/";
    AppendHtmlEscaped(out, sibling);
    out += "\">";
    AppendHtmlEscaped(out, sibling.substr(sibling.rfind('.') + 1));
    out += "</a>";
  }
  out += "</nav>\n";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> VenueCitationTags(const VenuePaper& paper,
                                                                   std::string_view conference) {
  std::vector<std::pair<std::string, std::string>> tags;
  tags.emplace_back("z:itemType", "conferencePaper");
  tags.emplace_back("citation_title", paper.title);
  for (const VenueAuthor& author : paper.authors) {
    // "Family, Given", as the arXiv page sends it (paper_page.cc says why).
    std::string value = SplitPersonName(author.name).FamilyFirst();
    if (paper.authors.size() == 1) value += ';';
    tags.emplace_back("citation_author", std::move(value));
  }
  tags.emplace_back("citation_conference_title",
                    conference.empty() ? paper.edition : std::string(conference));
  const std::string year = EditionYear(paper.edition);
  if (!year.empty()) tags.emplace_back("citation_publication_date", year);
  if (!paper.pdf_url.empty()) tags.emplace_back("citation_pdf_url", paper.pdf_url);
  if (!paper.doi.empty()) tags.emplace_back("citation_doi", paper.doi);
  if (!paper.landing_url.empty()) tags.emplace_back("citation_public_url", paper.landing_url);
  const size_t dash = paper.pages.find('-');
  if (!paper.pages.empty()) {
    tags.emplace_back("citation_firstpage", paper.pages.substr(0, dash));
    if (dash != std::string::npos) tags.emplace_back("citation_lastpage", paper.pages.substr(dash + 1));
  }
  if (!paper.keywords.empty()) {
    std::string keywords;
    for (const std::string& keyword : paper.keywords) {
      if (!keywords.empty()) keywords += "; ";
      keywords += keyword;
    }
    tags.emplace_back("citation_keywords", std::move(keywords));
  }
  if (!paper.abstract.empty()) tags.emplace_back("citation_abstract", paper.abstract);
  if (!paper.arxiv_id.empty()) tags.emplace_back("citation_arxiv_id", paper.arxiv_id);
  return tags;
}

std::string VenueEditionUrl(const VenueEditionView& view, int64_t skip) {
  std::string url = VenueGroupPath(view.edition.Tag(), view.group.value_or(""));
  if (skip > 0) {
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += "skip=" + std::to_string(skip) + "&show=" + std::to_string(view.show);
  }
  return url;
}

void AppendEditionItemStart(std::string& out, const VenueEdition& edition) {
  const std::string tag = edition.Tag();
  out += "<li data-edition=\"";
  AppendHtmlEscaped(out, tag);
  out += "\"><a href=\"/venue/";
  AppendHtmlEscaped(out, tag);
  out += "\">";
  AppendHtmlEscaped(out, tag);
  out += "</a>";
  if (!edition.full_name.empty()) {
    out += " <span class=\"name\">";
    AppendHtmlEscaped(out, edition.full_name);
    out += "</span>";
  }
}

std::string RenderVenueIndexPage(const VenueIndexView& view, const PageFrame& frame) {
  PageHead head;
  head.title = "coolpapers: venues";
  head.description = std::to_string(view.editions.size()) +
                     " conference editions: their accepted papers, by group.";
  head.feed_url = "/venue/latest/feed";
  head.feed_title = "coolpapers: venue editions";
  std::string out;
  AppendPageStart(out, head, frame);
  out += "<h1>Venues</h1>\n";
  if (view.editions.empty()) {
    out += "<p class=\"empty\">This instance has no venue editions yet (`coolpapers venue "
           "import` reads them in).</p>\n";
  }
  std::string venue;
  for (const store::VenueEditionSummary& summary : view.editions) {
    const VenueEdition& edition = summary.edition;
    if (edition.venue != venue) {
      if (!venue.empty()) out += "</ul>\n</section>\n";
      venue = edition.venue;
      out += "<section class=\"venue\" id=\"";
      AppendHtmlEscaped(out, venue);
      out += "\"><h2><a href=\"/venue/";
      AppendHtmlEscaped(out, venue);
      out += "\">";
      AppendHtmlEscaped(out, venue);
      out += "</a> <a class=\"feed\" href=\"/venue/";
      AppendHtmlEscaped(out, venue);
      out += "/feed\">feed</a></h2>\n<ul class=\"editions\">\n";
    }
    AppendEditionItemStart(out, edition);
    out += VenueCoverageDiffers(edition, summary.accepted) ? " <span class=\"coverage partial\">"
                                                            : " <span class=\"coverage\">";
    AppendHtmlEscaped(out, RenderVenueCoverage(edition, summary.papers, summary.accepted));
    out += "</span></li>\n";
  }
  if (!venue.empty()) out += "</ul>\n</section>\n";
  AppendPageEnd(out);
  return out;
}

std::string RenderVenueEditionPage(const VenueEditionView& view, const PageFrame& frame) {
  const std::string tag = view.edition.Tag();
  PageHead head;
  head.title = tag;
  if (view.group) head.title += " - " + *view.group;
  head.description = std::to_string(view.total) + " papers of " +
                     (view.edition.full_name.empty() ? tag : view.edition.full_name) + " " +
                     std::to_string(view.edition.year) +
                     (view.group ? " in the group " + *view.group : std::string()) + ".";
  head.feed_url = "/venue/" + tag + "/feed";
  head.feed_title = "coolpapers: " + tag;
  std::string out;
  out.reserve(8192 + view.papers.size() * 2600);
  AppendPageStart(out, head, frame);
  out += "<h1>";
  AppendHtmlEscaped(out, tag);
  if (!view.edition.full_name.empty()) {
    out += " <span class=\"full-name\">";
    AppendHtmlEscaped(out, view.edition.full_name);
    out += "</span>";
  }
  out += "</h1>\n<p class=\"info\"><span class=\"total\">Total: " + std::to_string(view.total) +
         "</span>";
  if (!view.edition.sources.empty()) {
    out += " <span class=\"sources\">from ";
    for (size_t i = 0; i < view.edition.sources.size(); ++i) {
      if (i > 0) out += ", ";
      AppendHtmlEscaped(out, view.edition.sources[i]);
    }
    out += "</span>";
  }
  out += " <a class=\"feed\" href=\"";
  AppendHtmlEscaped(out, head.feed_url);
  out += "\">Feed</a></p>\n";
  // Coverage you can trust: how much of the edition is here, against the official count.
  out += VenueCoverageDiffers(view.edition, view.accepted_stored)
             ? "<p class=\"coverage partial\">"
             : "<p class=\"coverage\">";
  AppendHtmlEscaped(out,
                    RenderVenueCoverage(view.edition, view.papers_stored, view.accepted_stored));
  out += "</p>\n";
  AppendSiblings(out, view);
  AppendGroupChooser(out, view);
  if (view.papers.empty()) {
    out += "<p class=\"empty\">No papers after the first " + std::to_string(view.skip) + ".</p>\n";
  }
  out += "<div id=\"papers\">\n";
  AppendEditionCards(out, view);
  out += "</div>\n";
  AppendPageEnd(out);
  return out;
}

std::string RenderVenueEditionFragment(const VenueEditionView& view) {
  std::string out;
  out.reserve(256 + view.papers.size() * 2600);
  AppendEditionCards(out, view);
  return out;
}

std::string RenderVenuePapersPage(const VenuePapersView& view, const PageFrame& frame) {
  PageHead head;
  if (view.papers.size() == 1) {
    const auto& [paper, conference] = view.papers.front();
    head.title = paper.title;
    head.description = paper.abstract;
    head.meta = VenueCitationTags(paper, conference);
  } else {
    head.title = std::to_string(view.papers.size()) + " venue papers";
  }
  std::string out;
  out.reserve(8192 + view.papers.size() * 2600);
  AppendPageStart(out, head, frame);
  out += "<div id=\"papers\">\n";
  for (size_t i = 0; i < view.papers.size(); ++i) {
    const auto& [paper, conference] = view.papers[i];
    AppendVenueCard(out, paper, view.papers.size() == 1 ? 0 : static_cast<int64_t>(i) + 1,
                    conference);
    out += '\n';
  }
  out += "</div>\n";
  if (!view.missing.empty()) {
    out += "<p class=\"missing\">Not in this instance: ";
    for (size_t i = 0; i < view.missing.size(); ++i) {
      if (i > 0) out += ", ";
      AppendHtmlEscaped(out, view.missing[i]);
    }
    out += "</p>\n";
  }
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
