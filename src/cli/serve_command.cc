#include "cli/serve_command.h"

#include <cstdio>

namespace coolpapers::cli {

// TODO(#2): placeholder until the serve module lands.
int RunServeCommand(const ServeOptions&) {
  std::fprintf(stderr, "coolpapers: serve is not built yet\n");
  return 1;
}

}  // namespace coolpapers::cli
