#include "store/sqlite_venue_store.h"

#include <mutex>
#include <utility>
#include <vector>

#include "core/mutex.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_reader_pool.h"
#include "store/sqlite_venue_reads.h"
#include "store/sqlite_venue_writes.h"

namespace coolpapers::store {
namespace {

// 64 MB (a negative size is in KiB).
constexpr std::string_view kWriterCacheSize = "PRAGMA cache_size = -65536";

class SqliteVenueStore final : public VenueStore {
 public:
  SqliteVenueStore(SqliteConnection writer, std::vector<SqliteConnection> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}

  Result<void> WriteEdition(const VenueEdition& edition) override {
    MutexLock lock(&writer_mutex_);
    return WriteVenueEdition(writer_, edition);
  }

  Result<VenueWriteSummary> WriteVenuePapers(std::span<const VenuePaper> papers) override {
    MutexLock lock(&writer_mutex_);
    return WriteVenuePaperRows(writer_, papers);
  }

  Result<int64_t> LinkArxivByTitle() override {
    MutexLock lock(&writer_mutex_);
    return LinkVenuePapersByTitle(writer_);
  }

  Result<std::vector<VenueEditionSummary>> ListEditions() override {
    return ReadVenueEditions(*readers_.Borrow());
  }

  Result<std::optional<VenueEdition>> LoadEdition(std::string_view tag) override {
    return ReadVenueEdition(*readers_.Borrow(), tag);
  }

  Result<std::vector<VenueGroupCount>> GroupCounts(std::string_view tag) override {
    return ReadVenueGroupCounts(*readers_.Borrow(), tag);
  }

  Result<std::vector<VenuePaper>> PapersOfEdition(std::string_view tag,
                                                  std::optional<std::string_view> group,
                                                  int64_t offset, int64_t limit) override {
    return ReadPapersOfEdition(*readers_.Borrow(), tag, group, offset, limit);
  }

  Result<std::vector<VenuePaper>> VenuePapersByIds(std::span<const std::string> ids) override {
    return ReadVenuePapersByIds(*readers_.Borrow(), ids);
  }

  Result<uint64_t> VenueStamp() override { return ReadVenueStamp(*readers_.Borrow()); }

  Result<std::vector<VenuePaper>> VenuePapersChangedSince(uint64_t stamp) override {
    return ReadVenuePapersChangedSince(*readers_.Borrow(), stamp);
  }

  Result<std::vector<VenuePaper>> VenuePapersOfArxiv(
      std::span<const std::string> arxiv_ids) override {
    return ReadVenuePapersOfArxiv(*readers_.Borrow(), arxiv_ids);
  }

 private:
  Mutex writer_mutex_;
  SqliteConnection writer_ GUARDED_BY(writer_mutex_);
  SqliteReaderPool readers_;
};

}  // namespace

Result<std::unique_ptr<VenueStore>> OpenSqliteVenueStore(const std::filesystem::path& path,
                                                         const SqliteOptions& options) {
  // The store owns the file's set-up (page size, WAL, migrations): opening it once brings the
  // file up to date before the venue store opens connections of its own.
  {
    auto store = OpenSqliteStore(
        path, {.reader_connections = 1, .busy_timeout_ms = options.busy_timeout_ms});
    if (!store) return std::unexpected(std::move(store.error()));
  }
  auto writer =
      SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite, options.busy_timeout_ms);
  if (!writer) return std::unexpected(std::move(writer.error()));
  // A batch of papers touches pages all over the title and id indexes; with SQLite's default
  // 2 MB cache they are read back and spilled to the WAL more than once per transaction
  // (bench/venue_import_bench.cc: the writer thread bounds the import's rate).
  if (auto cached = writer->Execute(kWriterCacheSize, "sizing the venue writer's cache"); !cached) {
    return std::unexpected(std::move(cached.error()));
  }
  auto readers = OpenReaderConnections(path, options.reader_connections, options.busy_timeout_ms);
  if (!readers) return std::unexpected(std::move(readers.error()));
  return std::make_unique<SqliteVenueStore>(std::move(*writer), std::move(*readers));
}

}  // namespace coolpapers::store
