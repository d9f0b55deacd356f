#include "web/pages/paper_page.h"

#include <algorithm>

#include "core/person_name.h"
#include "web/html_escape.h"
#include "web/pages/layout.h"
#include "web/pages/paper_card.h"

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

}  // namespace

std::string RenderPaperPage(const PapersView& view, const PageFrame& frame) {
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
  out += "<div id=\"papers\">\n";
  for (size_t i = 0; i < view.papers.size(); ++i) {
    AppendPaperCard(out, view.papers[i], static_cast<int64_t>(i) + 1);
  }
  out += "</div>\n";
  AppendPageEnd(out);
  return out;
}

}  // namespace coolpapers::web
