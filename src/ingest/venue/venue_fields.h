// Field clean-ups every venue reader shares, so that the same paper reads the same from each
// source: text, page ranges, presentation words, keyword and author lists, arXiv links.
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_FIELDS_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::ingest {

// TeX accents decoded, whitespace collapsed; math kept: "Schr{\"o}dinger\n  bridges" ->
// "Schrödinger bridges".
std::string CleanVenueText(std::string_view text);

// "1--21", "1–12" (en dash), "1-21" -> "1-21"; "i-i" stays. Whitespace removed.
std::string NormalizePages(std::string_view pages);

// The presentation a status or venue word names, capitalised: "oral", "Oral" -> "Oral";
// likewise "Spotlight", "Poster", "Highlight"; ICLR 2023's "notable top 5%" -> "Oral" and
// "notable top 25%" -> "Spotlight". "" for anything else ("Reject", "Findings", "Long").
std::string PresentationOf(std::string_view word);

// Splits at `separator`, trims each item and drops empty ones: "a;  b;;c " -> {"a", "b", "c"}.
std::vector<std::string> SplitTrimmed(std::string_view text, char separator);

// The canonical arXiv id (no version) in "https://arxiv.org/abs/2401.06769v2",
// "arxiv.org/pdf/2401.06769", "arXiv:2401.06769" or "2401.06769"; "" when there is none.
std::string ArxivIdOfLink(std::string_view link);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_FIELDS_H_
