#include "ingest/venue/acl_anthology_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/venue_test_sink.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CollectingSink;
using testing::VenueFixture;

TEST(AclAnthologyReader, ReadsVolumesAsGroupsOfOneEditionNamedByTheVenueYaml) {
  CollectingSink sink;
  ASSERT_TRUE(ReadAclAnthologyFile(VenueFixture("acl/2024.naacl.xml"), sink));
  ASSERT_EQ(sink.editions.size(), 1u);
  const VenueEdition& edition = sink.editions[0];
  EXPECT_EQ(edition.Tag(), "NAACL.2024");
  EXPECT_EQ(edition.full_name, "North American Chapter of the Association for Computational Linguistics");
  EXPECT_EQ(edition.location, "Mexico City, Mexico");
  EXPECT_THAT(edition.sources, ElementsAre("ACL Anthology"));

  ASSERT_EQ(sink.papers.size(), 3u);
  const VenuePaper& first = sink.Paper("2024.naacl-long.1@ACL");
  EXPECT_EQ(first.title, "Named Entity Recognition Under Domain Shift via Metric Learning for Life Sciences");
  ASSERT_EQ(first.authors.size(), 2u);
  EXPECT_EQ(first.authors[0], (VenueAuthor{"Hongyi Liu", ""}));
  EXPECT_EQ(first.authors[1], (VenueAuthor{"Qingyun Wang", "University of Illinois, Urbana Champaign"}));
  EXPECT_EQ(first.abstract,
            "Named entity recognition is a key component of Information Extraction (IE), with k "
            "labels and italics.");
  EXPECT_EQ(first.pages, "1-21");
  EXPECT_EQ(first.doi, "10.18653/v1/2024.naacl-long.1");
  EXPECT_EQ(first.track, "long");
  EXPECT_EQ(first.group, "Long");
  EXPECT_EQ(first.status, "Accept");
  EXPECT_EQ(first.landing_url, "https://aclanthology.org/2024.naacl-long.1/");
  EXPECT_EQ(first.pdf_url, "https://aclanthology.org/2024.naacl-long.1.pdf");

  const VenuePaper& knn = sink.Paper("2024.naacl-long.19@ACL");
  EXPECT_EQ(knn.title,
            "kNN-ICL: Compositional Task-Oriented Parsing Generalization with Nearest Neighbor "
            "In-Context Learning");
  EXPECT_EQ(knn.pages, "326-337");
  const VenuePaper& srw = sink.Paper("2024.naacl-srw.1@ACL");
  EXPECT_EQ(srw.group, "SRW");
  EXPECT_GT(srw.position, knn.position);

  ASSERT_EQ(sink.malformed.size(), 1u);
  EXPECT_EQ(sink.malformed[0].first, 35);
  EXPECT_THAT(sink.malformed[0].second, HasSubstr("2024.naacl-long.20@ACL"));
}

TEST(AclAnthologyReader, NamesVolumeGroupsAsPaperCopilotDoes) {
  EXPECT_EQ(AclVolumeGroup("demo"), "Demos");
  EXPECT_EQ(AclVolumeGroup("tutorials"), "Tutorials");
  EXPECT_EQ(AclVolumeGroup("1"), "1");
  EXPECT_EQ(AclVolumeGroup("main"), "Main");
}

TEST(AclAnthologyReader, RefusesAFileThatIsNoCollection) {
  CollectingSink sink;
  Result<void> read = ReadAclAnthologyFile(VenueFixture("pmlr/v305/corl25.bib"), sink);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ReadAclAnthologyFile(VenueFixture("acl/missing.xml"), sink).error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace coolpapers::ingest
