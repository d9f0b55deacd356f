#include "pdf/section_headings.h"

#include <gtest/gtest.h>

namespace coolpapers::pdf {
namespace {

TEST(ClassifyHeading, RecognisesNumberedAndBareHeadings) {
  const std::pair<const char*, SectionKind> cases[] = {
      {"References", SectionKind::kReferences},
      {"REFERENCES", SectionKind::kReferences},
      {"7 References", SectionKind::kReferences},
      {"VII. REFERENCES", SectionKind::kReferences},
      {"Bibliography", SectionKind::kReferences},
      {"Literature Cited", SectionKind::kReferences},
      {"A Appendix", SectionKind::kAppendix},
      {"Appendix B: Prompts", SectionKind::kAppendix},
      {"Appendices", SectionKind::kAppendix},
      {"6 Conclusion", SectionKind::kConclusion},
      {"5. Conclusions and Future Work", SectionKind::kConclusion},
      {"CONCLUDING REMARKS", SectionKind::kConclusion},
      {"We list the references below.", SectionKind::kOther},
      {"References to prior work are in Section 2", SectionKind::kOther},
      {"Introduction", SectionKind::kOther},
      {"", SectionKind::kOther},
  };
  for (const auto& [line, kind] : cases) EXPECT_EQ(ClassifyHeading(line), kind) << line;
}

}  // namespace
}  // namespace coolpapers::pdf
