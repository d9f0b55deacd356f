#include "store/paper_columns.h"

#include <algorithm>
#include <array>

namespace coolpapers::store {

std::string JoinColumn(const std::vector<std::string>& items, char separator) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    text += items[i];
  }
  return text;
}

std::vector<std::string> SplitColumn(std::string_view text, char separator) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find(separator, start);
    items.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return items;
    start = end + 1;
  }
}

std::string JoinAffiliations(const Paper& paper) {
  if (std::ranges::all_of(paper.affiliations, &std::string::empty)) return {};
  return JoinColumn(paper.affiliations, kAuthorSeparator);
}

std::vector<std::string> SplitAffiliations(std::string_view text, size_t author_count) {
  if (text.empty() || author_count == 0) return {};
  std::vector<std::string> affiliations(1);
  for (const char c : text) {
    if (c == kAuthorSeparator) {
      affiliations.emplace_back();
    } else {
      affiliations.back() += c;
    }
  }
  if (affiliations.size() != author_count) return {};
  return affiliations;
}

std::string_view ClickKindName(ClickKind kind) {
  switch (kind) {
    case ClickKind::kPdf: return "pdf";
    case ClickKind::kFaq: return "faq";
  }
  return "pdf";
}

}  // namespace coolpapers::store
