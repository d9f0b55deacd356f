// A VenueRecordSink for tests: keeps everything a reader hands over.
#ifndef COOLPAPERS_TESTS_SUPPORT_VENUE_TEST_SINK_H_
#define COOLPAPERS_TESTS_SUPPORT_VENUE_TEST_SINK_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest::testing {

// The fixtures under src/ingest/testdata/venues.
std::string VenueFixture(std::string_view relative_path);

class CollectingSink : public VenueRecordSink {
 public:
  Result<void> OnEdition(const VenueEdition& edition) override;
  Result<void> OnPaper(VenuePaper paper, int64_t bytes_done) override;
  void OnMalformed(int64_t line, std::string message) override;

  // The paper with this id, or a failed test and an empty paper.
  const VenuePaper& Paper(std::string_view id) const;

  std::vector<VenueEdition> editions;
  std::vector<VenuePaper> papers;
  std::vector<std::pair<int64_t, std::string>> malformed;  // line, message
  int64_t last_bytes_done = 0;
};

}  // namespace coolpapers::ingest::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_VENUE_TEST_SINK_H_
