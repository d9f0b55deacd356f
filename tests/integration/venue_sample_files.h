// The venue samples of ../shared/data/venues that the importer reads, shared by the import and
// the pages integration tests (defined in venue_import_test.cc).
#ifndef COOLPAPERS_TESTS_INTEGRATION_VENUE_SAMPLE_FILES_H_
#define COOLPAPERS_TESTS_INTEGRATION_VENUE_SAMPLE_FILES_H_

#include <filesystem>
#include <vector>

namespace coolpapers {

// Every venue file of the samples under `data` (shared/data), in a fixed order.
std::vector<std::filesystem::path> AllVenueFiles(const std::filesystem::path& data);

}  // namespace coolpapers

#endif  // COOLPAPERS_TESTS_INTEGRATION_VENUE_SAMPLE_FILES_H_
