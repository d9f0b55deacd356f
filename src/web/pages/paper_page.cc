#include "web/pages/paper_page.h"

#include <algorithm>

#include "core/person_name.h"
#include "web/html_escape.h"
#include "web/pages/layout.h"
#include "web/pages/list_page.h"
#include "web/pages/paper_card.h"
#include "web/pages/venue_card.h"

namespace coolpapers::web {
namespace {

// Zotero's "Archive ID" of a preprint: "arXiv:2401.06769v3", the version included when known
// (a preprint item has no version field of its own).
std::string ArchiveId(const Paper& paper) {
  std::string id = "arXiv:" + paper.id;
  if (paper.version > 0) id += "v" + std::to_string(paper.version);
  return id;
}

// Highwire's date form: "2024-01-12" -> "2024/01/12", "2018-12" -> "2018/12".
std::string HighwireDate(std::string iso) {
  std::ranges::replace(iso, '-', '/');
  return iso;
}

// The tags Zotero's Embedded Metadata translator reads (docs/citations.md says which tag gives
// which Zotero field): z:itemType goes through its RDF reader and makes the item a preprint;
// the citation_* tags fill the fields.
void AddCitationTags(PageHead& head, const Paper& paper) {
  head.meta.emplace_back("z:itemType", "preprint");
  head.meta.emplace_back("citation_title", paper.title);
  for (const std::string& author : paper.authors) {
    // "Family, Given": with the comma, Zotero splits the name where we say, not at its last
    // space ("van den Oord, Aäron"); a group author or a single word ends in a comma, so it
    // stays one last name ("Gemma Team,"). A lone citation_author whose two sides of the comma
    // both hold a space would be read as two authors; the ";" of a list of one prevents that.
    const PersonName person = SplitPersonName(author);
    std::string value = person.FamilyFirst();
    if (person.group || person.given.empty()) value += ",";
    if (paper.authors.size() == 1) value += ";";
    head.meta.emplace_back("citation_author", std::move(value));
  }
  if (const std::string cited = CitedDate(paper); !cited.empty()) {
    head.meta.emplace_back("citation_date", HighwireDate(cited));
  }
  if (paper.first_listed) {
    head.meta.emplace_back("citation_online_date", HighwireDate(paper.first_listed->ToIso()));
  }
  head.meta.emplace_back("citation_publisher", "arXiv");
  head.meta.emplace_back("citation_technical_report_number", ArchiveId(paper));
  head.meta.emplace_back("citation_doi",
                         paper.doi.empty() ? "10.48550/arXiv." + paper.id : paper.doi);
  head.meta.emplace_back("citation_public_url", paper.AbsUrl());
  head.meta.emplace_back("citation_pdf_url", paper.PdfUrl());
  head.meta.emplace_back("citation_arxiv_id", paper.id);
  if (!paper.abstract.empty()) head.meta.emplace_back("citation_abstract", paper.abstract);
}

// The newest version the store knows, 0 when none is.
int NewestVersion(const Paper& paper) {
  if (paper.version > 0) return paper.version;
  return paper.versions.empty() ? 0 : paper.versions.back().number;
}

// One paper's page says which paper and version it is, and links the day it was first listed
// in each of its categories (a paper is announced in all of them on the same day).
void AppendPaperInfo(std::string& out, const Paper& paper, const std::vector<std::string>& faq) {
  out += "<p class=\"info paper-info\" data-faq=\"";
  for (size_t i = 0; i < faq.size(); ++i) {
    if (i > 0) out += ' ';
    AppendHtmlEscaped(out, faq[i]);
  }
  out += "\"><span class=\"arxiv-id\">arXiv:";
  AppendHtmlEscaped(out, paper.id);
  if (const int version = NewestVersion(paper); version > 0) out += "v" + std::to_string(version);
  out += "</span>";
  if (paper.first_listed) {
    out += "<span class=\"listed\">Listed <a class=\"listed-day\" href=\"";
    AppendHtmlEscaped(out, ListUrl(paper.categories.empty() ? "cs" : paper.categories.front(),
                                   *paper.first_listed));
    out += "\">" + paper.first_listed->ToDisplay() + "</a> in ";
    for (size_t i = 0; i < paper.categories.size(); ++i) {
      if (i > 0) out += ", ";
      out += "<a class=\"listed-in\" href=\"";
      AppendHtmlEscaped(out, ListUrl(paper.categories[i], *paper.first_listed));
      out += "\">";
      AppendHtmlEscaped(out, paper.categories[i]);
      out += "</a>";
    }
    out += "</span>";
  }
  out += "</p>\n";
}

// "Accepted at NAACL.2024 - Long", linked to the venue paper's page.
void AppendVenueVersions(std::string& out, const std::vector<VenuePaper>& versions) {
  if (versions.empty()) return;
  out += "<p class=\"info venue-versions\">Accepted at ";
  for (size_t i = 0; i < versions.size(); ++i) {
    if (i > 0) out += ", ";
    out += "<a class=\"venue-version\" href=\"";
    AppendHtmlEscaped(out, VenuePaperPath(versions[i].id));
    out += "\">";
    AppendHtmlEscaped(out, versions[i].edition);
    if (!versions[i].group.empty()) {
      out += " - ";
      AppendHtmlEscaped(out, versions[i].group);
    }
    out += "</a>";
  }
  out += "</p>\n";
}

}  // namespace

std::string RenderPaperPage(const PapersView& view, const PageFrame& frame,
                            const std::vector<std::string>& stored_faq_languages) {
  PageHead head;
  if (view.papers.size() == 1) {
    const Paper& paper = view.papers.front();
    head.title = paper.title;
    head.description = paper.abstract;
    AddCitationTags(head, paper);
  } else {
    head.title = std::to_string(view.papers.size()) + " arXiv papers";
    head.description = head.title + " on one page.";
  }
  std::string out;
  out.reserve(8192 + view.papers.size() * 2600);
  AppendPageStart(out, head, frame);
  if (!view.missing.empty()) {
    out += "<p class=\"missing\">Not found here: ";
    for (size_t i = 0; i < view.missing.size(); ++i) {
      if (i > 0) out += ", ";
      out += "<a href=\"https://arxiv.org/abs/";
      AppendHtmlEscaped(out, view.missing[i]);
      out += "\">";
      AppendHtmlEscaped(out, view.missing[i]);
      out += "</a>";
    }
    out += "</p>\n";
  }
  // Several papers are a list someone shared (the star panel's link): it says what it is, and
  // shared_list.js fills the tools line with Copy link and the export buttons.
  if (view.papers.size() > 1) {
    out += "<h1 class=\"shared-heading\">" + std::to_string(view.papers.size()) +
           " papers, shared by link</h1>\n<p class=\"info shared-info\"><span class=\"shared-tools\">"
           "</span></p>\n";
  }
  if (view.papers.size() == 1) {
    AppendPaperInfo(out, view.papers.front(), stored_faq_languages);
    AppendVenueVersions(out, view.venue_versions);
  }
  out += "<div id=\"papers\">\n";
  for (size_t i = 0; i < view.papers.size(); ++i) {
    AppendPaperCard(out, view.papers[i], view.papers.size() == 1 ? 0 : static_cast<int64_t>(i) + 1);
  }
  out += "</div>\n";
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
