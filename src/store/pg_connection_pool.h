// Connections to one PostgreSQL database, lent to one thread at a time, and the transactions run
// on them. Every store on PostgreSQL (pg_store, pg_job_queue, ...) owns one pool; SQL reaches
// the server only as prepared statements with parameters, never text built from input.
#ifndef COOLPAPERS_STORE_PG_CONNECTION_POOL_H_
#define COOLPAPERS_STORE_PG_CONNECTION_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>

#include "core/error.h"
#include "core/mutex.h"
#include "store/pg_error.h"

namespace coolpapers::store {

// One connection and the statements prepared on it.
class PgSession {
 public:
  // Connects, then runs `setup` (settings of the session, our constant SQL) when not empty.
  PgSession(const std::string& url, std::string_view setup);

  pqxx::connection& connection() { return connection_; }

  // The name under which `sql` is prepared on this connection, preparing it on first use.
  const std::string& StatementName(std::string_view sql);

 private:
  pqxx::connection connection_;
  std::unordered_map<std::string, std::string> names_;  // SQL text -> statement name
};

// What a unit of work sees: the transaction and the session it runs on.
class PgQuery {
 public:
  PgQuery(PgSession& session, pqxx::transaction_base& transaction)
      : session_(session), transaction_(transaction) {}

  // Runs `sql` ($1, $2... for the arguments) as a prepared statement. Arguments are std::string,
  // integers, bool, or std::optional of them (NULL when empty); libpqxx 6 has no string_view.
  template <class... Args>
  pqxx::result Run(std::string_view sql, Args&&... args) {
    return transaction_.exec_prepared(session_.StatementName(sql), std::forward<Args>(args)...);
  }

  pqxx::transaction_base& transaction() { return transaction_; }

 private:
  PgSession& session_;
  pqxx::transaction_base& transaction_;
};

class PgConnectionPool {
 public:
  // Connects once to `url` (a libpq URI or "key=value" string) to check that the database
  // answers; further connections, up to `size`, are opened when threads need them. Each runs
  // `session_setup` first (our constant SQL such as "SET synchronous_commit = off"; "" for
  // none). kUnavailable, naming the URL without its password, when the server cannot be reached.
  [[nodiscard]] static Result<std::unique_ptr<PgConnectionPool>> Open(
      std::string url, int size, std::string session_setup = {});

  // Runs `work(PgQuery&) -> Result<T>` in one read-write transaction on a borrowed connection,
  // committing when it returns a value and rolling back when it returns an error or throws.
  // Exceptions become Errors (MakePgError) naming `what`. Waits while every connection is lent.
  // A deadlock or serialization failure runs `work` again (up to kAttempts times), so `work`
  // must start afresh each time: no state kept from a rolled-back attempt.
  template <class T, class Work>
  [[nodiscard]] Result<T> Transact(std::string_view what, Work&& work) {
    return Run<T, pqxx::work>(what, std::forward<Work>(work));
  }

  // The same in a read-only REPEATABLE READ transaction: every statement of `work` sees one
  // committed state (a reader made of several queries, like the SQLite store's read transaction).
  template <class T, class Work>
  [[nodiscard]] Result<T> Snapshot(std::string_view what, Work&& work) {
    return Run<T, pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(
        what, std::forward<Work>(work));
  }

  // The same without BEGIN/COMMIT: each statement commits on its own. For units of one
  // statement, which then cost one round trip.
  template <class T, class Work>
  [[nodiscard]] Result<T> Autocommit(std::string_view what, Work&& work) {
    return Run<T, pqxx::nontransaction>(what, std::forward<Work>(work));
  }

  const std::string& url() const { return url_; }

 private:
  PgConnectionPool(std::string url, int size, std::string session_setup)
      : url_(std::move(url)), size_(size), session_setup_(std::move(session_setup)) {}

  // A connection lent to one caller; Return gives it back (or drops it when it broke).
  std::unique_ptr<PgSession> Borrow();
  void Return(std::unique_ptr<PgSession> session);

  // Transactions that PostgreSQL rolled back for a deadlock or a serialization failure (two
  // writers of the same papers in different orders) are run again, a few times.
  static constexpr int kAttempts = 3;

  template <class T, class Transaction, class Work>
  Result<T> Run(std::string_view what, Work&& work) {
    std::unique_ptr<PgSession> session;
    try {
      session = Borrow();
    } catch (const std::exception& error) {
      return std::unexpected(MakePgError(error, what));
    }
    Result<T> result = std::unexpected(Error{});
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
      try {
        Transaction transaction(session->connection());
        PgQuery query(*session, transaction);
        result = work(query);
        if (result) transaction.commit();
        break;
      } catch (const pqxx::transaction_rollback& error) {
        result = std::unexpected(MakePgError(error, what));
      } catch (const std::exception& error) {
        result = std::unexpected(MakePgError(error, what));
        break;
      }
    }
    Return(std::move(session));
    return result;
  }

  const std::string url_;
  const int size_;
  const std::string session_setup_;
  Mutex mutex_;
  std::condition_variable_any returned_;
  std::vector<std::unique_ptr<PgSession>> idle_ GUARDED_BY(mutex_);
  int open_ GUARDED_BY(mutex_) = 0;  // connections lent or idle
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_CONNECTION_POOL_H_
