// The paper the FAQ's integration tests use: 2304.02623, whose real PDF ../shared/data/pdfs
// holds (MANIFEST.md), imported from a listing record and put in the instance's PDF cache, so
// the FAQ reads it without arXiv.
#ifndef COOLPAPERS_TESTS_INTEGRATION_FAQ_TEST_PAPER_H_
#define COOLPAPERS_TESTS_INTEGRATION_FAQ_TEST_PAPER_H_

#include <filesystem>

namespace coolpapers::testing {

inline constexpr char kFaqTestPaperId[] = "2304.02623";

// Imports the paper into `data_dir` with the real binary and copies its PDF (version 1) from
// `shared` (../shared/data) into DATA/pdf. Uses gtest assertions: check HasFatalFailure().
void PrepareFaqTestPaper(const std::filesystem::path& data_dir,
                         const std::filesystem::path& shared);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_INTEGRATION_FAQ_TEST_PAPER_H_
