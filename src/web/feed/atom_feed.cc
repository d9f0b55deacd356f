#include "web/feed/atom_feed.h"

#include <algorithm>

#include "core/timestamp.h"
#include "core/utf8.h"

namespace coolpapers::web {
namespace {

// The length of the UTF-8 sequence at text[i] that is also an XML character, or 0.
size_t XmlCharacterLength(std::string_view text, size_t i) {
  const size_t length = Utf8SequenceLength(text, i);
  // U+FFFE and U+FFFF are UTF-8 but not XML characters.
  if (length == 3 && static_cast<unsigned char>(text[i]) == 0xEF &&
      static_cast<unsigned char>(text[i + 1]) == 0xBF &&
      static_cast<unsigned char>(text[i + 2]) >= 0xBE) {
    return 0;
  }
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
        const size_t length = XmlCharacterLength(text, i);
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
