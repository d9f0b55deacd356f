#include "tests/support/shared_data.h"

#include <cstdlib>

namespace coolpapers::testing {

std::optional<std::filesystem::path> SharedDataDir() {
  const char* root = std::getenv("COOLPAPERS_SHARED_DIR");
  std::filesystem::path dir = root != nullptr ? std::filesystem::path(root) / "data"
                                              : std::filesystem::path("../shared/data");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return std::filesystem::weakly_canonical(dir, ec);
}

}  // namespace coolpapers::testing
