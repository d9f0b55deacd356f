#include "ingest/venue/venue_store_writer.h"

#include <gtest/gtest.h>

#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::ingest {
namespace {

VenuePaper PaperOf(const std::string& edition, const std::string& forum) {
  VenuePaper paper;
  paper.id = ParseVenuePaperId(forum + "@OpenReview").value();
  paper.edition = edition;
  paper.title = "Paper " + forum;
  return paper;
}

class VenueStoreWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteVenueStore(dir_.path() / "store.sqlite");
    ASSERT_TRUE(store);
    store_ = std::move(*store);
  }
  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::VenueStore> store_;
};

TEST_F(VenueStoreWriterTest, WritesInTheOrderGiven) {
  VenueStoreWriter writer(*store_, 1);
  ASSERT_TRUE(writer.WriteEdition(ParseEditionTag("ICLR.2024").value()));
  for (int batch = 0; batch < 5; ++batch) {
    ASSERT_TRUE(writer.WritePapers({PaperOf("ICLR.2024", "a" + std::to_string(batch)),
                                    PaperOf("ICLR.2024", "b" + std::to_string(batch))}));
  }
  auto summary = writer.Finish();
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->papers_new, 10);
  EXPECT_EQ(store_->GroupCounts("ICLR.2024").value().at(0).papers, 10);
}

TEST_F(VenueStoreWriterTest, AFailedWriteStopsTheRest) {
  VenueStoreWriter writer(*store_, 1);
  ASSERT_TRUE(writer.WritePapers({PaperOf("ICLR.2024", "a")}));  // no such edition yet
  Result<void> queued;
  for (int i = 0; i < 50 && queued; ++i) {
    queued = writer.WriteEdition(ParseEditionTag("ICLR.2024").value());
  }
  auto summary = writer.Finish();
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace coolpapers::ingest
