// Issue #14: every venue sample of ../shared/data/venues imported, with the facts
// shared/data/MANIFEST.md §4 states; venue papers linked to arXiv papers by title; and
// `coolpapers venue import` killed with SIGKILL at several points, then run again, ending with
// the store an uninterrupted import makes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "ingest/venue/venue_importer.h"
#include "store/sqlite_venue_store.h"
#include "tests/integration/venue_sample_files.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {

std::vector<std::filesystem::path> AllVenueFiles(const std::filesystem::path& data) {
  const std::filesystem::path venues = data / "venues";
  std::vector<std::filesystem::path> files;
  for (const char* name : {"aistats2024-pmlr-v238.json", "colm2024-openreview.json",
                           "corl2025-openreview.json", "iccv2019-cvf.json", "iclr2018-openreview.json",
                           "naacl2024-acl-anthology.json", "nips2018-neurips.json"}) {
    files.push_back(venues / "papercopilot" / name);
  }
  files.push_back(venues / "acl-anthology" / "2024.naacl.xml");
  files.push_back(venues / "acl-anthology" / "2024.osact.xml");
  files.push_back(venues / "pmlr" / "v305-corl2025" / "corl25.bib");
  files.push_back(venues / "pmlr" / "v336-colt2026" / "colt2026.bib");
  for (const char* name : {"v1_iclr-2021_note-accepted.json", "v2_iclr-2024_notes-accepted.json",
                           "v2_iclr-2024_notes-presentation-conference.json",
                           "v2_iclr-2024_notes-rejected.json"}) {
    files.push_back(venues / "openreview-scrubbed" / name);
  }
  return files;
}

namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

class QuietObserver : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine& line) override {
    ADD_FAILURE() << line.file << ":" << line.line << ": " << line.message;
  }
};

std::string Dump(const std::filesystem::path& path);

class VenueSamples : public ::testing::Test {
 protected:
  std::unique_ptr<store::VenueStore> Import(const std::vector<std::filesystem::path>& files) {
    auto store = store::OpenSqliteVenueStore(dir_.path() / (std::to_string(++stores_) + ".sqlite"));
    EXPECT_TRUE(store) << store.error().message;
    QuietObserver observer;
    auto summary = ingest::ImportVenueFiles(**store, files, observer);
    EXPECT_TRUE(summary) << summary.error().message;
    return std::move(*store);
  }

  static std::map<std::string, int64_t> Groups(store::VenueStore& store, std::string_view tag) {
    std::map<std::string, int64_t> groups;
    const auto counts = store.GroupCounts(tag).value();
    for (const auto& group : counts) groups[group.group] = group.papers;
    return groups;
  }

  static int64_t Papers(store::VenueStore& store, std::string_view tag) {
    int64_t papers = 0;
    for (const auto& [group, count] : Groups(store, tag)) papers += count;
    return papers;
  }

  static VenuePaper Paper(store::VenueStore& store, const std::string& id) {
    auto papers = store.VenuePapersByIds(std::vector<std::string>{id}).value();
    EXPECT_EQ(papers.size(), 1u) << id;
    return papers.empty() ? VenuePaper{} : papers[0];
  }

  coolpapers::testing::TempDir dir_;
  int stores_ = 0;
};

TEST_F(VenueSamples, Naacl2024Has662PapersInSixVolumes) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto store = Import({data / "venues/acl-anthology/2024.naacl.xml"});
  EXPECT_EQ(Papers(*store, "NAACL.2024"), 662);
  EXPECT_THAT(Groups(*store, "NAACL.2024"),
              ElementsAre(Pair("Demos", 21), Pair("Industry", 43), Pair("Long", 487),
                          Pair("SRW", 30), Pair("Short", 75), Pair("Tutorials", 6)));
  EXPECT_EQ(Paper(*store, "2024.naacl-long.431@ACL").title,
            "Naive Bayes-based Context Extension for Large Language Models");
  const VenuePaper first = Paper(*store, "2024.naacl-long.1@ACL");
  EXPECT_EQ(first.title, "Named Entity Recognition Under Domain Shift via Metric Learning for Life Sciences");
  std::vector<std::string> names;
  for (const VenueAuthor& author : first.authors) names.push_back(author.name);
  EXPECT_THAT(names, ElementsAre("Hongyi Liu", "Qingyun Wang", "Payam Karisani", "Heng Ji"));
  EXPECT_EQ(first.authors[1].affiliation, "University of Illinois, Urbana Champaign");
  EXPECT_EQ(first.pages, "1-21");
  EXPECT_EQ(first.doi, "10.18653/v1/2024.naacl-long.1");
  const auto edition = store->LoadEdition("NAACL.2024").value();
  ASSERT_TRUE(edition);
  EXPECT_EQ(edition->location, "Mexico City, Mexico");
}

