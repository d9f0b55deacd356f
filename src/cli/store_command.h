// `coolpapers store copy --from sqlite:PATH --to postgresql://...`: moves an instance's store
// from its SQLite file into an empty PostgreSQL database, then checks the copy row by row
// (store/store_copy.h). Stop the instance first; point [store] url at the database after.
#ifndef COOLPAPERS_CLI_STORE_COMMAND_H_
#define COOLPAPERS_CLI_STORE_COMMAND_H_

#include <string>

namespace coolpapers::cli {

struct StoreCopyOptions {
  std::string from;  // "sqlite:var/coolpapers.sqlite"
  std::string to;    // "postgresql://coolpapers@db/papers"
};

// Prints progress to stderr and one line per table to stdout. Returns the exit code: 0 when
// every table was copied and found equal, 1 when the copy or the check failed, 2 for a --from
// that is not sqlite:PATH or a --to that is not postgresql://.
int RunStoreCopyCommand(const StoreCopyOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_STORE_COMMAND_H_
