#include "store/sqlite_reader_pool.h"

#include <algorithm>
#include <cassert>

namespace coolpapers::store {

SqliteReaderPool::SqliteReaderPool(std::vector<SqliteConnection> connections)
    : connections_(std::move(connections)) {
  assert(!connections_.empty() && "a reader pool needs at least one connection");
  for (SqliteConnection& connection : connections_) idle_.push_back(&connection);
}

SqliteReaderPool::Lease SqliteReaderPool::Borrow() {
  MutexLock lock(&mutex_);
  returned_.wait(mutex_, [this] {
    mutex_.AssertHeld();
    return !idle_.empty();
  });
  SqliteConnection* connection = idle_.back();
  idle_.pop_back();
  return Lease(*this, *connection);
}

void SqliteReaderPool::GiveBack(SqliteConnection& connection) {
  {
    MutexLock lock(&mutex_);
    idle_.push_back(&connection);
  }
  returned_.notify_one();
}

Result<std::vector<SqliteConnection>> OpenReaderConnections(const std::filesystem::path& path,
                                                            int count, int busy_timeout_ms) {
  std::vector<SqliteConnection> readers;
  for (int i = 0; i < std::max(1, count); ++i) {
    auto reader = SqliteConnection::Open(path, SqliteConnection::Mode::kReadOnly, busy_timeout_ms);
    if (!reader) return std::unexpected(std::move(reader.error()));
    readers.push_back(std::move(*reader));
  }
  return readers;
}

}  // namespace coolpapers::store
