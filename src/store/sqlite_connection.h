// RAII ownership of SQLite's C handles, so no raw sqlite3* or sqlite3_stmt* leaves this file:
// SqliteConnection owns a database connection and a cache of its prepared statements,
// ScopedStatement lends one cached statement and resets it when dropped, SqliteTransaction
// rolls back unless committed. SQLite failures become Error values whose message is safe to
// show and whose detail carries SQLite's own message and the SQL.
#ifndef COOLPAPERS_STORE_SQLITE_CONNECTION_H_
#define COOLPAPERS_STORE_SQLITE_CONNECTION_H_

#include <cassert>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace coolpapers::store {

// Maps an SQLite result code to an Error: busy/locked and I/O failures are kUnavailable,
// SQLITE_CORRUPT/SQLITE_NOTADB kCorrupt, constraint violations kConflict, the rest kInternal.
// `doing` names the operation for the user: "the store file is damaged or is not a coolpapers
// database (opening "var/coolpapers.sqlite")". SQLite's message and the SQL go to `detail`
// only. Pure; thread-safe.
Error MakeSqliteError(int result_code, std::string_view doing, std::string_view sqlite_message,
                      std::string_view sql = {});

// One prepared statement. Bind() calls chain and remember the first failure, which Step()
// then reports, so call sites stay flat: `stmt->Bind(1, id).Bind(2, day); auto row = stmt->Step();`
// Text is bound without copying: it must stay alive until the statement is reset.
// Not thread-safe: it belongs to one connection, used by one thread at a time.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3_stmt* statement, sqlite3* db);  // takes ownership of `statement`
  SqliteStatement(SqliteStatement&&) noexcept = default;
  SqliteStatement& operator=(SqliteStatement&&) noexcept = default;

  // 1-based parameter index, as in SQL's ?1.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& BindNull(int index);

  // Advances to the next row: true when a row is ready, false when the statement is done.
  [[nodiscard]] Result<bool> Step();
  // Runs a statement that returns no rows (INSERT, UPDATE...) to completion.
  [[nodiscard]] Result<void> Run();

  // Columns of the current row (0-based). A text view lives until the next Step or Reset.
  int64_t ColumnInt(int column) const;
  std::string_view ColumnText(int column) const;
  bool ColumnIsNull(int column) const;

  // Ends the current execution and clears bindings, ready to run again.
  void Reset();

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  friend class ScopedStatement;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
  sqlite3* db_;  // not owned: the connection that prepared the statement
  int bind_result_;
  bool lent_ = false;  // a ScopedStatement holds it
};

// A cached statement on loan from its connection, for one execution: resetting it on
// destruction ends the read transaction an unfinished SELECT would otherwise keep open. Take a
// fresh loan (SqliteConnection::Prepare) for each execution; lending a statement that is
// already on loan (the same SQL prepared twice in one scope) is a programming error.
class ScopedStatement {
 public:
  explicit ScopedStatement(SqliteStatement& statement) : statement_(&statement) {
    assert(!statement.lent_ && "the same SQL is already on loan in an enclosing scope");
    statement.lent_ = true;
  }
  ScopedStatement(ScopedStatement&& other) noexcept : statement_(other.statement_) {
    other.statement_ = nullptr;
  }
  ScopedStatement(const ScopedStatement&) = delete;
  ScopedStatement& operator=(const ScopedStatement&) = delete;
  ScopedStatement& operator=(ScopedStatement&&) = delete;
  ~ScopedStatement() {
    if (statement_ == nullptr) return;
    statement_->Reset();
    statement_->lent_ = false;
  }

  SqliteStatement* operator->() const { return statement_; }
  SqliteStatement& operator*() const { return *statement_; }

 private:
  SqliteStatement* statement_;
};

// One database connection with its prepared statements. Movable, not copyable. Not
// thread-safe: callers serialise use (SqliteStore keeps one writer behind a mutex and lends
// readers from a pool).
class SqliteConnection {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens `path` (kReadWrite creates the file). Sets the busy timeout, foreign_keys=ON and
  // synchronous=NORMAL. Returns kUnavailable with the path when the file cannot be opened.
  [[nodiscard]] static Result<SqliteConnection> Open(const std::filesystem::path& path, Mode mode,
                                                     int busy_timeout_ms);

  SqliteConnection(SqliteConnection&&) noexcept = default;
  SqliteConnection& operator=(SqliteConnection&&) noexcept = default;

  // The statement for `sql`, prepared on first use and cached for the connection's lifetime.
  // `sql` must be one statement. Returns the prepare error (bad SQL is kInternal).
  [[nodiscard]] Result<ScopedStatement> Prepare(std::string_view sql);

  // Runs one or more statements that return no rows (migrations, PRAGMA, BEGIN...). `doing`
  // names the operation in an error message.
  [[nodiscard]] Result<void> Execute(std::string_view sql,
                                     std::string_view doing = "updating the store");

  // Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
  int64_t Changes() const;

  // True outside any transaction.
  bool InAutocommit() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  struct SqlHash {
    using is_transparent = void;  // lets Prepare look up a string_view without copying it
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  explicit SqliteConnection(sqlite3* db);

  std::unique_ptr<sqlite3, Closer> db_;
  // Declared after db_ so the statements are finalized before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>, SqlHash, std::equal_to<>>
      statements_;
};

// A transaction, rolled back on destruction unless Commit() succeeded.
// BeginWrite (BEGIN IMMEDIATE) takes the write lock up front, so a busy database fails at the
// start (after the busy timeout) rather than halfway through the work. BeginRead (BEGIN) pins
// one snapshot, so a read made of several queries sees a single committed state; dropping it
// simply ends the snapshot.
class SqliteTransaction {
 public:
  [[nodiscard]] static Result<SqliteTransaction> BeginWrite(SqliteConnection& connection);
  [[nodiscard]] static Result<SqliteTransaction> BeginRead(SqliteConnection& connection);

  SqliteTransaction(SqliteTransaction&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();

  [[nodiscard]] Result<void> Commit();

 private:
  explicit SqliteTransaction(SqliteConnection& connection) : connection_(&connection) {}
  SqliteConnection* connection_;  // null once committed or moved from
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_CONNECTION_H_
