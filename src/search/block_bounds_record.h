// How an index keeps its block bounds (block_bounds.h) true as documents are replaced: the
// bounds, built at some point, are stored as Xapian metadata with the list of documents replaced
// since, which the writer extends in the same commit as the documents; searches bound those
// documents' blocks by each term's largest weight instead (block_plan.h). Documents added since
// are past the bounds' last id, which says the same. Internal to src/search (exposes Xapian).
#ifndef COOLPAPERS_SEARCH_BLOCK_BOUNDS_RECORD_H_
#define COOLPAPERS_SEARCH_BLOCK_BOUNDS_RECORD_H_

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "search/block_bounds.h"

namespace coolpapers::search {

struct BlockBoundsRecord {
  // Which bounds (changes with every build of them); empty: the index has none.
  std::string id;
  Xapian::docid covered_through = 0;
  std::vector<Xapian::docid> replaced;  // sorted
  bool replaced_unsaved = false;
};

// The record as last committed. Throws Xapian::Error.
BlockBoundsRecord ReadBlockBoundsRecord(const Xapian::Database& database);

// The bounds the record names, or nullopt when there are none or they do not parse.
std::optional<BlockBounds> ReadBlockBounds(const Xapian::Database& database);

// Notes that document `docid` was replaced (its old parts may not bound its new text).
void NoteReplaced(BlockBoundsRecord& record, Xapian::docid docid);

// Writes what NoteReplaced noted, before the caller commits. Beyond kMaxReplaced documents the
// bounds bound too little to be worth reading and are dropped until built again.
void SaveReplaced(Xapian::WritableDatabase& database, BlockBoundsRecord& record);
inline constexpr std::size_t kMaxReplaced = 50'000;

// Builds bounds from `database` as committed and stores them with an empty replaced list
// (uncommitted: the caller commits), and writes the word tiers built with them (word_tiers.h)
// into `database_dir`, the database's folder, under WordTiersPath. Returns the new record, or
// nullopt when `stop` was requested first (nothing stored). Throws Xapian::Error.
std::optional<BlockBoundsRecord> StoreNewBlockBounds(Xapian::WritableDatabase& database,
                                                     const std::filesystem::path& database_dir,
                                                     const BlockBounds::Options& options = {},
                                                     std::stop_token stop = {});

// Where the word tiers built with `record`'s bounds are: a file of the database's folder.
std::filesystem::path WordTiersPath(const std::filesystem::path& database_dir,
                                    const BlockBoundsRecord& record);

// Removes the word tiers of other bounds than `record`'s from the database's folder, once the
// record naming them is committed (readers still mapping an old file keep it until they close it).
void RemoveOtherWordTiers(const std::filesystem::path& database_dir,
                          const BlockBoundsRecord& record);

// Whether `record`'s bounds leave enough of `database` unbounded (documents added or replaced
// since) to be worth building again: more than 1% of them, and at least 1,000. An index of fewer
// than kPapersWorthBounds documents needs none: it is searched in well under a millisecond.
bool BlockBoundsAreStale(const Xapian::Database& database, const BlockBoundsRecord& record);
inline constexpr Xapian::doccount kPapersWorthBounds = 20'000;

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_BLOCK_BOUNDS_RECORD_H_
