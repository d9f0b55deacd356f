// The CLI's edges through the real binary (issue #16, point 8): a command that only reads
// refuses a data folder that is not there instead of creating an empty store; an import in
// which every line failed exits non-zero; importing the same files again reports the papers
// unchanged, not updated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Two daily-listing records, the shape of ../shared/data/metadata/daily-arxiv-cs-2025.
constexpr char kTwoRecords[] =
    R"({"id": "2601.00001", "authors": ["Ada Lovelace"], "title": "First", )"
    R"("categories": ["cs.CL"], "comment": null, "summary": "One.", "listing_date": "2026-01-05"})"
    "\n"
    R"({"id": "2601.00002", "authors": ["Charles Babbage"], "title": "Second", )"
    R"("categories": ["cs.AI", "cs.CL"], "comment": null, "summary": "Two.", )"
    R"("listing_date": "2026-01-05"})"
    "\n";

std::filesystem::path WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

TEST(CliEdges, ReadOnlyCommandsRefuseAMissingDataFolder) {
  TempDir temp;
  const std::string missing = (temp.path() / "no-such-folder").string();
  const std::vector<std::vector<std::string>> commands = {
      {"jobs", "--data", missing},
      {"doctor", "--data", missing},
      {"venue", "list", "--data", missing},
      {"index", "update", "--data", missing},
      {"index", "rebuild", "--data", missing},
  };
  for (const std::vector<std::string>& command : commands) {
    const CommandResult result = RunCoolpapers(command);
    EXPECT_EQ(result.exit_code, 1) << command[0] << ": " << result.output;
    EXPECT_THAT(result.output, HasSubstr("no data folder \"" + missing + "\"")) << command[0];
    EXPECT_FALSE(std::filesystem::exists(missing)) << command[0] << " created the folder";
  }
}

