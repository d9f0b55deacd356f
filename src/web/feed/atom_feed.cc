#include "web/feed/atom_feed.h"

#include <algorithm>

#include "core/timestamp.h"

namespace coolpapers::web {
namespace {

// The length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
size_t Utf8Length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else
    return 0;
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (lead == 0xED && byte(i + 1) > 0x9F) return 0;
  if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (lead == 0xF4 && byte(i + 1) > 0x8F) return 0;
  // U+FFFE and U+FFFF are not XML characters either.
  if (lead == 0xEF && byte(i + 1) == 0xBF && byte(i + 2) >= 0xBE) return 0;
  return length;
}

// True for the bytes copied as they are: printable ASCII but the four XML specials.
bool IsPlainAscii(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
}

// Copies runs of plain text (printable ASCII and valid UTF-8) in one append each: a feed is
// about a megabyte of abstracts, and a byte-at-a-time copy was most of its generation time.
void AppendXmlEscaped(std::string& out, std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t run_start = i;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (IsPlainAscii(c)) {
        ++i;
      } else if (c >= 0x80) {
        const size_t length = Utf8Length(text, i);
        if (length == 0) break;
        i += length;
      } else {
        break;
      }
    }
    out.append(text.substr(run_start, i - run_start));
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\t':
      case '\n':
      case '\r': out.push_back(static_cast<char>(c)); break;
      // XML 1.0 allows no other control character; DEL is dropped, a stray byte replaced.
      case 0x7F: break;
      default: out += c < 0x20 ? " " : "\xEF\xBF\xBD"; break;
    }
    ++i;
  }
}

void AppendElement(std::string& out, std::string_view name, std::string_view text) {
  out += '<';
  out += name;
  out += '>';
  AppendXmlEscaped(out, text);
  out += "</";
  out += name;
  out += ">";
}

void AppendLink(std::string& out, std::string_view rel, std::string_view type,
                std::string_view href) {
  out += "<link rel=\"";
  out += rel;
  out += "\" type=\"";
  out += type;
  out += "\" href=\"";
  AppendXmlEscaped(out, href);
  out += "\"/>";
}

void AppendEntry(std::string& out, const FeedEntry& entry, const std::string& origin) {
  out += "<entry>";
  AppendElement(out, "id", entry.id);
  AppendElement(out, "title", entry.title);
  AppendElement(out, "updated", FormatRfc3339(entry.updated));
  if (entry.published) AppendElement(out, "published", FormatRfc3339(*entry.published));
  for (const std::string& author : entry.authors) {
    out += "<author>";
    AppendElement(out, "name", author);
    out += "</author>";
  }
  AppendElement(out, "summary", entry.summary);
  AppendLink(out, "alternate", "text/html", origin + entry.html_path);
  if (!entry.pdf_url.empty()) AppendLink(out, "related", "application/pdf", entry.pdf_url);
  for (const std::string& category : entry.categories) {
    out += "<category term=\"";
    AppendXmlEscaped(out, category);
    out += "\"/>";
  }
  out += "</entry>\n";
}

}  // namespace

FeedEntry FeedEntryOfPaper(const Paper& paper) {
  FeedEntry entry;
  entry.id = "urn:arxiv:" + paper.id;
  entry.title = paper.title;
  entry.updated = PaperUpdated(paper);
  if (!paper.versions.empty()) entry.published = paper.versions.front().submitted;
  entry.authors = paper.authors;
  entry.summary = paper.abstract;
  entry.html_path = "/arxiv/" + paper.id;
  entry.pdf_url = paper.PdfUrl();
  entry.categories = paper.categories;
  return entry;
}

UtcTime PaperUpdated(const Paper& paper) {
  if (!paper.versions.empty()) return paper.versions.back().submitted;
  if (paper.first_listed) return UtcTime(paper.first_listed->days());
  return UtcTime{};
}

std::string RenderAtomFeed(const FeedView& view) {
  std::string out;
  out.reserve(1024 + view.papers.size() * 2200);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">";
  // The feed-level <updated> comes first: Last-Modified is read from it (feed_route.h).
  AppendElement(out, "updated", FormatRfc3339(view.updated));
  AppendElement(out, "id", "urn:coolpapers:" + view.self_path);
  AppendElement(out, "title", view.title);
  out += "<author><name>coolpapers</name></author><generator>coolpapers</generator>";
  AppendLink(out, "self", "application/atom+xml", view.origin + view.self_path);
  AppendLink(out, "alternate", "text/html", view.origin + view.html_path);
  out += '\n';
  for (const Paper& paper : view.papers) AppendEntry(out, FeedEntryOfPaper(paper), view.origin);
  for (const FeedEntry& entry : view.entries) AppendEntry(out, entry, view.origin);
  out += "</feed>\n";
  return out;
}

}  // namespace coolpapers::web
