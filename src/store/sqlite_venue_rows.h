// How venue papers and editions are spelled in the columns of migration 0012 (and of
// PostgreSQL's 0007, the same columns), shared by both venue stores' reads and writes:
// '\n'-joined lists, parallel author/affiliation lists.
#ifndef COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_
#define COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_

#include <cstdint>
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

// The columns of one venue paper row, whichever backend read it: Text(i) and Int(i) of the
// columns in kVenuePaperColumns' order, the last being the ids space-joined, best-ranked first.
class VenuePaperColumns {
 public:
  virtual ~VenuePaperColumns() = default;
  virtual std::string_view Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
};

// The columns a venue paper row is read from, "p." being venue_papers; the ids column, whose
// aggregate each backend spells its own way, follows them.
inline constexpr std::string_view kVenuePaperColumns =
    "p.paper_key, p.edition, p.position, p.title, p.authors, p.affiliations, p.abstract, "
    "p.track, p.group_name, p.status, p.presentation, p.keywords, p.pdf_url, p.landing_url, "
    "p.doi, p.pages, p.arxiv_id, p.arxiv_link, p.field_rank";

// Reads one row of those columns. kCorrupt when a stored id does not parse.
[[nodiscard]] Result<VenuePaperRow> ReadVenuePaperColumns(const VenuePaperColumns& row);

// Reads the current row of a statement made by SelectVenuePapers (same errors).
[[nodiscard]] Result<VenuePaperRow> ReadVenuePaperRow(const SqliteStatement& row);

std::string JoinLines(const std::vector<std::string>& items);
std::vector<std::string> SplitLines(std::string_view text);

// "Hongyi Liu\nQingyun Wang" and "\nUniversity of Illinois" for the two author columns.
std::string AuthorNames(const std::vector<VenueAuthor>& authors);
std::string AuthorAffiliations(const std::vector<VenueAuthor>& authors);

// `incoming` completed from `stored`, the edition as WriteEdition keeps it: non-empty fields
// replace stored ones, sources are added to the stored list, an official count replaces one.
VenueEdition MergeStoredEdition(const VenueEdition& stored, const VenueEdition& incoming);

// True when writing `merged` over `stored` would change no column.
bool SameStoredFields(const VenuePaper& merged, const VenuePaper& stored);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_VENUE_ROWS_H_
