// How PostgreSQL failures become coolpapers Errors: libpqxx throws, the store returns values
// (STYLE: library exceptions stop at the module that calls the library).
#ifndef COOLPAPERS_STORE_PG_ERROR_H_
#define COOLPAPERS_STORE_PG_ERROR_H_

#include <exception>
#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers::store {

// The Error for an exception thrown while the store was doing `what` ("claim a job"): a lost
// connection or an unknown commit outcome is kUnavailable, a constraint violation kConflict,
// a serialization failure or deadlock kUnavailable (worth retrying), anything else kInternal.
// The message names `what`; the detail carries PostgreSQL's message, SQLSTATE and statement.
Error MakePgError(const std::exception& error, std::string_view what);

// `url` with its password, if any, replaced by "***", for messages and logs:
// "postgresql://app:secret@db/coolpapers" -> "postgresql://app:***@db/coolpapers".
std::string RedactPgUrl(std::string_view url);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_ERROR_H_