TEST_F(VenueSamples, Corl2025Is263PapersFromTheBibThePaperCopilotListOrBoth) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  const std::filesystem::path bib = data / "venues/pmlr/v305-corl2025/corl25.bib";
  const std::filesystem::path list = data / "venues/papercopilot/corl2025-openreview.json";
  for (const auto& files : std::vector<std::vector<std::filesystem::path>>{{bib}, {list}, {bib, list}, {list, bib}}) {
    auto store = Import(files);
    EXPECT_EQ(Papers(*store, "CoRL.2025"), 263);
    EXPECT_THAT(Groups(*store, "CoRL.2025"), ElementsAre(Pair("Oral", 42), Pair("Poster", 221)));
    const VenuePaper pi = Paper(*store, "vlhoswksBO@OpenReview");
    EXPECT_EQ(pi.title, "$\\pi_{0.5}$: a Vision-Language-Action Model with Open-World Generalization");
    EXPECT_EQ(pi.presentation, "Oral");
  }
  auto both = Import({list, bib});
  const VenuePaper black = Paper(*both, "black25a@v305@PMLR");
  EXPECT_EQ(black.id.ToString(), "black25a@v305@PMLR");
  ASSERT_EQ(black.other_ids.size(), 1u);
  EXPECT_EQ(black.other_ids[0].ToString(), "vlhoswksBO@OpenReview");
  EXPECT_EQ(black.pages, "17-40");
  EXPECT_EQ(black.authors.size(), 35u);
  EXPECT_EQ(black.authors[0].name, "Kevin Black");
  EXPECT_EQ(Paper(*both, "wnWYoetLhC@OpenReview").id.ToString(), "xie25a@v305@PMLR");
  const VenuePaper last = Paper(*both, "huang25d@v305@PMLR");
  EXPECT_EQ(last.group, "Poster");
  EXPECT_EQ(last.pages, "5581-5605");
  EXPECT_EQ(last.other_ids.at(0).ToString(), "06YyNxzwae@OpenReview");
  const auto edition = both->LoadEdition("CoRL.2025").value();
  ASSERT_TRUE(edition);
  EXPECT_EQ(edition->location, "Seoul, Korea");
  EXPECT_EQ(edition->published, "2025-10-07");
}

TEST_F(VenueSamples, Colt2026Has197Papers) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto store = Import({data / "venues/pmlr/v336-colt2026/colt2026.bib"});
  EXPECT_EQ(Papers(*store, "COLT.2026"), 197);
  EXPECT_THAT(Groups(*store, "COLT.2026"),
              ElementsAre(Pair("Open Problems", 5), Pair("Original Papers", 191), Pair("Preface", 1)));
  const VenuePaper first = Paper(*store, "aamand26a@v336@PMLR");
  EXPECT_EQ(first.title, "How fast can you find a good hypothesis?");
  EXPECT_EQ(first.pages, "1-2");
  const VenuePaper last = Paper(*store, "open-problem-nissim26a@v336@PMLR");
  EXPECT_EQ(last.title,
            "Invited Open Problem: Does Differential Privacy Make PAC Learning Much Harder?");
  EXPECT_EQ(last.pages, "7129-7135");
  const auto edition = store->LoadEdition("COLT.2026").value();
  EXPECT_EQ(edition->start_date, "2026-06-29");
  EXPECT_EQ(edition->end_date, "2026-07-03");
  EXPECT_EQ(edition->location, "San Diego, California");
}

