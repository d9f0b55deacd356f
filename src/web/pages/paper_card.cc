#include "web/pages/paper_card.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/person_name.h"
#include "web/html_escape.h"
#include "web/pages/coins.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

// The search an author link runs: the name as an author: phrase, so that "Wei Wang" finds
// Wei Wang's papers and not every Wei and every Wang; highlight=1 marks the name in the results.
// A double quote inside a name would end the phrase early, so it becomes a space.
std::string AuthorSearchUrl(std::string_view name) {
  std::string phrase = "author:\"";
  for (const char c : name) phrase.push_back(c == '"' ? ' ' : c);
  phrase += '"';
  std::string url = "/arxiv/search?query=";
  AppendQueryEncoded(url, phrase);
  url += "&highlight=1";
  return url;
}

void AppendDataAttribute(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  out += " data-";
  out += name;
  out += "=\"";
  AppendHtmlEscaped(out, value);
  out += '"';
}

// One author's link, and the affiliation after it, muted and outside the link: never part of
// the name that searches, stars and exports read. The link carries the name's parts
// (core/person_name.h) for the star list's exports, so they split names as Zotero's tags do.
void AppendAuthor(std::string& out, const Paper& paper, size_t i, bool marked) {
  const std::string& name = paper.authors[i];
  out += "<a class=\"author\" href=\"";
  AppendHtmlEscaped(out, AuthorSearchUrl(name));
  out += '"';
  AppendNamePartAttributes(out, name);
  out += ">";
  if (marked) out += "<mark>";
  AppendHtmlEscaped(out, name);
  if (marked) out += "</mark>";
  out += "</a>";
  if (i < paper.affiliations.size() && !paper.affiliations[i].empty()) {
    out += " <span class=\"affiliation\">(";
    AppendHtmlEscaped(out, paper.affiliations[i]);
    out += ")</span>";
  }
}

void AppendAuthors(std::string& out, const Paper& paper, const CardMarks& marks) {
  if (paper.authors.empty()) return;
  const auto marked = [&marks](size_t i) {
    return std::ranges::find(marks.authors, i) != marks.authors.end();
  };
  out += "<p class=\"authors\">Authors: ";
  const size_t shown = std::min(paper.authors.size(), kAuthorsBeforeFold);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    AppendAuthor(out, paper, i, marked(i));
  }
  if (shown < paper.authors.size()) {
    // A hidden checkbox and its label fold the rest: CSS shows .more-authors once it is
    // checked. Input, label and span are phrasing content, so the markup stays a valid <p>.
    std::string toggle_id = "et-al-";
    AppendHtmlEscaped(toggle_id, paper.id);
    out += ", <input type=\"checkbox\" class=\"et-al-toggle\" id=\"" + toggle_id +
           "\"><label class=\"et-al\" for=\"" + toggle_id + "\">et al. (" +
           std::to_string(paper.authors.size() - shown) + " more)</label><span class=\"more-authors\">";
    for (size_t i = shown; i < paper.authors.size(); ++i) {
      if (i > shown) out += ", ";
      AppendAuthor(out, paper, i, marked(i));
    }
    out += "</span>";
  }
  out += "</p>\n";
}

// Each category once under its canonical id (cs.NA and math.NA both read math.NA), in the
// paper's order so the primary comes first.
void AppendSubjects(std::string& out, const Paper& paper) {
  if (paper.categories.empty()) return;
  std::vector<std::string_view> seen;
  out += "<p class=\"subjects\">Subjects: ";
  for (const std::string& raw : paper.categories) {
    const Result<std::string_view> canonical = CanonicalCategory(raw);
    const std::string_view id = canonical ? *canonical : std::string_view(raw);
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    if (!seen.empty()) out += ", ";
    seen.push_back(id);
    const Category* category = canonical ? FindCategory(id) : nullptr;
    if (category == nullptr) {
      out += "<span>";
      AppendHtmlEscaped(out, id);
      out += "</span>";
      continue;
    }
    out += "<a href=\"/arxiv/";
    AppendHtmlEscaped(out, id);
    out += "\">";
    AppendHtmlEscaped(out, category->name);
    out += " (";
    AppendHtmlEscaped(out, id);
    out += ")</a>";
  }
  out += "</p>\n";
}

