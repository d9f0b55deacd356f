#include "store/pg_connection_pool.h"

#include <algorithm>

namespace coolpapers::store {

PgSession::PgSession(const std::string& url, std::string_view setup) : connection_(url) {
  if (!setup.empty()) pqxx::nontransaction(connection_).exec(std::string(setup));
}

const std::string& PgSession::StatementName(std::string_view sql) {
  auto found = names_.find(std::string(sql));
  if (found != names_.end()) return found->second;
  std::string name = "s" + std::to_string(names_.size());
  // libpqxx prepares lazily: the server sees the statement at its first execution.
  connection_.prepare(name, std::string(sql));
  return names_.emplace(std::string(sql), std::move(name)).first->second;
}

Result<std::unique_ptr<PgConnectionPool>> PgConnectionPool::Open(std::string url, int size,
                                                                 std::string session_setup) {
  std::unique_ptr<PgConnectionPool> pool(
      new PgConnectionPool(std::move(url), std::max(1, size), std::move(session_setup)));
  try {
    // Nobody else sees the pool yet; the lock keeps the rule the analysis checks.
    auto first = std::make_unique<PgSession>(pool->url_, pool->session_setup_);
    MutexLock lock(&pool->mutex_);
    pool->idle_.push_back(std::move(first));
    pool->open_ = 1;
  } catch (const std::exception& error) {
    return Fail(ErrorCode::kUnavailable,
                "cannot connect to the PostgreSQL store at " + RedactPgUrl(pool->url_),
                error.what());
  }
  return pool;
}

std::unique_ptr<PgSession> PgConnectionPool::Borrow() {
  {
    MutexLock lock(&mutex_);
    returned_.wait(mutex_, [&] {
      mutex_.AssertHeld();
      return !idle_.empty() || open_ < size_;
    });
    if (!idle_.empty()) {
      std::unique_ptr<PgSession> session = std::move(idle_.back());
      idle_.pop_back();
      return session;
    }
    ++open_;
  }
  // Connect outside the lock: it takes a round trip or more, and others may return meanwhile.
  try {
    return std::make_unique<PgSession>(url_, session_setup_);
  } catch (...) {
    MutexLock lock(&mutex_);
    --open_;
    returned_.notify_one();
    throw;
  }
}

void PgConnectionPool::Return(std::unique_ptr<PgSession> session) {
  MutexLock lock(&mutex_);
  if (session && session->connection().is_open()) {
    idle_.push_back(std::move(session));
  } else {
    --open_;  // a broken connection is dropped; the next Borrow opens a fresh one
  }
  returned_.notify_one();
}

}  // namespace coolpapers::store
