#include "cli/data_dir.h"

#include <system_error>

namespace coolpapers::cli {

Result<void> EnsureDataDir(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable,
                "cannot create data folder \"" + data_dir.string() + "\": " + ec.message());
  }
  return {};
}

}  // namespace coolpapers::cli
