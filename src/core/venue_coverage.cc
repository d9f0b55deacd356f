#include "core/venue_coverage.h"

namespace coolpapers {

std::string FormatThousands(int64_t count) {
  std::string digits = std::to_string(count < 0 ? -count : count);
  std::string text;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return count < 0 ? "-" + text : text;
}

std::string RenderVenueCoverage(const VenueEdition& edition, int64_t papers, int64_t accepted) {
  if (!edition.official_count) {
    return FormatThousands(papers) + (papers == 1 ? " paper" : " papers");
  }
  std::string text = FormatThousands(accepted) + " of " +
                     FormatThousands(*edition.official_count) + " accepted papers";
  if (!edition.official_count_source.empty()) text += " (" + edition.official_count_source + ")";
  if (papers > accepted) {
    text += ", and " + FormatThousands(papers - accepted) + " not accepted";
  }
  return text;
}

bool VenueCoverageDiffers(const VenueEdition& edition, int64_t accepted) {
  return edition.official_count && *edition.official_count != accepted;
}

}  // namespace coolpapers
