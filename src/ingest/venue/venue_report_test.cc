#include "ingest/venue/venue_report.h"

#include <gtest/gtest.h>

namespace coolpapers::ingest {
namespace {

store::VenueEditionSummary Summary(const std::string& tag, int64_t papers, int64_t accepted) {
  store::VenueEditionSummary summary;
  summary.edition = ParseEditionTag(tag).value();
  summary.papers = papers;
  summary.accepted = accepted;
  return summary;
}

TEST(VenueReport, SaysHowMuchOfAnEditionIsStored) {
  EXPECT_EQ(RenderCoverage(Summary("CoRL.2025", 263, 263)), "263 papers");
  store::VenueEditionSummary iclr = Summary("ICLR.2024", 4, 3);
  iclr.edition.official_count = 2260;
  iclr.edition.official_count_source = "OpenReview API";
  EXPECT_EQ(RenderCoverage(iclr), "3 of 2,260 accepted papers (OpenReview API), and 1 not accepted");
}

TEST(VenueReport, ListsEditionsWithTheirGroups) {
  store::VenueEditionSummary corl = Summary("CoRL.2025", 263, 263);
  corl.edition.sources = {"PMLR v305", "Paper Copilot"};
  const std::string text = RenderVenueList(
      {Summary("COLT.2026", 1, 1), corl}, {{{"", 1, 1}}, {{"Oral", 42, 42}, {"Poster", 221, 221}}});
  EXPECT_EQ(text,
            "COLT.2026  1 paper\n"
            "  (no group) 1\n"
            "CoRL.2025  263 papers  [PMLR v305, Paper Copilot]\n"
            "  Oral 42, Poster 221\n");
  EXPECT_EQ(RenderVenueList({}, {}), "No venue editions stored.\n");
}

TEST(VenueReport, SummarisesAnImport) {
  VenueImportSummary summary;
  summary.counts.files_done = 2;
  summary.counts.bytes_done = 700'000;
  summary.counts.records = 526;
  summary.counts.skipped_lines = 1;
  summary.written = {263, 263};
  summary.editions = 2;
  EXPECT_EQ(RenderVenueImportSummary(summary, Seconds(0.1)),
            "coolpapers: imported 2 files (0.7 MB) in 0.1 s: 526 records, 5,260 records/s\n"
            "coolpapers: venue papers: 263 new, 263 merged into stored ones; 2 edition records; 0 "
            "linked to arXiv by title\n"
            "coolpapers: skipped 1 malformed record\n");
}

}  // namespace
}  // namespace coolpapers::ingest
