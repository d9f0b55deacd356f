// ParseCategoryExpr on any path subject: never crashes, and its canonical spelling parses to
// itself (the page cache keys on it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/category_expr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  coolpapers::Result<coolpapers::CategoryExpr> expr = coolpapers::ParseCategoryExpr(text);
  if (!expr) return 0;
  const std::string canonical = expr->ToString();
  coolpapers::Result<coolpapers::CategoryExpr> again = coolpapers::ParseCategoryExpr(canonical);
  if (!again || again->ToString() != canonical) std::abort();
  return 0;
}
