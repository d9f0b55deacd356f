#include "ingest/venue/paper_copilot_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/venue_test_sink.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CollectingSink;
using testing::VenueFixture;

CollectingSink Read(std::string_view fixture, const VenueFileOptions& options = {}) {
  CollectingSink sink;
  Result<void> read = ReadPaperCopilotFile(VenueFixture(fixture), options, sink);
  EXPECT_TRUE(read) << read.error().message;
  return sink;
}

std::vector<std::string> Names(const VenuePaper& paper) {
  std::vector<std::string> names;
  for (const VenueAuthor& author : paper.authors) names.push_back(author.name);
  return names;
}

TEST(PaperCopilotReader, ReadsOpenReviewShapeAndReportsARecordWithoutTitle) {
  const CollectingSink sink = Read("papercopilot/corl2025-openreview.json");
  ASSERT_EQ(sink.editions.size(), 1u);
  EXPECT_EQ(sink.editions[0].Tag(), "CoRL.2025");
  EXPECT_THAT(sink.editions[0].sources, ElementsAre("Paper Copilot"));
  ASSERT_EQ(sink.papers.size(), 2u);
  const VenuePaper& first = sink.papers[0];
  EXPECT_EQ(first.id.ToString(), "06YyNxzwae@OpenReview");
  EXPECT_EQ(first.edition, "CoRL.2025");
  EXPECT_EQ(first.position, 1);
  EXPECT_EQ(first.group, "Poster");
  EXPECT_EQ(first.presentation, "Poster");
  EXPECT_EQ(first.status, "Accept");
  EXPECT_EQ(first.track, "main");
  EXPECT_THAT(Names(first), ElementsAre("Yixuan Huang", "Novella Alvina", "Mohanraj Devendran Shanthi",
                                        "Tucker Hermans"));
  EXPECT_THAT(first.keywords,
              ElementsAre("Learning from failures", "Variational inference", "Skill effect models"));
  EXPECT_EQ(first.landing_url, "https://openreview.net/forum?id=06YyNxzwae");
  EXPECT_EQ(first.pdf_url, "https://openreview.net/pdf?id=06YyNxzwae");

  const VenuePaper& oral = sink.Paper("vlhoswksBO@OpenReview");
  EXPECT_EQ(oral.title, "$\\pi_{0.5}$: a Vision-Language-Action Model with Open-World Generalization");
  EXPECT_EQ(oral.presentation, "Oral");
  EXPECT_EQ(oral.position, 3);
  EXPECT_THAT(Names(oral), ElementsAre("Kevin Black", "Noah Brown"));

  ASSERT_EQ(sink.malformed.size(), 1u);
  EXPECT_EQ(sink.malformed[0].first, 21);  // the "{" of the second record
  EXPECT_THAT(sink.malformed[0].second, HasSubstr("no title"));
}

TEST(PaperCopilotReader, ReadsCvfShapeFromEitherLink) {
  const CollectingSink sink = Read("papercopilot/iccv2019-cvf.json");
  ASSERT_EQ(sink.papers.size(), 2u);
  const VenuePaper& singan = sink.papers[0];
  EXPECT_EQ(singan.id.ToString(),
            "Shaham_SinGAN_Learning_a_Generative_Model_From_a_Single_Natural_Image@ICCV2019@CVF");
  EXPECT_EQ(singan.edition, "ICCV.2019");
  EXPECT_EQ(singan.group, "Oral");
  EXPECT_THAT(Names(singan), ElementsAre("Tamar Rott Shaham", "Tali Dekel", "Tomer Michaeli"));
  EXPECT_EQ(singan.arxiv_id, "1905.01164");
  EXPECT_EQ(singan.arxiv_link, ArxivLink::kSource);
  const VenuePaper& unsessioned = sink.papers[1];
  EXPECT_EQ(unsessioned.id.qualifier, "ICCV2019");
  EXPECT_EQ(unsessioned.group, "");
  EXPECT_EQ(unsessioned.arxiv_link, ArxivLink::kNone);
}

TEST(PaperCopilotReader, ReadsNeurIpsShapeUnderTheProceedingsHash) {
  const CollectingSink sink = Read("papercopilot/nips2018-neurips.json");
  ASSERT_EQ(sink.papers.size(), 2u);
  EXPECT_EQ(sink.editions[0].Tag(), "NeurIPS.2018");
  const VenuePaper& ode = sink.Paper("69386f6bb1dfed68692a24c8686939b9@2018@NeurIPS");
  EXPECT_EQ(ode.title, "Neural Ordinary Differential Equations");
  EXPECT_EQ(ode.landing_url,
            "https://papers.nips.cc/paper_files/paper/2018/hash/"
            "69386f6bb1dfed68692a24c8686939b9-Abstract.html");
  EXPECT_EQ(Names(ode).at(0), "Ricky T. Q. Chen");
  // No "author": the names come from "author_site"; no abstract, bibtex or pdf is fine.
  const VenuePaper& spotlight = sink.Paper("959a557f5f6beb411fd954f3f34b21c3@2018@NeurIPS");
  EXPECT_THAT(Names(spotlight), ElementsAre("Aditya Menon", "Robert Williamson"));
  EXPECT_EQ(spotlight.presentation, "Spotlight");
  EXPECT_EQ(spotlight.abstract, "");
}

