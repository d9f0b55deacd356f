// How venue papers and editions are spelled in the columns of migration 0012, shared by the
// venue store's reads and writes: '\n'-joined lists, parallel author/affiliation lists.
#ifndef COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_
#define COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/venue.h"
#include "store/sqlite_connection.h"

namespace coolpapers::store {

// "SELECT <the columns ReadVenuePaperRow reads> FROM venue_papers AS p " + `rest`, e.g.
// SelectVenuePapers("WHERE p.paper_key = ?1"). The last column is the paper's ids
// space-joined, best-ranked first.
std::string SelectVenuePapers(std::string_view rest);

// A venue paper read back, with the column the merge rule needs.
struct VenuePaperRow {
  int64_t paper_key = 0;
  int field_rank = 0;
  VenuePaper paper;
};

// Reads the current row of a statement made by SelectVenuePapers. kCorrupt when a
// stored id does not parse.
[[nodiscard]] Result<VenuePaperRow> ReadVenuePaperRow(const SqliteStatement& row);

std::string JoinLines(const std::vector<std::string>& items);
std::vector<std::string> SplitLines(std::string_view text);

// "Hongyi Liu\nQingyun Wang" and "\nUniversity of Illinois" for the two author columns.
std::string AuthorNames(const std::vector<VenueAuthor>& authors);
std::string AuthorAffiliations(const std::vector<VenueAuthor>& authors);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_
