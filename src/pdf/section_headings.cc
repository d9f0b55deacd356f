#include "pdf/section_headings.h"

#include <cctype>
#include <string>

#include "pdf/folded_text.h"

namespace coolpapers::pdf {
namespace {

// Lower case, single spaces, no trailing period or colon.
std::string Normalize(std::string_view line) {
  std::string text = FoldCaseAndSpaces(line);
  while (!text.empty() && (text.back() == ' ' || text.back() == '.' || text.back() == ':')) {
    text.pop_back();
  }
  return text;
}

// Drops a leading section number: "7 ", "7. ", "4.2 ", "vii. ", "a ".
std::string_view WithoutNumber(std::string_view text) {
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return text;
  const std::string_view first = text.substr(0, space);
  const bool numeric = first.find_first_not_of("0123456789.") == std::string_view::npos;
  const bool roman = first.find_first_not_of("ivxlc.") == std::string_view::npos;
  const bool letter = first.size() <= 2 && std::isalpha(static_cast<unsigned char>(first[0])) &&
                      (first.size() == 1 || first[1] == '.');
  return numeric || roman || letter ? text.substr(space + 1) : text;
}

}  // namespace

SectionKind ClassifyHeading(std::string_view line) {
  if (line.size() > 60) return SectionKind::kOther;
  const std::string normalized = Normalize(line);
  const std::string_view title = WithoutNumber(normalized);
  for (std::string_view known : {"references", "bibliography", "literature cited", "works cited"}) {
    if (title == known) return SectionKind::kReferences;
  }
  for (std::string_view known :
       {"appendix", "appendices", "supplementary material", "supplementary materials"}) {
    if (title == known) return SectionKind::kAppendix;
  }
  // "Appendix A", "Appendix B: Prompts".
  if (title.starts_with("appendix ") && title.size() <= 40) return SectionKind::kAppendix;
  for (std::string_view known :
       {"conclusion", "conclusions", "concluding remarks", "discussion and conclusion",
        "discussion and conclusions", "conclusion and future work", "conclusions and future work",
        "summary and conclusion", "summary and conclusions"}) {
    if (title == known) return SectionKind::kConclusion;
  }
  return SectionKind::kOther;
}

}  // namespace coolpapers::pdf
