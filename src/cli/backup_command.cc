#include "cli/backup_command.h"

#include <chrono>
#include <cstdio>

#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "store/sqlite_backup.h"
#include "store/store_location.h"

namespace coolpapers::cli {

int RunBackupCommand(const BackupOptions& options) {
  Result<store::StoreLocation> location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) {
    PrintError(location.error());
    return 1;
  }
  if (location->kind == store::StoreLocation::Kind::kPostgres) {
    PrintError(Error{ErrorCode::kInvalidArgument,
                     "the store is a PostgreSQL database (" + location->Describe() +
                         "): back it up with PostgreSQL's pg_dump, which takes a consistent "
                         "copy while the nodes run, e.g. pg_dump --format=custom --file=" +
                         options.destination.string() +
                         " 'postgresql://...' (docs/deploy.md); `coolpapers backup` copies "
                         "SQLite stores",
                     ""});
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  Result<store::SqliteBackup> backup =
      store::BackupSqliteStore(location->sqlite_path, options.destination);
  if (!backup) {
    PrintError(backup.error());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("backed %s up to %s: %lld pages, %.1f MB in %.1f s\n",
              location->Describe().c_str(), options.destination.string().c_str(),
              static_cast<long long>(backup->pages), static_cast<double>(backup->bytes) / 1e6,
              seconds);
  return 0;
}

}  // namespace coolpapers::cli
