// The search query language (search::BuildQuery) on any text: never crashes or throws, and the
// Xapian query it builds can be described.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <xapian.h>

#include "search/query_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  coolpapers::Result<Xapian::Query> query = coolpapers::search::BuildQuery(text);
  if (query) (void)query->get_description();
  return 0;
}
