#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace coolpapers::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "coolpapers-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a test's leftovers must not turn a pass into a crash
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace coolpapers::testing
