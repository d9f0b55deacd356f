// The venue readers on any bytes, all of them on each input (they are cheap): BibTeX, the
// simple YAML of PMLR's _config.yml, OpenReview notes and Paper Copilot records (JSON), and
// ACL Anthology and PMLR files, which are read from disk, so the input is written to one.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <string_view>

#include "ingest/venue/acl_anthology_reader.h"
#include "ingest/venue/bibtex_reader.h"
#include "ingest/venue/openreview_reader.h"
#include "ingest/venue/paper_copilot_reader.h"
#include "ingest/venue/pmlr_bib_reader.h"
#include "ingest/venue/simple_yaml.h"
#include "ingest/venue/venue_record_sink.h"

namespace {

using namespace coolpapers;

// Takes everything; the readers' own checks are what is fuzzed.
class IgnoringSink final : public ingest::VenueRecordSink {
 public:
  Result<void> OnEdition(const VenueEdition&) override { return {}; }
  Result<void> OnPaper(VenuePaper, int64_t) override { return {}; }
  void OnMalformed(int64_t, std::string) override {}
};

// Where the input file goes: memory (/dev/shm) when the system has it. Rewriting a file on a
// disk's file system for every input took a third of the target's time (profiled with perf).
std::filesystem::path ScratchRoot() {
  std::error_code ignored;
  if (std::filesystem::is_directory("/dev/shm", ignored)) return "/dev/shm";
  return std::filesystem::temp_directory_path();
}

// A folder of this process's own, removed when it exits.
struct ScratchDir {
  std::filesystem::path path = ScratchRoot() / ("coolpapers-fuzz-venue-" + std::to_string(getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)ingest::ReadBibTex(text);
  (void)ingest::ReadSimpleYaml(text);
  (void)ingest::ParseOpenReviewNote(text);
  VenueEdition edition;
  edition.venue = "ICLR";
  edition.year = 2025;
  (void)ingest::ParsePaperCopilotRecord(text, edition);

  static const ScratchDir scratch;
  const std::filesystem::path file = scratch.path / "iclr2025.bib";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  IgnoringSink sink;
  if (text.starts_with("<") || text.starts_with("\xEF\xBB\xBF<")) {
    (void)ingest::ReadAclAnthologyFile(file, sink);
  } else {
    (void)ingest::ReadPmlrBibFile(file, sink);
  }
  return 0;
}
