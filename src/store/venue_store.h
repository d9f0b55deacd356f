// Where conference proceedings live (core/venue.h): editions, their papers under every id a
// source gives them, and the links between venue papers and arXiv papers. An interface apart
// from Store so that a PostgreSQL implementation can pass the same contract test
// (venue_store_contract_test.cc); sqlite_venue_store.h is the embedded one.
#ifndef COOLPAPERS_STORE_VENUE_STORE_H_
#define COOLPAPERS_STORE_VENUE_STORE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/venue.h"

namespace coolpapers::store {

// What a WriteVenuePapers call did.
struct VenueWriteSummary {
  int64_t papers_new = 0;      // no stored paper had any of the record's ids
  int64_t papers_updated = 0;  // a stored paper had one: the record was merged into it
  VenueWriteSummary& operator+=(const VenueWriteSummary& other) {
    papers_new += other.papers_new;
    papers_updated += other.papers_updated;
    return *this;
  }
};

// One group of an edition ("Oral", "Long", "Findings"; "" for papers without one).
struct VenueGroupCount {
  std::string group;
  int64_t papers = 0;    // stored
  int64_t accepted = 0;  // of those, with status Accept
};

// An edition with its stored paper count, for `coolpapers venue list` and the home page.
struct VenueEditionSummary {
  VenueEdition edition;
  int64_t papers = 0;
  int64_t accepted = 0;
};

// Every method is safe to call from several threads (and processes) at once.
class VenueStore {
 public:
  virtual ~VenueStore() = default;

  // Stores an edition, or merges into the stored one: non-empty fields replace stored ones,
  // sources are added to the stored list, an official count replaces a stored one.
  // kInvalidArgument when venue is empty or the year is not four digits.
  [[nodiscard]] virtual Result<void> WriteEdition(const VenueEdition& edition) = 0;

  // Writes `papers` in one transaction (all or nothing). A paper whose id or one of whose
  // other_ids is already stored is merged into that stored paper (its new ids added): a record
  // from a better-ranked record (VenueRecordRank) replaces non-empty fields, a worse one only
  // fills empty ones. Writing the same records again changes nothing. The position of a merged
  // paper is the better-ranked source's. An arXiv id from the source (ArxivLink::kSource) replaces a
  // title match. kNotFound when a paper's edition is not stored (WriteEdition first);
  // kInvalidArgument for an empty title.
  [[nodiscard]] virtual Result<VenueWriteSummary> WriteVenuePapers(
      std::span<const VenuePaper> papers) = 0;

  // Links every stored venue paper without an arXiv id to the stored arXiv paper whose title
  // key (core/title_key.h) equals its own, when exactly one arXiv paper has that key, recording
  // ArxivLink::kTitle. Takes in the arXiv papers changed since the last call first, so it costs
  // little when called again. Returns how many venue papers it linked.
  [[nodiscard]] virtual Result<int64_t> LinkArxivByTitle() = 0;

  // Every stored edition, by venue then year (newest first), with its paper counts.
  [[nodiscard]] virtual Result<std::vector<VenueEditionSummary>> ListEditions() = 0;

  // The edition "ICLR.2024", or nullopt when it is not stored.
  [[nodiscard]] virtual Result<std::optional<VenueEdition>> LoadEdition(std::string_view tag) = 0;

  // The groups of an edition, by group name, with their paper counts; empty for an unknown
  // edition.
  [[nodiscard]] virtual Result<std::vector<VenueGroupCount>> GroupCounts(std::string_view tag) = 0;

  // Up to `limit` papers of an edition in source order (by position; ties, from two sources'
  // lists, by title), after skipping `offset`; only those of `group` when it is given. (For
  // ?show=N&skip=M&group=G.) The order does not depend on the order sources were imported in.
  [[nodiscard]] virtual Result<std::vector<VenuePaper>> PapersOfEdition(
      std::string_view tag, std::optional<std::string_view> group, int64_t offset,
      int64_t limit) = 0;

  // The papers named by `ids` (any of each paper's ids), in the order asked, each once; ids
  // not stored are left out. A paper comes back under its best-ranked id, the rest in
  // other_ids.
  [[nodiscard]] virtual Result<std::vector<VenuePaper>> VenuePapersByIds(
      std::span<const std::string> ids) = 0;

  // A number that every write of venue papers or editions moves (0 before the first), so the
  // search index can tell cheaply whether venue papers changed since it last read them.
  [[nodiscard]] virtual Result<uint64_t> VenueStamp() = 0;

  // The venue papers that writes after the venue stamp was `stamp` changed: added, merged into
  // with a change of field, or given a new id (so perhaps shown under another one), and every
  // paper of an edition such a write changed; each once, under its best-ranked id. With 0,
  // every paper. What the search index takes in to follow the store (SyncVenueIndex).
  [[nodiscard]] virtual Result<std::vector<VenuePaper>> VenuePapersChangedSince(
      uint64_t stamp) = 0;

  // The venue papers linked to any of `arxiv_ids`, by arXiv id in the order asked.
  [[nodiscard]] virtual Result<std::vector<VenuePaper>> VenuePapersOfArxiv(
      std::span<const std::string> arxiv_ids) = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_VENUE_STORE_H_
