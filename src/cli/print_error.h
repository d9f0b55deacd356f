// How every command reports an error in the terminal: "coolpapers: <message>" and, when there
// is one, the detail (SQLite's message, the URL...) on the next line.
#ifndef COOLPAPERS_CLI_PRINT_ERROR_H_
#define COOLPAPERS_CLI_PRINT_ERROR_H_

#include "core/error.h"

namespace coolpapers::cli {

void PrintError(const Error& error);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_PRINT_ERROR_H_
