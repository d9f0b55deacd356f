#include "ingest/venue/venue_fields.h"

#include <cctype>

#include "core/arxiv_id.h"
#include "core/tex_accents.h"
#include "core/whitespace.h"

namespace coolpapers::ingest {

std::string CleanVenueText(std::string_view text) {
  if (text.find('\\') == std::string_view::npos) return CollapseWhitespace(text);
  return CollapseWhitespace(DecodeTexAccents(text));
}

std::string NormalizePages(std::string_view pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string_view rest = pages.substr(i);
    if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) {
      out.push_back('-');
      i += 2;
    } else if (rest.starts_with("--")) {
      out.push_back('-');
      i += rest.starts_with("---") ? 2 : 1;
    } else if (!std::isspace(static_cast<unsigned char>(pages[i]))) {
      out.push_back(pages[i]);
    }
  }
  return out;
}

std::string PresentationOf(std::string_view word) {
  std::string lower;
  for (const char c : word) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (char& c : lower) {
    if (c == '-' || c == '_') c = ' ';
  }
  if (lower.find("top 5%") != std::string::npos) return "Oral";
  if (lower.find("top 25%") != std::string::npos) return "Spotlight";
  for (const std::string_view name : {"oral", "spotlight", "poster", "highlight"}) {
    if (lower == name || lower.ends_with(" " + std::string(name))) {
      std::string capitalised(name);
      capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
      return capitalised;
    }
  }
  return {};
}

std::vector<std::string> SplitTrimmed(std::string_view text, char separator) {
  std::vector<std::string> items;
  while (true) {
    const size_t end = text.find(separator);
    std::string item = CollapseWhitespace(text.substr(0, end));
    if (!item.empty()) items.push_back(std::move(item));
    if (end == std::string_view::npos) break;
    text = text.substr(end + 1);
  }
  return items;
}

std::string ArxivIdOfLink(std::string_view link) {
  for (const std::string_view marker : {"/abs/", "/pdf/"}) {
    if (const size_t at = link.find(marker); at != std::string_view::npos) {
      link = link.substr(at + marker.size());
      break;
    }
  }
  if (link.ends_with(".pdf")) link.remove_suffix(4);
  while (!link.empty() && link.back() == '/') link.remove_suffix(1);
  Result<ArxivId> id = ArxivId::Parse(link);
  return id ? id->str() : std::string();
}

}  // namespace coolpapers::ingest
