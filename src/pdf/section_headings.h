// The section headings later steps care about: where the references start (dropped first when
// a paper is too long), where appendices start, and where the conclusion is (always kept).
#ifndef COOLPAPERS_PDF_SECTION_HEADINGS_H_
#define COOLPAPERS_PDF_SECTION_HEADINGS_H_

#include <string_view>

namespace coolpapers::pdf {

enum class SectionKind { kOther, kReferences, kAppendix, kConclusion };

// Classifies one line as a heading when the whole line, after an optional section number
// ("7", "7.", "VII.", "A"), is one of the known titles, in any case:
//  kReferences: "References", "Bibliography", "Literature Cited", "Works Cited"
//  kAppendix:   "Appendix", "Appendices", "Supplementary Material(s)", "Appendix A ..."
//  kConclusion: "Conclusion(s)", "Concluding Remarks", "Discussion and Conclusion(s)",
//               "Conclusion(s) and Future Work", "Summary and Conclusion(s)"
// Anything else, including a sentence that merely mentions them, is kOther.
SectionKind ClassifyHeading(std::string_view line);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_SECTION_HEADINGS_H_