// URLS.md §2: a USENIX paper is "<slug>@<conference><yy>@USENIX", the slug and conference of
// its presentation page.
TEST(PaperCopilotReader, ReadsAUsenixPresentationPageAsItsId) {
  const CollectingSink sink = Read("papercopilot/usenixsecurity2024-usenix.json");
  ASSERT_EQ(sink.papers.size(), 1u);
  EXPECT_EQ(sink.editions[0].Tag(), "USENIX-Sec.2024");
  const VenuePaper& paper = sink.papers[0];
  EXPECT_EQ(paper.id.ToString(), "xu-haichuan@usenixsecurity24@USENIX");
  EXPECT_EQ(paper.landing_url,
            "https://www.usenix.org/conference/usenixsecurity24/presentation/xu-haichuan");
  EXPECT_EQ(paper.pdf_url, "https://www.usenix.org/system/files/usenixsecurity24-xu-haichuan.pdf");
}

TEST(PaperCopilotReader, ReadsAclAndPmlrShapesWithDoiAndPagesFromTheirBibtex) {
  const CollectingSink acl = Read("papercopilot/naacl2024-acl-anthology.json");
  const VenuePaper& findings = acl.Paper("2024.findings-naacl.30@ACL");
  EXPECT_EQ(findings.group, "Findings");
  EXPECT_EQ(findings.presentation, "");
  EXPECT_EQ(findings.doi, "10.18653/v1/2024.findings-naacl.30");
  EXPECT_EQ(findings.pages, "437-463");
  EXPECT_EQ(acl.Paper("2024.naacl-long.1@ACL").group, "Long");

  const CollectingSink pmlr = Read("papercopilot/aistats2024-pmlr-v238.json");
  EXPECT_EQ(pmlr.editions[0].Tag(), "AISTATS.2024");
  const VenuePaper& paper = pmlr.Paper("heidrich24a@v238@PMLR");
  EXPECT_EQ(paper.pages, "1945-1953");
  EXPECT_EQ(paper.pdf_url, "https://proceedings.mlr.press/v238/heidrich24a/heidrich24a.pdf");
}

TEST(PaperCopilotReader, TakesTheEditionFromTheOptionsOrTheFileName) {
  EXPECT_EQ(EditionOfPaperCopilotFile("lists/iclr2018.json")->Tag(), "ICLR.2018");
  EXPECT_EQ(EditionOfPaperCopilotFile("nips2018-neurips.json")->Tag(), "NeurIPS.2018");
  EXPECT_FALSE(EditionOfPaperCopilotFile("papers.json"));
  EXPECT_FALSE(EditionOfPaperCopilotFile("iclr20185.json"));
  const CollectingSink sink =
      Read("papercopilot/corl2025-openreview.json", {.edition = "CoRL.2024"});
  EXPECT_EQ(sink.papers.at(0).edition, "CoRL.2024");
}

TEST(PaperCopilotReader, FindsTheOpenReviewIdInThePdfLinkWhenTheSiteIsTheConferences) {
  Result<VenuePaper> paper = ParsePaperCopilotRecord(
      R"({"title": "Learning to Count Objects", "status": "Poster",
          "site": "https://iclr.cc/virtual/2018/poster/307", "id": "B12Js_yRb",
          "pdf": "https://openreview.net/pdf?id=B12Js_yRb"})",
      ParseEditionTag("ICLR.2018").value());
  ASSERT_TRUE(paper) << paper.error().message;
  EXPECT_EQ(paper->id.ToString(), "B12Js_yRb@OpenReview");
  EXPECT_EQ(paper->landing_url, "https://openreview.net/forum?id=B12Js_yRb");
}

TEST(PaperCopilotReader, RejectsRecordsItCannotPlace) {
  VenueEdition edition = ParseEditionTag("ICLR.2024").value();
  EXPECT_FALSE(ParsePaperCopilotRecord("[1, 2]", edition));
  EXPECT_FALSE(ParsePaperCopilotRecord("{\"title\": \"x\"", edition));
  Result<VenuePaper> unknown =
      ParsePaperCopilotRecord(R"({"title": "T", "site": "https://example.org/p/1"})", edition);
  ASSERT_FALSE(unknown);
  EXPECT_THAT(unknown.error().message, HasSubstr("cannot tell the source"));
}

}  // namespace
}  // namespace coolpapers::ingest
