#include "store/sqlite_venue_writes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/quoted_text.h"
#include "core/title_key.h"
#include "core/venue_merge.h"
#include "store/change_stamp_sql.h"
#include "store/page_change_set.h"
#include "store/sqlite_page_changes.h"
#include "store/sqlite_venue_reads.h"
#include "store/sqlite_venue_rows.h"

namespace coolpapers::store {
namespace {

// A paper's page lists the venues that accepted it: a venue write may change any of them.
Result<void> RecordEveryPaperChanged(SqliteConnection& connection) {
  PageChangeSet changes;
  changes.AddEveryPaper();
  return RecordPageChanges(connection, changes);
}

constexpr std::string_view kUpsertEdition =
    "INSERT OR REPLACE INTO venue_editions (edition, venue, year, full_name, sources, start_date, "
    "end_date, published, location, url, official_count, official_count_source, venue_stamp) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view kEditionExists = "SELECT 1 FROM venue_editions WHERE edition = ?1";
constexpr std::string_view kSelectPaperKeyOfId =
    "SELECT paper_key FROM venue_paper_ids WHERE id = ?1";
constexpr std::string_view kInsertPaper =
    "INSERT INTO venue_papers (edition, position, title, title_key, authors, affiliations, "
    "abstract, track, group_name, status, presentation, keywords, pdf_url, landing_url, doi, "
    "pages, arxiv_id, arxiv_link, field_rank, venue_stamp) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?21) RETURNING paper_key";
constexpr std::string_view kUpdatePaper =
    "UPDATE venue_papers SET edition = ?1, position = ?2, title = ?3, title_key = ?4, "
    "authors = ?5, affiliations = ?6, abstract = ?7, track = ?8, group_name = ?9, status = ?10, "
    "presentation = ?11, keywords = ?12, pdf_url = ?13, landing_url = ?14, doi = ?15, "
    "pages = ?16, arxiv_id = ?17, arxiv_link = ?18, field_rank = ?19, venue_stamp = ?21 "
    "WHERE paper_key = ?20";
// A paper given a new id: the id it is shown under may have changed.
constexpr std::string_view kStampPaper =
    "UPDATE venue_papers SET venue_stamp = ?2 WHERE paper_key = ?1";
constexpr std::string_view kInsertId =
    "INSERT OR IGNORE INTO venue_paper_ids (id, paper_key, rank) VALUES (?1, ?2, ?3)";

constexpr std::string_view kTitleKeysSequence =
    "SELECT value FROM meta WHERE key = 'arxiv_title_keys_sequence'";
constexpr std::string_view kSetTitleKeysSequence =
    "UPDATE meta SET value = ?1 WHERE key = 'arxiv_title_keys_sequence'";
constexpr std::string_view kChangedPapers =
    "SELECT c.sequence, p.id, p.title FROM paper_changes AS c JOIN papers AS p ON p.id = c.paper_id "
    "WHERE c.sequence > ?1 ORDER BY c.sequence LIMIT ?2";
constexpr std::string_view kDeleteTitleKeys = "DELETE FROM arxiv_title_keys WHERE paper_id = ?1";
constexpr std::string_view kInsertTitleKey =
    "INSERT OR IGNORE INTO arxiv_title_keys (title_key, paper_id) VALUES (?1, ?2)";
// Short keys ("introduction", "preface") name too many different papers to link on. One arXiv
// paper per key only: two with the same title could be either.
constexpr std::string_view kLinkByTitle =
    "UPDATE venue_papers SET arxiv_link = 2, arxiv_id = "
    "(SELECT paper_id FROM arxiv_title_keys AS k WHERE k.title_key = venue_papers.title_key) "
    "WHERE arxiv_id IS NULL AND length(title_key) >= 12 AND "
    "(SELECT count(*) FROM arxiv_title_keys AS k WHERE k.title_key = venue_papers.title_key) = 1";
constexpr int64_t kTitleKeyChunk = 5000;

// Moves the venue stamp (in the caller's transaction) and returns its new value, which marks
// the rows the transaction changes.
Result<int64_t> BumpVenueStamp(SqliteConnection& connection) {
  if (auto bump = connection.Execute(kBumpVenueStamp); !bump) return std::unexpected(bump.error());
  auto read = connection.Prepare(kReadVenueStamp);
  if (!read) return std::unexpected(std::move(read.error()));
  auto row = (*read)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return (*read)->ColumnInt(0);
}

Result<bool> EditionExists(SqliteConnection& connection, const std::string& edition) {
  auto select = connection.Prepare(kEditionExists);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, edition);
  return (*select)->Step();
}

// The stored paper that has any of `paper`'s ids; nullopt when none has.
Result<std::optional<int64_t>> FindPaperKey(SqliteConnection& connection, const VenuePaper& paper) {
  auto select = connection.Prepare(kSelectPaperKeyOfId);
  if (!select) return std::unexpected(std::move(select.error()));
  const auto lookup = [&](const VenuePaperId& id) -> Result<std::optional<int64_t>> {
    const std::string text = id.ToString();
    (*select)->Reset();
    (*select)->Bind(1, text);
    auto row = (*select)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::nullopt;
    return (*select)->ColumnInt(0);
  };
  auto found = lookup(paper.id);
  for (size_t i = 0; found && !*found && i < paper.other_ids.size(); ++i) {
    found = lookup(paper.other_ids[i]);
  }
  return found;
}

Result<VenuePaperRow> LoadPaper(SqliteConnection& connection, int64_t paper_key) {
  static const std::string kSelectPaperByKey = SelectVenuePapers("WHERE p.paper_key = ?1");
  auto select = connection.Prepare(kSelectPaperByKey);
  if (!select) return std::unexpected(std::move(select.error()));
  (*select)->Bind(1, paper_key);
  auto row = (*select)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return Fail(ErrorCode::kInternal, "a venue paper vanished while being written");
  return ReadVenuePaperRow(**select);
}

// Binds ?1..?19 in the column order kInsertPaper and kUpdatePaper share. The strings bound must
// outlive the statement's run, hence `scratch`.
void BindPaperFields(SqliteStatement& statement, const VenuePaper& paper, int field_rank,
                     std::vector<std::string>& scratch) {
  scratch = {MakeTitleKey(paper.title), AuthorNames(paper.authors),
             AuthorAffiliations(paper.authors), JoinLines(paper.keywords)};
  statement.Bind(1, paper.edition)
      .Bind(2, paper.position)
      .Bind(3, paper.title)
      .Bind(4, scratch[0])
      .Bind(5, scratch[1])
      .Bind(6, scratch[2])
      .Bind(7, paper.abstract)
      .Bind(8, paper.track)
      .Bind(9, paper.group)
      .Bind(10, paper.status)
      .Bind(11, paper.presentation)
      .Bind(12, scratch[3])
      .Bind(13, paper.pdf_url)
      .Bind(14, paper.landing_url)
      .Bind(15, paper.doi)
      .Bind(16, paper.pages);
  if (paper.arxiv_id.empty()) {
    statement.BindNull(17);
  } else {
    statement.Bind(17, paper.arxiv_id);
  }
  statement.Bind(18, static_cast<int64_t>(paper.arxiv_link)).Bind(19, field_rank);
}

// Files the paper under each of its ids it is not filed under yet; true when there was one.
Result<bool> AddIds(SqliteConnection& connection, const VenuePaper& paper, int64_t paper_key) {
  auto insert = connection.Prepare(kInsertId);
  if (!insert) return std::unexpected(std::move(insert.error()));
  bool added_any = false;
  const auto add = [&](const VenuePaperId& id) -> Result<void> {
    const std::string text = id.ToString();
    (*insert)->Reset();
    (*insert)->Bind(1, text).Bind(2, paper_key).Bind(3, VenueSourceRank(id.source));
    if (auto run = (*insert)->Run(); !run) return run;
    added_any = added_any || connection.Changes() > 0;
    return {};
  };
  if (auto added = add(paper.id); !added) return std::unexpected(added.error());
  for (const VenuePaperId& id : paper.other_ids) {
    if (auto added = add(id); !added) return std::unexpected(added.error());
  }
  return added_any;
}

enum class PaperWrite { kInserted, kMerged };

// Writes `paper` (inserted or merged), marking the row with `venue_stamp` when it changed.
Result<PaperWrite> WriteOnePaper(SqliteConnection& connection, const VenuePaper& paper,
                                 int64_t venue_stamp) {
  const int rank = VenueRecordRank(paper);
  std::vector<std::string> scratch;
  auto found = FindPaperKey(connection, paper);
  if (!found) return std::unexpected(std::move(found.error()));
  if (!*found) {
    int64_t paper_key = 0;
    {  // RETURNING keeps the statement running until it is reset: at the end of this block.
      auto insert = connection.Prepare(kInsertPaper);
      if (!insert) return std::unexpected(std::move(insert.error()));
      BindPaperFields(**insert, paper, rank, scratch);
      (*insert)->Bind(21, venue_stamp);
      auto row = (*insert)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      paper_key = (*insert)->ColumnInt(0);
    }
    if (auto ids = AddIds(connection, paper, paper_key); !ids) return std::unexpected(ids.error());
    return PaperWrite::kInserted;
  }
  auto stored = LoadPaper(connection, **found);
  if (!stored) return std::unexpected(std::move(stored.error()));
  const VenuePaper merged = MergeVenuePapers(stored->paper, stored->field_rank, paper, rank);
  const int merged_rank = std::min(stored->field_rank, rank);
  const bool fields_changed =
      !SameStoredFields(merged, stored->paper) || merged_rank != stored->field_rank;
  if (fields_changed) {
    auto update = connection.Prepare(kUpdatePaper);
    if (!update) return std::unexpected(std::move(update.error()));
    BindPaperFields(**update, merged, merged_rank, scratch);
    (*update)->Bind(20, **found).Bind(21, venue_stamp);
    if (auto run = (*update)->Run(); !run) return std::unexpected(run.error());
  }
  auto ids_added = AddIds(connection, paper, **found);
  if (!ids_added) return std::unexpected(ids_added.error());
  if (*ids_added && !fields_changed) {
    auto stamp = connection.Prepare(kStampPaper);
    if (!stamp) return std::unexpected(std::move(stamp.error()));
    if (auto run = (*stamp)->Bind(1, **found).Bind(2, venue_stamp).Run(); !run) {
      return std::unexpected(run.error());
    }
  }
  return PaperWrite::kMerged;
}

// Takes in the arXiv papers changed since the last call: their title keys replace old ones.
Result<void> CatchUpTitleKeys(SqliteConnection& connection) {
  for (;;) {
    auto transaction = SqliteTransaction::BeginWrite(connection);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    int64_t sequence = 0;
    {
      auto select = connection.Prepare(kTitleKeysSequence);
      if (!select) return std::unexpected(std::move(select.error()));
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (*row) sequence = (*select)->ColumnInt(0);
    }
    struct Changed {
      std::string id;
      std::string key;
    };
    std::vector<Changed> changed;
    {
      auto select = connection.Prepare(kChangedPapers);
      if (!select) return std::unexpected(std::move(select.error()));
      (*select)->Bind(1, sequence).Bind(2, kTitleKeyChunk);
      for (;;) {
        auto row = (*select)->Step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) break;
        sequence = (*select)->ColumnInt(0);
        changed.push_back({std::string((*select)->ColumnText(1)),
                           MakeTitleKey((*select)->ColumnText(2))});
      }
    }
    if (changed.empty()) return {};
    for (const Changed& paper : changed) {
      auto erase = connection.Prepare(kDeleteTitleKeys);
      if (!erase) return std::unexpected(std::move(erase.error()));
      if (auto run = (*erase)->Bind(1, paper.id).Run(); !run) return run;
      if (paper.key.empty()) continue;
      auto insert = connection.Prepare(kInsertTitleKey);
      if (!insert) return std::unexpected(std::move(insert.error()));
      if (auto run = (*insert)->Bind(1, paper.key).Bind(2, paper.id).Run(); !run) return run;
    }
    auto advance = connection.Prepare(kSetTitleKeysSequence);
    if (!advance) return std::unexpected(std::move(advance.error()));
    if (auto run = (*advance)->Bind(1, sequence).Run(); !run) return run;
    if (auto committed = transaction->Commit(); !committed) return committed;
  }
}

}  // namespace

