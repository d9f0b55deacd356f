#include "web/pages/paper_page.h"

#include <chrono>

#include "web/html_escape.h"
#include "web/pages/layout.h"
#include "web/pages/list_page.h"
#include "web/pages/paper_card.h"

namespace coolpapers::web {
namespace {

// Highwire's date form: "2024/01/12".
std::string HighwireDate(Date day) {
  std::string iso = day.ToIso();
  for (char& c : iso) {
    if (c == '-') c = '/';
  }
  return iso;
}

void AddCitationTags(PageHead& head, const Paper& paper) {
  head.meta.emplace_back("citation_title", paper.title);
  for (const std::string& author : paper.authors) head.meta.emplace_back("citation_author", author);
  if (const std::optional<Date> day = PublishDay(paper)) {
    head.meta.emplace_back("citation_date", HighwireDate(*day));
  }
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

}  // namespace

std::optional<Date> PublishDay(const Paper& paper) {
  if (paper.first_listed) return paper.first_listed;
  if (!paper.versions.empty()) {
    return Date(std::chrono::floor<std::chrono::days>(paper.versions.front().submitted));
  }
  return std::nullopt;
}

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
