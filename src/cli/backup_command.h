// `coolpapers backup [--data DIR] [--store URL] DEST`: a consistent copy of the instance's SQLite
// store at DEST, taken while `serve` runs (store/sqlite_backup.h). A PostgreSQL store is backed
// up with PostgreSQL's own pg_dump, which the error message spells out.
#ifndef COOLPAPERS_CLI_BACKUP_COMMAND_H_
#define COOLPAPERS_CLI_BACKUP_COMMAND_H_

#include <filesystem>
#include <string>

namespace coolpapers::cli {

struct BackupOptions {
  std::filesystem::path data_dir = "var";
  std::string store;  // --store: "sqlite:PATH" or "postgresql://..."; "" means [store] url
  std::filesystem::path destination;
};

// Prints what it copied to stdout. Returns the exit code: 0, 1 when the backup failed or the
// store is PostgreSQL (the message says to use pg_dump).
int RunBackupCommand(const BackupOptions& options);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_BACKUP_COMMAND_H_