Result<void> WriteVenueEdition(SqliteConnection& connection, const VenueEdition& edition) {
  if (edition.venue.empty() || edition.year < 1000 || edition.year > 9999) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot store venue edition " + QuoteForMessage(edition.Tag()) +
                    ": expected a venue name and a four-digit year");
  }
  const std::string tag = edition.Tag();
  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  auto stored = ReadVenueEdition(connection, tag);
  if (!stored) return std::unexpected(std::move(stored.error()));
  const VenueEdition merged = *stored ? MergeStoredEdition(**stored, edition) : edition;
  auto bump = connection.Execute(kBumpChangeStamp);
  if (!bump) return bump;
  auto venue_stamp = BumpVenueStamp(connection);
  if (!venue_stamp) return std::unexpected(venue_stamp.error());
  // An unchanged edition keeps its stamp: its papers' documents need not be made again.
  if (*stored && **stored == merged) return transaction->Commit();
  const std::string sources = JoinLines(merged.sources);
  auto upsert = connection.Prepare(kUpsertEdition);
  if (!upsert) return std::unexpected(std::move(upsert.error()));
  (*upsert)
      ->Bind(1, tag)
      .Bind(2, merged.venue)
      .Bind(3, merged.year)
      .Bind(4, merged.full_name)
      .Bind(5, sources)
      .Bind(6, merged.start_date)
      .Bind(7, merged.end_date)
      .Bind(8, merged.published)
      .Bind(9, merged.location)
      .Bind(10, merged.url);
  if (merged.official_count) {
    (*upsert)->Bind(11, *merged.official_count);
  } else {
    (*upsert)->BindNull(11);
  }
  (*upsert)->Bind(12, merged.official_count_source).Bind(13, *venue_stamp);
  if (auto run = (*upsert)->Run(); !run) return run;
  return transaction->Commit();
}

