#include "tests/support/venue_test_sink.h"

#include <gtest/gtest.h>

namespace coolpapers::ingest::testing {

std::string VenueFixture(std::string_view relative_path) {
  return std::string(COOLPAPERS_VENUE_TESTDATA) + "/" + std::string(relative_path);
}

Result<void> CollectingSink::OnEdition(const VenueEdition& edition) {
  editions.push_back(edition);
  return {};
}

Result<void> CollectingSink::OnPaper(VenuePaper paper, int64_t bytes_done) {
  EXPECT_GE(bytes_done, last_bytes_done) << "progress goes forward";
  last_bytes_done = bytes_done;
  papers.push_back(std::move(paper));
  return {};
}

void CollectingSink::OnMalformed(int64_t line, std::string message) {
  malformed.emplace_back(line, std::move(message));
}

const VenuePaper& CollectingSink::Paper(std::string_view id) const {
  for (const VenuePaper& paper : papers) {
    if (paper.id.ToString() == id) return paper;
  }
  ADD_FAILURE() << "no paper " << id;
  static const VenuePaper kNone;
  return kNone;
}

}  // namespace coolpapers::ingest::testing
