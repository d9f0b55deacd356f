#include "ingest/import_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::ingest {
namespace {

using ::testing::HasSubstr;

ImportCounts HalfwayCounts() {
  ImportCounts counts;
  counts.files_total = 11;
  counts.files_done = 5;
  counts.bytes_total = 72'000'000;
  counts.bytes_done = 36'000'000;
  counts.records = 20'458;
  return counts;
}

TEST(ImportReport, FormatsCountsWithThousandsSeparators) {
  const std::vector<std::pair<int64_t, std::string>> cases = {
      {0, "0"}, {999, "999"}, {1000, "1,000"}, {40917, "40,917"}, {1234567, "1,234,567"},
      {-1000, "-1,000"}};
  for (const auto& [count, text] : cases) EXPECT_EQ(FormatCount(count), text);
}

TEST(ImportReport, DrawsABarWithRateAndEtaByBytes) {
  EXPECT_EQ(RenderProgressBar(HalfwayCounts(), Seconds(1.0)),
            "[##########..........]  50%  20,458 records  20,458 rec/s  ETA 0:01");
}

TEST(ImportReport, ShowsUnknownEtaBeforeAnyProgress) {
  ImportCounts counts;
  counts.bytes_total = 1000;
  EXPECT_THAT(RenderProgressBar(counts, Seconds(0)), HasSubstr("ETA ?"));
  EXPECT_THAT(RenderProgressLine(counts, Seconds(0)), HasSubstr("ETA unknown"));
}

TEST(ImportReport, WritesPlainProgressLinesForLogs) {
  EXPECT_EQ(RenderProgressLine(HalfwayCounts(), Seconds(2.0)),
            "coolpapers: 50% of 72.0 MB, 20,458 records, 10,229 records/s, ETA 2 s");
}

TEST(ImportReport, SummarisesFilesRecordsPapersAndSkippedLines) {
  ImportCounts counts = HalfwayCounts();
  counts.files_done = 11;
  counts.bytes_done = counts.bytes_total;
  counts.records = 40'917;
  counts.skipped_lines = 2;
  counts.written = {.papers_inserted = 40'900, .papers_updated = 17, .papers_unchanged = 3,
                    .listings_written = 98'765};
  EXPECT_EQ(RenderImportSummary(counts, Seconds(2.0)),
            "coolpapers: imported 11 files (72.0 MB) in 2.0 s: 40,917 records, 20,458 records/s\n"
            "coolpapers: papers: 40,900 new, 17 updated, 3 unchanged (the same, or newer in the "
            "store); 98,765 listings written\n"
            "coolpapers: skipped 2 malformed lines\n");
}

TEST(ImportReport, LeavesOutSkippedLinesWhenThereAreNone) {
  ImportCounts counts = HalfwayCounts();
  EXPECT_THAT(RenderImportSummary(counts, Seconds(1.0)), ::testing::Not(HasSubstr("skipped")));
}

}  // namespace
}  // namespace coolpapers::ingest
