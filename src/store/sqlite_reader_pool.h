// A fixed set of read-only SQLite connections lent to one thread at a time, so reads run in
// parallel with each other and with the single writer (WAL lets readers see the last commit
// while a write is under way).
#ifndef COOLPAPERS_STORE_SQLITE_READER_POOL_H_
#define COOLPAPERS_STORE_SQLITE_READER_POOL_H_

#include <condition_variable>
#include <filesystem>
#include <vector>

#include "core/mutex.h"
#include "store/sqlite_connection.h"

namespace coolpapers::store {

class SqliteReaderPool {
 public:
  // A borrowed connection, given back to the pool when the lease is dropped.
  class Lease {
   public:
    Lease(SqliteReaderPool& pool, SqliteConnection& connection)
        : pool_(&pool), connection_(&connection) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(other.connection_) {
      other.pool_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->GiveBack(*connection_);
    }
    SqliteConnection& operator*() const { return *connection_; }

   private:
    SqliteReaderPool* pool_;  // null once moved from
    SqliteConnection* connection_;
  };

  // Takes ownership of the connections; there must be at least one.
  explicit SqliteReaderPool(std::vector<SqliteConnection> connections);
  SqliteReaderPool(const SqliteReaderPool&) = delete;
  SqliteReaderPool& operator=(const SqliteReaderPool&) = delete;

  // Lends a free connection, waiting for one when all are out. Thread-safe. The pool must
  // outlive every lease.
  Lease Borrow();

 private:
  void GiveBack(SqliteConnection& connection);

  std::vector<SqliteConnection> connections_;  // never resized, so the pointers stay valid
  Mutex mutex_;
  std::condition_variable_any returned_;
  std::vector<SqliteConnection*> idle_ GUARDED_BY(mutex_);
};

// Opens `count` (at least one) read-only connections to `path` for a pool. Returns the first
// SqliteConnection::Open error.
[[nodiscard]] Result<std::vector<SqliteConnection>> OpenReaderConnections(
    const std::filesystem::path& path, int count, int busy_timeout_ms);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_READER_POOL_H_
