#include "search/xapian_error.h"

#include <xapian.h>

#include <string>

namespace coolpapers::search {

Error FromXapianError(const Xapian::Error& error, std::string_view action) {
  std::string detail = std::string(action) + ": " + error.get_type() + ": " + error.get_msg();
  if (!error.get_context().empty()) detail += " (" + error.get_context() + ")";
  const std::string_view type = error.get_type();
  if (type == "QueryParserError") {
    return Error{ErrorCode::kInvalidArgument, "cannot understand the query: " + error.get_msg(),
                 std::move(detail)};
  }
  if (type == "DatabaseLockError" || type == "DatabaseOpeningError" ||
      type == "DatabaseNotFoundError" || type == "DatabaseModifiedError" ||
      type == "DatabaseVersionError") {
    return Error{ErrorCode::kUnavailable, "the search index is not available right now",
                 std::move(detail)};
  }
  // The file system refused: a folder that cannot be made, a full disk.
  if (type == "DatabaseCreateError" || type == "DatabaseError") {
    return Error{ErrorCode::kUnavailable,
                 "cannot write the search index (is the disk full or the folder read-only?)",
                 std::move(detail)};
  }
  if (type == "DatabaseCorruptError") {
    return Error{ErrorCode::kCorrupt, "the search index is damaged: rebuild it", std::move(detail)};
  }
  return Error{ErrorCode::kInternal, "search failed", std::move(detail)};
}

}  // namespace coolpapers::search
