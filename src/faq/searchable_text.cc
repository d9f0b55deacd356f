#include "faq/searchable_text.h"

#include <string_view>

#include "pdf/section_headings.h"

namespace coolpapers::faq {

std::string SearchableText(const pdf::PaperText& paper) {
  std::string text;
  bool in_references = false;
  for (const pdf::PageText& page : paper.pages) {
    if (!text.empty() && text.back() != '\n') text.push_back('\n');
    const std::string_view page_text = page.text;
    for (size_t start = 0; start < page_text.size();) {
      const size_t newline = page_text.find('\n', start);
      const size_t end = newline == std::string_view::npos ? page_text.size() : newline + 1;
      const std::string_view line = page_text.substr(start, end - start);
      if (paper.references == pdf::TextPosition{page.number, start}) in_references = true;
      if (in_references &&
          pdf::ClassifyHeading(line.substr(0, line.find('\n'))) == pdf::SectionKind::kAppendix) {
        in_references = false;
      }
      if (!in_references) text.append(line);
      start = end;
    }
  }
  return text;
}

}  // namespace coolpapers::faq
