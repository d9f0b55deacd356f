// Runs a Python checker script (a real outside reader: feedparser, the Prometheus parser) on a
// text the site produced, for tests that hand our output to someone else's parser.
#ifndef COOLPAPERS_TESTS_SUPPORT_PYTHON_CHECK_H_
#define COOLPAPERS_TESTS_SUPPORT_PYTHON_CHECK_H_

#include <filesystem>
#include <string>

namespace coolpapers::testing {

// Writes `input` to a file in `dir`, runs `/usr/bin/python3 SCRIPT < file` (at most 60 s) and
// returns what it printed. A failed run (exit status not 0) fails the current test with the
// output and the input; the output is returned all the same.
std::string RunPythonCheck(const std::string& script, const std::string& input,
                           const std::filesystem::path& dir);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_PYTHON_CHECK_H_
