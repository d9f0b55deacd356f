#include "cli/import_command.h"

#include <cstdio>

namespace coolpapers::cli {

// TODO(#2): placeholder until the import module lands.
int RunImportCommand(const ImportOptions&) {
  std::fprintf(stderr, "coolpapers: import is not built yet\n");
  return 1;
}

}  // namespace coolpapers::cli
