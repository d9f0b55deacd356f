// ArxivId::Parse on any text: never crashes, and what it accepts it spells so that parsing the
// spelling again gives the same id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/arxiv_id.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  coolpapers::Result<coolpapers::ArxivId> id = coolpapers::ArxivId::Parse(text);
  if (!id) return 0;
  coolpapers::Result<coolpapers::ArxivId> again = coolpapers::ArxivId::Parse(id->WithVersion());
  if (!again || again->WithVersion() != id->WithVersion() || again->str() != id->str()) std::abort();
  return 0;
}
