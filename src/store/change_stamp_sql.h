// The one statement that moves the store's change stamp (Store::ChangeStamp), run in the same
// transaction as every write that changes what a page shows.
#ifndef COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_
#define COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_

#include <string_view>

namespace coolpapers::store {

inline constexpr std::string_view kBumpChangeStamp =
    "UPDATE meta SET value = value + 1 WHERE key = 'change_stamp'";

// The venue stamp (VenueStore::VenueStamp), moved by every write of venue papers or editions in
// the same transaction, so that the search index can tell that venue papers changed. Created on
// its first bump (an upsert both SQLite and PostgreSQL read), so no migration adds it.
inline constexpr std::string_view kBumpVenueStamp =
    "INSERT INTO meta (key, value) VALUES ('venue_stamp', 1) "
    "ON CONFLICT (key) DO UPDATE SET value = meta.value + 1";
inline constexpr std::string_view kReadVenueStamp =
    "SELECT COALESCE((SELECT value FROM meta WHERE key = 'venue_stamp'), 0)";

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_CHANGE_STAMP_SQL_H_
