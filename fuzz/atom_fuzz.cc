// The export API's Atom answers (ingest::ParseApiFeed) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/arxiv_atom_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)coolpapers::ingest::ParseApiFeed(xml, "fuzz");
  return 0;
}
