// One line of a JSON Lines import (ingest::ParseRecordLine: Kaggle and listing records), on
// any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/record_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  (void)coolpapers::ingest::ParseRecordLine(line, 1);
  return 0;
}
