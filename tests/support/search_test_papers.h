// A dozen hand-made papers for the search tests, each with something a query can single out.
#ifndef COOLPAPERS_TESTS_SUPPORT_SEARCH_TEST_PAPERS_H_
#define COOLPAPERS_TESTS_SUPPORT_SEARCH_TEST_PAPERS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "core/paper.h"

namespace coolpapers::search {

// The papers, ids "2503.00001" to "2507.00012"; see the .cc for their text.
std::vector<Paper> SearchTestPapers();

// The ids of the search's hits in rank order, or the error message prefixed with "error: ".
// Opens a fresh Searcher on `index_dir` each time.
std::vector<std::string> SearchIds(const std::filesystem::path& index_dir, const std::string& text,
                                   int limit = 50);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_TESTS_SUPPORT_SEARCH_TEST_PAPERS_H_