// The text escaped, with each marked range inside <mark>.
void AppendMarked(std::string& out, std::string_view text, const TextMarks& marks) {
  size_t done = 0;
  for (const auto& [begin, end] : marks) {
    if (begin < done || end > text.size() || begin >= end) continue;  // not from this text
    AppendHtmlEscaped(out, text.substr(done, begin - done));
    out += "<mark>";
    AppendHtmlEscaped(out, text.substr(begin, end - begin));
    out += "</mark>";
    done = end;
  }
  AppendHtmlEscaped(out, text.substr(done));
}

void AppendTextParagraph(std::string& out, std::string_view css_class, std::string_view label,
                         const std::string& text, const TextMarks& marks = {}) {
  if (text.empty()) return;
  out += "<p class=\"";
  out += css_class;
  out += "\">";
  out += label;
  AppendMarked(out, text, marks);
  out += "</p>\n";
}

std::string_view AnnounceMark(std::optional<AnnounceType> type) {
  if (type == AnnounceType::kCross) return "cross-list";
  if (type == AnnounceType::kReplace) return "replaced";
  return {};
}

}  // namespace

void AppendNamePartAttributes(std::string& out, std::string_view name) {
  const PersonName person = SplitPersonName(name);
  AppendDataAttribute(out, "family", person.family);
  AppendDataAttribute(out, "given", person.given);
  AppendDataAttribute(out, "suffix", person.suffix);
  if (person.group) out += " data-group";
}

std::string PublishText(const Paper& paper) {
  if (!paper.versions.empty()) {
    const UtcTime t = paper.versions.front().submitted;
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d:%02d UTC", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return text;
  }
  if (paper.first_listed) return paper.first_listed->ToIso();
  return {};
}

void AppendPaperCard(std::string& out, const Paper& paper, int64_t index,
                     std::optional<AnnounceType> type, const CardMarks* marks) {
  static const CardMarks kNoMarks;
  if (marks == nullptr) marks = &kNoMarks;
  std::string id;
  AppendHtmlEscaped(id, paper.id);
  std::string pdf;
  AppendHtmlEscaped(pdf, paper.PdfUrl());

  out += "<div class=\"panel paper\" id=\"" + id + "\">\n<h2 class=\"title\"><a class=\"index\" href=\"";
  AppendHtmlEscaped(out, paper.AbsUrl());
  // A paper's own page numbers nothing: its card says which paper it is.
  out += index > 0 ? "\">#" + std::to_string(index) : "\">" + id;
  out += "</a> <a class=\"title-link\" href=\"/arxiv/" + id + "\">";
  AppendMarked(out, paper.title, marks->title);
  out += "</a> <a class=\"title-pdf\" href=\"" + pdf + "\" data=\"" + pdf + "\">[PDF]</a>";
  out += "<span class=\"title-faq\"></span><span class=\"title-copy\"></span><span class=\"title-rel\"></span>";
  if (const std::string_view mark = AnnounceMark(type); !mark.empty()) {
    out += "<span class=\"announce\">";
    out += mark;
    out += "</span>";
  }
  out += "</h2>\n";
  AppendAuthors(out, paper, *marks);
  AppendTextParagraph(out, "summary", "", paper.abstract, marks->abstract);
  AppendTextParagraph(out, "comments", "Comments: ", paper.comments);
  AppendSubjects(out, paper);
  if (const std::string publish = PublishText(paper); !publish.empty()) {
    out += "<p class=\"date\">Publish: <span class=\"date-data\">" + publish + "</span></p>\n";
  }
  AppendCoinsSpan(out, paper);
  out += "\n</div>\n";
}

}  // namespace coolpapers::web
