#include "ingest/venue/venue_report.h"

#include <algorithm>

#include "core/venue_coverage.h"

namespace coolpapers::ingest {

std::string RenderVenueImportSummary(const VenueImportSummary& summary, Seconds elapsed) {
  std::string text = RenderImportTotals(summary.counts, elapsed);
  text += "coolpapers: venue papers: " + FormatCount(summary.written.papers_new) + " new, " +
          FormatCount(summary.written.papers_updated) + " merged into stored ones; " +
          FormatCount(summary.editions) + (summary.editions == 1 ? " edition record; " : " edition records; ") +
          FormatCount(summary.arxiv_links) + " linked to arXiv by title\n";
  if (summary.counts.skipped_lines > 0) {
    text += "coolpapers: skipped " + FormatCount(summary.counts.skipped_lines) +
            (summary.counts.skipped_lines == 1 ? " malformed record\n" : " malformed records\n");
  }
  return text;
}

std::string RenderCoverage(const store::VenueEditionSummary& summary) {
  return RenderVenueCoverage(summary.edition, summary.papers, summary.accepted);
}

std::string RenderVenueList(const std::vector<store::VenueEditionSummary>& editions,
                            const std::vector<std::vector<store::VenueGroupCount>>& groups) {
  if (editions.empty()) return "No venue editions stored.\n";
  size_t width = 0;
  for (const auto& summary : editions) width = std::max(width, summary.edition.Tag().size());
  std::string text;
  for (size_t i = 0; i < editions.size(); ++i) {
    const VenueEdition& edition = editions[i].edition;
    std::string tag = edition.Tag();
    tag.resize(width, ' ');
    text += tag + "  " + RenderCoverage(editions[i]);
    if (!edition.sources.empty()) {
      text += "  [";
      for (size_t s = 0; s < edition.sources.size(); ++s) {
        text += (s > 0 ? ", " : "") + edition.sources[s];
      }
      text += "]";
    }
    text += "\n";
    if (i < groups.size() && !groups[i].empty()) {
      text += "  ";
      for (size_t g = 0; g < groups[i].size(); ++g) {
        const store::VenueGroupCount& group = groups[i][g];
        text += (g > 0 ? ", " : "") + (group.group.empty() ? std::string("(no group)") : group.group) +
                " " + FormatCount(group.papers);
      }
      text += "\n";
    }
  }
  return text;
}

}  // namespace coolpapers::ingest
