// The one place a Xapian exception becomes our Error (STYLE §6: library exceptions stop at the
// module that calls the library). Included only by src/search .cc files.
#ifndef COOLPAPERS_SEARCH_XAPIAN_ERROR_H_
#define COOLPAPERS_SEARCH_XAPIAN_ERROR_H_

#include <string_view>

#include "core/error.h"

namespace Xapian {
class Error;
}  // namespace Xapian

namespace coolpapers::search {

// Maps a Xapian exception met while doing `action` ("search", "index papers"): a query the
// parser rejects -> kInvalidArgument with Xapian's message for the user; a locked, missing or
// unopenable database -> kUnavailable; corruption -> kCorrupt; anything else -> kInternal.
// The detail names the action, the Xapian error type and its message.
Error FromXapianError(const Xapian::Error& error, std::string_view action);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_XAPIAN_ERROR_H_
