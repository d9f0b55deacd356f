#include "web/pages/venue_card.h"

#include "web/html_escape.h"
#include "web/pages/coins.h"
#include "web/pages/paper_card.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

void AppendBadge(std::string& out, std::string_view kind, std::string_view text) {
  if (text.empty()) return;
  out += " <span class=\"badge ";
  out += kind;
  out += "\">";
  AppendHtmlEscaped(out, text);
  out += "</span>";
}

void AppendAuthors(std::string& out, const VenuePaper& paper) {
  if (paper.authors.empty()) return;
  out += "<p class=\"authors\">Authors: ";
  for (size_t i = 0; i < paper.authors.size(); ++i) {
    const VenueAuthor& author = paper.authors[i];
    if (i > 0) out += ", ";
    out += "<span class=\"author\"";
    AppendNamePartAttributes(out, author.name);
    out += ">";
    AppendHtmlEscaped(out, author.name);
    out += "</span>";
    if (!author.affiliation.empty()) {
      out += " <span class=\"affiliation\">(";
      AppendHtmlEscaped(out, author.affiliation);
      out += ")</span>";
    }
  }
  out += "</p>";
}

// The edition and group as papers.cool's Subjects line spells them: "NeurIPS.2025 - Spotlight"
// (the Zotero translator reads the year from it).
void AppendSubjects(std::string& out, const VenuePaper& paper) {
  out += "<p class=\"subjects\">Subjects: <a href=\"";
  AppendHtmlEscaped(out, VenueGroupPath(paper.edition, paper.group));
  out += "\">";
  AppendHtmlEscaped(out, paper.edition);
  if (!paper.group.empty()) {
    out += " - ";
    AppendHtmlEscaped(out, paper.group);
  }
  out += "</a></p>";
}

void AppendLinks(std::string& out, const VenuePaper& paper) {
  if (paper.landing_url.empty() && paper.arxiv_id.empty() && paper.doi.empty()) return;
  out += "<p class=\"links\">";
  if (!paper.landing_url.empty()) {
    out += "<a class=\"landing\" href=\"";
    AppendHtmlEscaped(out, paper.landing_url);
    out += "\">[Landing]</a> ";
  }
  if (!paper.doi.empty()) {
    out += "<a class=\"doi\" href=\"https://doi.org/";
    AppendHtmlEscaped(out, paper.doi);
    out += "\">doi:";
    AppendHtmlEscaped(out, paper.doi);
    out += "</a> ";
  }
  if (!paper.arxiv_id.empty()) {
    out += "<a class=\"arxiv\" href=\"/arxiv/";
    AppendHtmlEscaped(out, paper.arxiv_id);
    out += "\">arXiv:";
    AppendHtmlEscaped(out, paper.arxiv_id);
    out += "</a>";
  }
  out += "</p>";
}

}  // namespace

std::string VenuePaperPath(const VenuePaperId& id) {
  std::string path = "/venue/";
  AppendQueryEncoded(path, id.ToString());
  return path;
}

std::string VenueGroupPath(std::string_view edition, std::string_view group) {
  std::string path = "/venue/";
  path += edition;
  if (!group.empty()) {
    path += "?group=";
    AppendQueryEncoded(path, group);
  }
  return path;
}

void AppendVenueCard(std::string& out, const VenuePaper& paper, int64_t index,
                     std::string_view conference) {
  const std::string id = paper.id.ToString();
  out += "<div class=\"panel paper venue-paper\" id=\"";
  AppendHtmlEscaped(out, id);
  out += "\"><h2><a class=\"index\" href=\"";
  AppendHtmlEscaped(out, paper.landing_url.empty() ? VenuePaperPath(paper.id) : paper.landing_url);
  out += "\">";
  if (index > 0) {
    out += '#' + std::to_string(index);
  } else {
    AppendHtmlEscaped(out, id);
  }
  out += "</a> <a class=\"title-link\" href=\"";
  AppendHtmlEscaped(out, VenuePaperPath(paper.id));
  out += "\">";
  AppendHtmlEscaped(out, paper.title);
  out += "</a>";
  if (!paper.pdf_url.empty()) {
    out += " <a class=\"title-pdf\" href=\"";
    AppendHtmlEscaped(out, paper.pdf_url);
    out += "\" data=\"";
    AppendHtmlEscaped(out, paper.pdf_url);
    out += "\">[PDF]</a>";
  }
  out += " <span class=\"title-faq\"></span><span class=\"title-copy\"></span>"
         "<span class=\"title-rel\"></span></h2>";
  AppendAuthors(out, paper);
  if (!paper.abstract.empty()) {
    out += "<p class=\"summary\">";
    AppendHtmlEscaped(out, paper.abstract);
    out += "</p>";
  }
  AppendSubjects(out, paper);
  out += "<p class=\"badges\">";
  AppendBadge(out, "track", paper.track);
  AppendBadge(out, "group", paper.group);
  AppendBadge(out, "status", paper.status);
  if (paper.presentation != paper.group) AppendBadge(out, "presentation", paper.presentation);
  out += "</p>";
  AppendLinks(out, paper);
  AppendCoinsSpan(out, paper, conference);
  out += "</div>";
}

}  // namespace coolpapers::web
