#include "cli/print_error.h"

#include <cstdio>

namespace coolpapers::cli {

void PrintError(const Error& error) {
  std::fprintf(stderr, "coolpapers: %s\n", error.message.c_str());
  if (!error.detail.empty()) std::fprintf(stderr, "coolpapers: (%s)\n", error.detail.c_str());
}

}  // namespace coolpapers::cli