Result<VenueWriteSummary> WriteVenuePaperRows(SqliteConnection& connection,
                                              std::span<const VenuePaper> papers) {
  VenueWriteSummary summary;
  if (papers.empty()) return summary;
  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  auto venue_stamp = BumpVenueStamp(connection);
  if (!venue_stamp) return std::unexpected(std::move(venue_stamp.error()));
  std::unordered_set<std::string> known_editions;
  for (const VenuePaper& paper : papers) {
    if (paper.title.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "venue paper " + QuoteForMessage(paper.id.ToString()) + " has no title");
    }
    if (!known_editions.contains(paper.edition)) {
      auto exists = EditionExists(connection, paper.edition);
      if (!exists) return std::unexpected(std::move(exists.error()));
      if (!*exists) {
        return Fail(ErrorCode::kNotFound, "venue paper " + QuoteForMessage(paper.id.ToString()) +
                                              " belongs to edition " +
                                              QuoteForMessage(paper.edition) +
                                              ", which the store does not hold");
      }
      known_editions.insert(paper.edition);
    }
    auto written = WriteOnePaper(connection, paper, *venue_stamp);
    if (!written) return std::unexpected(std::move(written.error()));
    if (*written == PaperWrite::kInserted) {
      ++summary.papers_new;
    } else {
      ++summary.papers_updated;
    }
  }
  if (auto bump = connection.Execute(kBumpChangeStamp); !bump) return std::unexpected(bump.error());
  if (auto logged = RecordEveryPaperChanged(connection); !logged) {
    return std::unexpected(logged.error());
  }
  if (auto committed = transaction->Commit(); !committed) {
    return std::unexpected(std::move(committed.error()));
  }
  return summary;
}

Result<int64_t> LinkVenuePapersByTitle(SqliteConnection& connection) {
  if (auto caught_up = CatchUpTitleKeys(connection); !caught_up) {
    return std::unexpected(std::move(caught_up.error()));
  }
  auto transaction = SqliteTransaction::BeginWrite(connection);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  auto link = connection.Prepare(kLinkByTitle);
  if (!link) return std::unexpected(std::move(link.error()));
  if (auto run = (*link)->Run(); !run) return std::unexpected(std::move(run.error()));
  const int64_t linked = connection.Changes();
  if (linked > 0) {
    if (auto bump = connection.Execute(kBumpChangeStamp); !bump) {
      return std::unexpected(std::move(bump.error()));
    }
    if (auto logged = RecordEveryPaperChanged(connection); !logged) {
      return std::unexpected(logged.error());
    }
  }
  if (auto committed = transaction->Commit(); !committed) {
    return std::unexpected(std::move(committed.error()));
  }
  return linked;
}

}  // namespace coolpapers::store
