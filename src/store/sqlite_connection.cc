#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <string>

namespace coolpapers::store {
namespace {

std::string Describe(int result_code, std::string_view sqlite_message, std::string_view sql) {
  std::string detail = "sqlite: ";
  detail += sqlite3_errstr(result_code);
  if (!sqlite_message.empty()) detail.append(": ").append(sqlite_message);
  if (!sql.empty()) detail.append(" [SQL: ").append(sql).append("]");
  return detail;
}

}  // namespace

Error MakeSqliteError(int result_code, std::string_view doing, std::string_view sqlite_message,
                      std::string_view sql) {
  const std::string context = " (" + std::string(doing) + ")";
  std::string detail = Describe(result_code, sqlite_message, sql);
  switch (result_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kUnavailable,
              "the store is locked by another process" + context + ": try again when it is done",
              std::move(detail)};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return {ErrorCode::kCorrupt,
              "the store file is damaged or is not a coolpapers database" + context,
              std::move(detail)};
    case SQLITE_CONSTRAINT:
      return {ErrorCode::kConflict, "the store refused inconsistent data" + context,
              std::move(detail)};
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return {ErrorCode::kUnavailable,
              "the store file cannot be read or written (permissions, disk full or I/O error)" +
                  context,
              std::move(detail)};
    default:
      return {ErrorCode::kInternal, "the store failed unexpectedly" + context, std::move(detail)};
  }
}

void SqliteStatement::Finalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

SqliteStatement::SqliteStatement(sqlite3_stmt* statement, sqlite3* db)
    : statement_(statement), db_(db), bind_result_(SQLITE_OK) {}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(statement_.get(), index, value);
  if (bind_result_ == SQLITE_OK) bind_result_ = rc;
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  // SQLITE_STATIC: no copy; the header makes the caller keep the text alive until Reset.
  const int rc = sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(),
                                     SQLITE_STATIC, SQLITE_UTF8);
  if (bind_result_ == SQLITE_OK) bind_result_ = rc;
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  const int rc = sqlite3_bind_null(statement_.get(), index);
  if (bind_result_ == SQLITE_OK) bind_result_ = rc;
  return *this;
}

Result<bool> SqliteStatement::Step() {
  if (bind_result_ != SQLITE_OK) {
    return std::unexpected(MakeSqliteError(bind_result_, "binding query parameters",
                                           sqlite3_errmsg(db_), sqlite3_sql(statement_.get())));
  }
  const int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(
      MakeSqliteError(rc, "running a query", sqlite3_errmsg(db_), sqlite3_sql(statement_.get())));
}

Result<void> SqliteStatement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return {};
  }
}

int64_t SqliteStatement::ColumnInt(int column) const {
  return sqlite3_column_int64(statement_.get(), column);
}

std::string_view SqliteStatement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(statement_.get(), column))};
}

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

void SqliteStatement::Reset() {
  // sqlite3_reset repeats the last step's error code, which Step already reported.
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
  bind_result_ = SQLITE_OK;
}

void SqliteConnection::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

SqliteConnection::SqliteConnection(sqlite3* db) : db_(db) {}

Result<SqliteConnection> SqliteConnection::Open(const std::filesystem::path& path, Mode mode,
                                                int busy_timeout_ms) {
  const int flags = (mode == Mode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                              : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  // sqlite3_open_v2 hands out a handle even on failure; owning it at once closes it either way.
  SqliteConnection connection(raw);
  if (rc != SQLITE_OK) {
    Error error = MakeSqliteError(rc, "opening \"" + path.string() + "\"",
                                  raw != nullptr ? sqlite3_errmsg(raw) : "out of memory");
    error.message = "cannot open the store file \"" + path.string() +
                    "\": expected a writable file in an existing folder";
    return std::unexpected(std::move(error));
  }
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  auto configured = connection.Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                                       "opening \"" + path.string() + "\"");
  if (!configured) return std::unexpected(std::move(configured.error()));
  return connection;
}

Result<ScopedStatement> SqliteConnection::Prepare(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    auto statement = std::make_unique<SqliteStatement>(raw, db_.get());
    if (rc != SQLITE_OK) {
      return std::unexpected(
          MakeSqliteError(rc, "preparing a query", sqlite3_errmsg(db_.get()), sql));
    }
    it = statements_.emplace(std::string(sql), std::move(statement)).first;
  }
  return ScopedStatement(*it->second);
}

Result<void> SqliteConnection::Execute(std::string_view sql, std::string_view doing) {
  const std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return {};
  Error error = MakeSqliteError(rc, doing, message != nullptr ? message : "", sql);
  sqlite3_free(message);
  return std::unexpected(std::move(error));
}

int64_t SqliteConnection::Changes() const { return sqlite3_changes64(db_.get()); }

bool SqliteConnection::InAutocommit() const { return sqlite3_get_autocommit(db_.get()) != 0; }

Result<SqliteTransaction> SqliteTransaction::BeginWrite(SqliteConnection& connection) {
  auto begun = connection.Execute("BEGIN IMMEDIATE");
  if (!begun) return std::unexpected(std::move(begun.error()));
  return SqliteTransaction(connection);
}

Result<SqliteTransaction> SqliteTransaction::BeginRead(SqliteConnection& connection) {
  auto begun = connection.Execute("BEGIN");
  if (!begun) return std::unexpected(std::move(begun.error()));
  return SqliteTransaction(connection);
}

Result<void> SqliteTransaction::Commit() {
  auto committed = connection_->Execute("COMMIT");
  if (!committed) return committed;  // the destructor rolls back
  connection_ = nullptr;
  return {};
}

SqliteTransaction::~SqliteTransaction() {
  if (connection_ == nullptr || connection_->InAutocommit()) return;
  // Rollback after a failed statement is the recovery path itself; if even it fails, the
  // connection stays inside the transaction and the next Begin reports that error.
  (void)connection_->Execute("ROLLBACK");
}

}  // namespace coolpapers::store
