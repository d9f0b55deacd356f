#include "store/pg_error.h"

#include <pqxx/except>

namespace coolpapers::store {

Error MakePgError(const std::exception& error, std::string_view what) {
  const std::string message = "the PostgreSQL store could not " + std::string(what);
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr ||
      dynamic_cast<const pqxx::in_doubt_error*>(&error) != nullptr) {
    return Error{ErrorCode::kUnavailable, message + ": the database connection failed",
                 error.what()};
  }
  // libpqxx 6 throws serialization failures and deadlocks as transaction_rollback, outside
  // sql_error: the same request may well succeed when run again.
  if (dynamic_cast<const pqxx::transaction_rollback*>(&error) != nullptr) {
    return Error{ErrorCode::kUnavailable, message + ": it conflicted with another transaction",
                 error.what()};
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error)) {
    const std::string detail =
        std::string(sql->what()) + " [SQLSTATE " + sql->sqlstate() + "] in: " + sql->query();
    const std::string state = sql->sqlstate();
    if (state.starts_with("23")) return Error{ErrorCode::kConflict, message, detail};
    // 40001 serialization failure, 40P01 deadlock, 57P01..03 server shutting down, 53xxx out of
    // resources: the same request may well succeed later.
    if (state.starts_with("40") || state.starts_with("57P") || state.starts_with("53")) {
      return Error{ErrorCode::kUnavailable, message, detail};
    }
    return Error{ErrorCode::kInternal, message, detail};
  }
  return Error{ErrorCode::kInternal, message, error.what()};
}

std::string RedactPgUrl(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const size_t authority = scheme_end + 3;
  const size_t authority_end = url.find_first_of("/?", authority);
  const size_t at = url.rfind('@', authority_end == std::string_view::npos ? url.size()
                                                                             : authority_end);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  const size_t colon = url.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace coolpapers::store