TEST_F(VenueSamples, EverySampleImportsWithTheManifestsFacts) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  auto store = Import(AllVenueFiles(data));
  std::vector<std::string> tags;
  const auto editions = store->ListEditions().value();
  for (const auto& summary : editions) tags.push_back(summary.edition.Tag());
  EXPECT_THAT(tags, ElementsAre("AISTATS.2024", "COLM.2024", "COLT.2026", "CoRL.2025", "ICCV.2019",
                                "ICLR.2024", "ICLR.2021", "ICLR.2018", "NAACL.2024", "NeurIPS.2018",
                                "OSACT.2024"));
  EXPECT_EQ(Papers(*store, "AISTATS.2024"), 547);
  EXPECT_EQ(Papers(*store, "COLM.2024"), 299);
  EXPECT_EQ(Papers(*store, "CoRL.2025"), 263);
  EXPECT_EQ(Papers(*store, "COLT.2026"), 197);
  EXPECT_THAT(Groups(*store, "ICLR.2018"),
              ElementsAre(Pair("Active", 3), Pair("Oral", 23), Pair("Poster", 314),
                          Pair("Reject", 496), Pair("Withdraw", 69), Pair("Workshop", 90)));
  EXPECT_THAT(Groups(*store, "ICCV.2019"), ElementsAre(Pair("", 13), Pair("Oral", 200), Pair("Poster", 862)));
  EXPECT_THAT(Groups(*store, "NeurIPS.2018"),
              ElementsAre(Pair("Oral", 30), Pair("Poster", 812), Pair("Spotlight", 167)));
  // The Anthology's six volumes and Paper Copilot's Findings: its Long, Short, Demos and
  // Industry papers are the Anthology's.
  EXPECT_THAT(Groups(*store, "NAACL.2024"),
              ElementsAre(Pair("Demos", 21), Pair("Findings", 286), Pair("Industry", 43),
                          Pair("Long", 487), Pair("SRW", 30), Pair("Short", 75), Pair("Tutorials", 6)));
  EXPECT_EQ(Papers(*store, "OSACT.2024"), 17);
  const VenuePaper aratar = Paper(*store, "2024.osact-1.1@ACL");
  EXPECT_EQ(aratar.title,
            "AraTar: A Corpus to Support the Fine-grained Detection of Hate Speech Targets in the "
            "Arabic Language");
  EXPECT_EQ(aratar.authors.at(0).name, "Seham Alghamdi");

  auto iccv = store->PapersOfEdition("ICCV.2019", "Oral", 0, 1000).value();
  const auto singan = std::ranges::find_if(iccv, [](const VenuePaper& p) {
    return p.title == "SinGAN: Learning a Generative Model From a Single Natural Image";
  });
  ASSERT_NE(singan, iccv.end());
  EXPECT_EQ(singan->authors.at(0).name, "Tamar Rott Shaham");
  EXPECT_EQ(singan->id.qualifier, "ICCV2019");

  auto neurips = store->PapersOfEdition("NeurIPS.2018", "Oral", 0, 1000).value();
  const auto ode = std::ranges::find_if(
      neurips, [](const VenuePaper& p) { return p.title == "Neural Ordinary Differential Equations"; });
  ASSERT_NE(ode, neurips.end());
  EXPECT_EQ(ode->authors.at(0).name, "Ricky T. Q. Chen");

  const auto iclr = store->LoadEdition("ICLR.2024").value();
  EXPECT_EQ(iclr->official_count, 2260);
  EXPECT_EQ(Paper(*store, "cXs5md5wAq@OpenReview").status, "Reject");
  EXPECT_EQ(Paper(*store, "9Cu8MRmhq2@OpenReview").presentation, "Oral");
  EXPECT_EQ(Paper(*store, "5NsEIflpbSv@OpenReview").edition, "ICLR.2021");
}

TEST_F(VenueSamples, TheImportOrderDoesNotMatter) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  std::vector<std::filesystem::path> files = AllVenueFiles(data);
  Import(files);
  std::reverse(files.begin(), files.end());
  Import(files);
  const std::string forward = Dump(dir_.path() / "1.sqlite");
  EXPECT_GT(forward.size(), 100000u);
  EXPECT_EQ(forward, Dump(dir_.path() / "2.sqlite"));
}

