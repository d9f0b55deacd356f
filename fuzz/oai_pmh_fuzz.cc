// OAI-PMH ListRecords pages (ingest::ParseOaiPmhPage) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/oai_pmh_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)coolpapers::ingest::ParseOaiPmhPage(xml, "fuzz");
  return 0;
}
