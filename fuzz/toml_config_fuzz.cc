// A settings file (coolpapers.toml, the FAQ's questions) on any bytes, as every loader reads
// it: ParseTomlFile (toml++ with the FILE:LINE:COLUMN messages), then every node's line, as the
// loaders' messages ask it. A file a hand edited wrongly gets a message, never a crash. The
// parser reads a file, so each input is written to one. cli::LoadConfigFile's typed readers are
// not linked here: its file also checks a store URL and a PDF source with functions whose
// files bring the store backends and curl (see docs/fuzzing.md).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "core/toml_file.h"

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
  coolpapers::Result<toml::table> table = coolpapers::ParseTomlFile(file.string());
  if (!table) return 0;
  table->for_each([](const toml::key&, auto&& node) { (void)coolpapers::LineOf(node); });
  return 0;
}