// The two pages link each other: a venue paper found on arXiv by its title, through the
// binary as a user runs it.
TEST(VenueImportProcess, LinksVenuePapersToStoredArxivPapersByTitle) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  coolpapers::testing::TempDir dir;
  const std::string data_dir = (dir.path() / "var").string();
  const testing::CommandResult arxiv = testing::RunCoolpapers(
      {"import", "--data", data_dir, (data / "metadata/daily-arxiv-cs-2025/2025-09.jsonl").string()});
  ASSERT_EQ(arxiv.exit_code, 0) << arxiv.output;
  const testing::CommandResult venues = testing::RunCoolpapers(
      {"venue", "import", "--data", data_dir, (data / "venues/pmlr/v305-corl2025/corl25.bib").string()});
  ASSERT_EQ(venues.exit_code, 0) << venues.output;
  EXPECT_THAT(venues.output, ::testing::HasSubstr("linked to arXiv by title"));
  const testing::CommandResult list = testing::RunCoolpapers({"venue", "list", "--data", data_dir});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, ::testing::HasSubstr("CoRL.2025  263 papers  [PMLR v305]\n  Oral 42, Poster 221\n"));

  auto store = store::OpenSqliteVenueStore(dir.path() / "var" / "coolpapers.sqlite");
  ASSERT_TRUE(store);
  const std::vector<std::string> arxiv_ids = {"2508.21102"};
  const auto linked = (*store)->VenuePapersOfArxiv(arxiv_ids).value();
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].title,
            "GENNAV: Polygon Mask Generation for Generalized Referring Navigable Regions");
  EXPECT_EQ(linked[0].edition, "CoRL.2025");
  EXPECT_EQ(linked[0].arxiv_link, ArxivLink::kTitle);
}

// A stable text of everything the store holds about venues.
std::string Dump(const std::filesystem::path& path) {
  auto store = store::OpenSqliteVenueStore(path);
  if (!store) return "cannot open: " + store.error().message;
  std::string text;
  const auto editions = (*store)->ListEditions().value();
  for (const auto& summary : editions) {
    const VenueEdition& edition = summary.edition;
    text += edition.Tag() + " " + std::to_string(summary.papers) + " " + edition.full_name + " " +
            edition.location + " " + std::to_string(edition.official_count.value_or(-1)) + "\n";
    const auto papers = (*store)->PapersOfEdition(edition.Tag(), std::nullopt, 0, 100000).value();
    for (const VenuePaper& paper : papers) {
      text += "  " + paper.id.ToString() + " " + std::to_string(paper.position) + " " + paper.group +
              " " + paper.status + " " + paper.title + " " + std::to_string(paper.authors.size()) +
              " " + paper.pages + " " + std::to_string(paper.abstract.size()) + "\n";
      for (const VenuePaperId& id : paper.other_ids) text += "    " + id.ToString() + "\n";
    }
  }
  return text;
}

TEST(VenueImportProcess, KilledImportConvergesToTheUninterruptedStore) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  coolpapers::testing::TempDir dir;
  std::vector<std::string> args = {"venue", "import", "--data"};
  std::vector<std::string> files;
  for (const auto& file : AllVenueFiles(data)) files.push_back(file.string());
  const auto run = [&](const std::filesystem::path& data_dir, std::chrono::milliseconds timeout) {
    std::vector<std::string> command = args;
    command.push_back(data_dir.string());
    command.insert(command.end(), files.begin(), files.end());
    return testing::RunCoolpapers(command, timeout);
  };

  const testing::CommandResult whole = run(dir.path() / "whole", std::chrono::seconds(120));
  ASSERT_EQ(whole.exit_code, 0) << whole.output;
  const std::string expected = Dump(dir.path() / "whole" / "coolpapers.sqlite");
  ASSERT_NE(expected.find("CoRL.2025 263"), std::string::npos) << expected.substr(0, 2000);

  int killed = 0;
  for (const int delay_ms : {150, 300, 450, 600}) {
    const std::filesystem::path data_dir = dir.path() / ("killed-" + std::to_string(delay_ms));
    const testing::CommandResult interrupted = run(data_dir, std::chrono::milliseconds(delay_ms));
    if (interrupted.exit_code == -1) ++killed;
    const testing::CommandResult again = run(data_dir, std::chrono::seconds(120));
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_EQ(Dump(data_dir / "coolpapers.sqlite"), expected) << "killed after " << delay_ms << " ms";
  }
  // On a very fast machine every run may finish first; on ours most are killed mid-import.
  RecordProperty("imports_killed", killed);
}

}  // namespace
}  // namespace coolpapers
