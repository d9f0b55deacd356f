#include "store/sqlite_store.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/mutex.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_migrator.h"
#include "store/sqlite_page_changes.h"
#include "store/sqlite_reader_pool.h"
#include "store/sqlite_reads.h"
#include "store/sqlite_writes.h"

namespace coolpapers::store {
namespace {

class SqliteStore final : public Store {
 public:
  SqliteStore(SqliteConnection writer, std::vector<SqliteConnection> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}

  Result<WriteSummary> WriteRecords(std::span<const PaperRecord> records) override {
    MutexLock lock(&writer_mutex_);
    return WritePaperRecords(writer_, records);
  }

  Result<WriteSummary> WriteDayList(const CategoryDayKey& list,
                                    std::span<const PaperRecord> records) override {
    MutexLock lock(&writer_mutex_);
    return WritePaperRecords(writer_, records, list);
  }

  Result<ClickCounts> AddClick(const std::string& paper_id, ClickKind kind,
                               std::string_view reader, Date day) override {
    MutexLock lock(&writer_mutex_);
    if (day > pruned_on_) {
      if (Result<int64_t> pruned = PruneClickReaderRows(writer_, day.AddDays(-kClickReaderDays));
          !pruned) {
        return std::unexpected(std::move(pruned.error()));
      }
      pruned_on_ = day;
    }
    return AddPaperClick(writer_, paper_id, kind, reader, day);
  }

  Result<int64_t> PruneClickReaders(Date before) override {
    MutexLock lock(&writer_mutex_);
    return PruneClickReaderRows(writer_, before);
  }

  Result<DayList> ListDay(const CategoryExpr& expr, Date day) override {
    return ReadDayList(*readers_.Borrow(), expr, day);
  }

  Result<std::optional<Date>> NewestDay(const CategoryExpr& expr) override {
    return ReadNewestDay(*readers_.Borrow(), expr);
  }

  Result<std::vector<Date>> ListingDays(const CategoryExpr& expr) override {
    return ReadListingDays(*readers_.Borrow(), expr);
  }

  Result<std::vector<CategoryDay>> NewestDayPerCategory() override {
    return ReadNewestDayPerCategory(*readers_.Borrow());
  }

  Result<std::vector<Paper>> PapersByIds(std::span<const std::string> ids) override {
    return ReadPapersByIds(*readers_.Borrow(), ids);
  }

  Result<int64_t> PaperCount() override { return ReadPaperCount(*readers_.Borrow()); }

  Result<std::vector<Paper>> PapersAfter(std::string_view after_id, int limit) override {
    return ReadPapersAfter(*readers_.Borrow(), after_id, limit);
  }

  Result<PaperChanges> PaperChangesSince(uint64_t since, int limit) override {
    return ReadPaperChangesSince(*readers_.Borrow(), since, limit);
  }

  Result<std::vector<PaperSearchText>> SearchTexts(std::span<const std::string> ids) override {
    return ReadSearchTexts(*readers_.Borrow(), ids);
  }

  Result<uint64_t> LatestPaperChange() override {
    return ReadLatestPaperChange(*readers_.Borrow());
  }

  Result<std::vector<ClickCounts>> ClicksFor(std::span<const std::string> ids) override {
    return ReadClicks(*readers_.Borrow(), ids);
  }

  Result<uint64_t> ChangeStamp() override { return ReadChangeStamp(*readers_.Borrow()); }

  Result<PageChanges> PageChangesSince(uint64_t since, int limit) override {
    return ReadPageChangesSince(*readers_.Borrow(), since, limit);
  }

  Result<uint64_t> LatestPageChange() override {
    return ReadLatestPageChange(*readers_.Borrow());
  }

 private:
  Mutex writer_mutex_;
  SqliteConnection writer_ GUARDED_BY(writer_mutex_);
  Date pruned_on_ GUARDED_BY(writer_mutex_);  // the day AddClick last pruned click readers
  SqliteReaderPool readers_;
};

Result<void> EnableWal(SqliteConnection& connection, const std::filesystem::path& path) {
  auto mode = connection.Prepare("PRAGMA journal_mode = WAL");
  if (!mode) return std::unexpected(std::move(mode.error()));
  auto row = (*mode)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  // SQLite answers with the mode it is in, which stays "delete" or "memory" where WAL cannot
  // work (an in-memory database, a file system without shared memory).
  if (!*row || (*mode)->ColumnText(0) != "wal") {
    return Fail(ErrorCode::kUnavailable,
                "cannot use WAL journaling for the store \"" + path.string() +
                    "\": expected a regular file on a local file system",
                *row ? "journal_mode is " + std::string((*mode)->ColumnText(0)) : "no answer");
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path,
                                               const SqliteOptions& options) {
  auto writer =
      SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite, options.busy_timeout_ms);
  if (!writer) return std::unexpected(std::move(writer.error()));
  // Papers carry ~2 KB of text each; 16 KiB pages (SQLite's default is 4) cut an import's page
  // writes and write time by about a third. Only a new, empty file takes the setting, so it
  // must come before WAL mode and the schema; on an existing file it changes nothing.
  auto paged = writer->Execute("PRAGMA page_size = 16384");
  if (!paged) return std::unexpected(std::move(paged.error()));
  auto wal = EnableWal(*writer, path);
  if (!wal) return std::unexpected(std::move(wal.error()));
  auto migrated = MigrateSchema(*writer, AllMigrations(), path.string());
  if (!migrated) return std::unexpected(std::move(migrated.error()));

  auto readers = OpenReaderConnections(path, options.reader_connections, options.busy_timeout_ms);
  if (!readers) return std::unexpected(std::move(readers.error()));
  return std::make_unique<SqliteStore>(std::move(*writer), std::move(*readers));
}

}  // namespace coolpapers::store
