// The one statement that moves the store's change stamp (Store::ChangeStamp), run in the same
// transaction as every write that changes what a page shows.
#ifndef COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_
#define COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_

#include <string_view>

namespace coolpapers::store {

inline constexpr std::string_view kBumpChangeStamp =
    "UPDATE meta SET value = value + 1 WHERE key = 'change_stamp'";

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_
