// coolpapers.toml (cli::LoadConfigFile) on any bytes: a settings file a hand edited wrongly
// gets a message, never a crash. The loader reads a file, so each input is written to one.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "cli/config_file.h"

namespace {

// A file of this process's own, removed when it exits.
struct ScratchFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("coolpapers-fuzz-" + std::to_string(getpid()) + ".toml");
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ScratchFile scratch;
  const std::filesystem::path& file = scratch.path;
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  (void)coolpapers::cli::LoadConfigFile(file);
  return 0;
}