TEST(CliEdges, ReadOnlyCommandsRefuseAFolderWithoutAStore) {
  TempDir temp;
  const std::filesystem::path empty = temp.path() / "empty";
  std::filesystem::create_directories(empty);
  const CommandResult result = RunCoolpapers({"jobs", "--data", empty.string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("no store at"));
  EXPECT_FALSE(std::filesystem::exists(empty / "coolpapers.sqlite"));
}

// Issue #14: `venue fetch` queues a known edition as a job and names the known ones for any
// other; an OpenReview edition needs a login, which `doctor` asks for and neither shows.
TEST(CliEdges, VenueFetchQueuesKnownEditionsAndSaysWhatAnOpenReviewOneNeeds) {
  ::unsetenv("OPENREVIEW_USERNAME");
  ::unsetenv("OPENREVIEW_PASSWORD");
  TempDir temp;
  const std::filesystem::path data = temp.path() / "var";
  const CommandResult unknown = RunCoolpapers({"venue", "fetch", "--data", data.string(), "ICLR.1999"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_THAT(unknown.output, HasSubstr("NAACL.2024"));
  const CommandResult queued =
      RunCoolpapers({"venue", "fetch", "--data", data.string(), "NAACL.2024"});
  EXPECT_EQ(queued.exit_code, 0) << queued.output;
  EXPECT_THAT(queued.output, HasSubstr("queued venue:NAACL.2024"));
  EXPECT_THAT(RunCoolpapers({"jobs", "--data", data.string()}).output,
              HasSubstr("venue:NAACL.2024"));

  const CommandResult anonymous =
      RunCoolpapers({"venue", "fetch", "--data", data.string(), "ICLR.2025"});
  EXPECT_EQ(anonymous.exit_code, 1) << anonymous.output;
  EXPECT_THAT(anonymous.output, HasSubstr("OPENREVIEW_USERNAME"));
  EXPECT_THAT(RunCoolpapers({"doctor", "--data", data.string()}).output,
              HasSubstr("openreview no login"));

  constexpr char kPassword[] = "hunter2-not-shown";
  WriteFile(data / "coolpapers.toml", std::string("[openreview]\nusername = \"me@example.org\"\n"
                                                  "password = \"") + kPassword + "\"\n");
  const CommandResult logged_in =
      RunCoolpapers({"venue", "fetch", "--data", data.string(), "ICLR.2025"});
  EXPECT_EQ(logged_in.exit_code, 0) << logged_in.output;
  EXPECT_THAT(logged_in.output, Not(HasSubstr(kPassword)));
  const CommandResult doctor = RunCoolpapers({"doctor", "--data", data.string()});
  EXPECT_THAT(doctor.output, HasSubstr("openreview login set"));
  EXPECT_THAT(doctor.output, Not(HasSubstr(kPassword)));
}

TEST(CliEdges, ReadOnlyCommandsReadAnExistingStore) {
  TempDir temp;
  const std::string data = (temp.path() / "var").string();
  const auto file = WriteFile(temp.path() / "two.jsonl", kTwoRecords);
  ASSERT_EQ(RunCoolpapers({"import", "--data", data, file.string()}).exit_code, 0);
  const CommandResult jobs = RunCoolpapers({"jobs", "--data", data});
  EXPECT_EQ(jobs.exit_code, 0) << jobs.output;
  EXPECT_THAT(jobs.output, HasSubstr("no jobs"));
  const CommandResult index = RunCoolpapers({"index", "update", "--data", data});
  EXPECT_EQ(index.exit_code, 0) << index.output;
  // Two papers need no block bounds; asked for, they are built.
  EXPECT_THAT(index.output, Not(HasSubstr("block bounds and word tiers built")));
  const CommandResult bounds = RunCoolpapers({"index", "update", "--bounds", "--data", data});
  EXPECT_EQ(bounds.exit_code, 0) << bounds.output;
  EXPECT_THAT(bounds.output, HasSubstr("block bounds and word tiers built in"));
  // The tiers are a file beside the index's own (docs/search.md, "Reading by tiers").
  int tier_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(temp.path() / "var")) {
    if (entry.path().filename().string().starts_with("word-tiers-")) ++tier_files;
  }
  EXPECT_EQ(tier_files, 1);
}

TEST(CliEdges, AnImportInWhichEveryLineFailedExitsNonZero) {
  TempDir temp;
  const std::string data = (temp.path() / "var").string();
  const auto bad = WriteFile(temp.path() / "bad.jsonl", "not json\n{\"id\": 3}\n");
  const CommandResult result = RunCoolpapers({"import", "--data", data, bad.string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("skipped 2 malformed lines"));
  EXPECT_THAT(result.output, HasSubstr("no line could be read"));
  // One good line among bad ones is an import, with the bad lines reported.
  const auto mixed = WriteFile(temp.path() / "mixed.jsonl", std::string("not json\n") + kTwoRecords);
  const CommandResult partly = RunCoolpapers({"import", "--data", data, mixed.string()});
  EXPECT_EQ(partly.exit_code, 0) << partly.output;
  EXPECT_THAT(partly.output, HasSubstr("skipped 1 malformed line"));
}

TEST(CliEdges, ImportingTheSameFileAgainReportsItUnchanged) {
  TempDir temp;
  const std::string data = (temp.path() / "var").string();
  const auto file = WriteFile(temp.path() / "two.jsonl", kTwoRecords);
  const CommandResult first = RunCoolpapers({"import", "--data", data, file.string()});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("papers: 2 new, 0 updated, 0 unchanged"));
  const CommandResult again = RunCoolpapers({"import", "--data", data, file.string()});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("papers: 0 new, 0 updated, 2 unchanged"));
  EXPECT_THAT(again.output, HasSubstr("0 listings written"));
}

// The real files: the Kaggle sample (dated versions) and a month of daily lists, twice.
TEST(CliEdges, ImportingTheRealFilesAgainChangesNothing) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  TempDir temp;
  const std::string data = (temp.path() / "var").string();
  const std::vector<std::string> import = {
      "import", "--data", data,
      (shared / "metadata" / "kaggle-oai-snapshot-sample-0704.jsonl").string(),
      (shared / "metadata" / "daily-arxiv-cs-2025" / "2025-03.jsonl").string()};
  const CommandResult first = RunCoolpapers(import);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const CommandResult again = RunCoolpapers(import);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("papers: 0 new, 0 updated, "));
  EXPECT_THAT(again.output, HasSubstr("; 0 listings written"));
  EXPECT_THAT(again.output, Not(HasSubstr("skipped")));
}

}  // namespace
}  // namespace coolpapers::testing
