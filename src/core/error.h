// The one error type of the program, and Result<T>, the value-or-error every fallible function
// returns. `message` is safe to show a reader or a CLI user; `detail` is for the log only.
#ifndef COOLPAPERS_CORE_ERROR_H_
#define COOLPAPERS_CORE_ERROR_H_

#include <expected>
#include <string>
#include <string_view>

namespace coolpapers {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input is malformed: bad id, bad date, bad expression
  kNotFound,         // well-formed, but we have no such thing
  kConflict,         // the operation clashes with the current state
  kUnavailable,      // an outside service (arXiv, LLM, network, database) is down
  kTimeout,
  kCorrupt,          // stored or received data is damaged
  kInternal,         // a bug or an unexpected library failure
};

// "invalid_argument", "not_found", ...: the spelling used in JSON errors and logs.
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // for the user: names the thing, the value and what is expected
  std::string detail;   // for the log: library messages, paths, SQL
};

template <class T>
using Result = std::expected<T, Error>;

// Shorthands that read well at return sites: `return Fail(ErrorCode::kNotFound, "...");`
inline std::unexpected<Error> Fail(ErrorCode code, std::string message, std::string detail = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(detail)});
}

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_ERROR_H_
