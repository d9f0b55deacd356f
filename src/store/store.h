// The store: the source of truth for papers, daily listings and click counters. Everything
// else (search index, caches, pages) is derived from it. Store is an interface so that the
// SQLite implementation (sqlite_store.h, the embedded default) and a PostgreSQL one pass the
// same test suite (store_contract_test.cc).
#ifndef COOLPAPERS_STORE_STORE_H_
#define COOLPAPERS_STORE_STORE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/category_expr.h"
#include "core/date.h"
#include "core/error.h"
#include "core/paper.h"

namespace coolpapers::store {

// One paper's place in a day's list for a category expression.
struct ListedPaper {
  std::string paper_id;
  AnnounceType type = AnnounceType::kNew;
};

// A day's list, complete and in arXiv's order: new submissions, then cross-lists, then
// replacements, each in arXiv's position order.
struct DayList {
  Date day;
  std::vector<ListedPaper> papers;
};

// For the home page: one category's newest day and how many papers it lists that day.
struct CategoryDay {
  std::string category;
  Date newest_day;
  int64_t paper_count = 0;
};

// Papers whose indexed fields changed, oldest change first (Store::PaperChangesSince).
struct PaperChanges {
  std::vector<Paper> papers;
  // The sequence of the last change returned; the `since` of the next call. Equals `since`
  // when nothing changed after it.
  uint64_t last_sequence = 0;
};

// What the search index holds of a paper beyond its metadata, once the FAQ has read it
// (Store::SearchTexts): the PDF's text and the FAQ's answers.
struct PaperSearchText {
  std::string paper_id;
  std::string full_text;    // the PDF's text as the FAQ extracted it (FaqStore::SavePaperText)
  std::string faq_answers;  // every stored FAQ answer's items, in any language, one per line
};

// One category's list on one day.
struct CategoryDayKey {
  std::string category;  // canonical id
  Date day;
};

// What one WriteRecords call changed.
struct WriteSummary {
  int64_t papers_inserted = 0;
  int64_t papers_updated = 0;    // an existing paper the record changes (equal or newer version)
  int64_t papers_unchanged = 0;  // an existing paper the record repeats, or newer than it
  int64_t listings_written = 0;  // listings inserted or changed
};

// One thing a committed write changed that pages show (Store::PageChangesSince): a day's list
// of one category (its listings or its harvest mark), one paper (its row or its FAQ answers),
// or, after a write of very many papers, every paper.
struct PageChange {
  std::optional<CategoryDayKey> list;  // set for a list's change
  std::string paper_id;                // set for a paper's change
  bool every_paper = false;            // neither set: any paper may have changed
};

struct PageChanges {
  std::vector<PageChange> changes;  // oldest first
  // The sequence of the last change returned; the `since` of the next call. Equals `since`
  // when nothing changed after it.
  uint64_t last_sequence = 0;
  // Changes after `since` were pruned before this reader saw them: it must assume that
  // anything changed (and continue from last_sequence).
  bool pruned = false;
};

// Beyond this many changed papers, one write records PageChange::every_paper instead of each
// (a bulk import), which keeps the log small.
inline constexpr size_t kMaxPaperChangesPerWrite = 5000;
// How many changes the log keeps; a reader further behind sees PageChanges::pruned.
inline constexpr int64_t kPageChangesKept = 200000;

enum class ClickKind { kPdf, kFaq };

// How many days of click readers AddClick keeps: today's decide repeats; one more day covers
// clocks that disagree about midnight.
inline constexpr int kClickReaderDays = 2;

struct ClickCounts {
  int64_t pdf = 0;
  int64_t faq = 0;
};

// Every method is safe to call from several threads at once. Writes are serialised (one
// writer); reads run concurrently with them and see only committed data.
class Store {
 public:
  virtual ~Store() = default;

  // Writes papers and their listings in one transaction: all or nothing. Idempotent: writing
  // the same records twice leaves the store as after the first time. A record whose paper is
  // already stored with a higher version does not replace the paper (its listings are still
  // written); an equal or higher version replaces title, authors, abstract and the rest.
  [[nodiscard]] virtual Result<WriteSummary> WriteRecords(std::span<const PaperRecord> records) = 0;

  // WriteRecords, and in the same transaction the listings of `list` become exactly those the
  // records carry for it: papers no longer listed there are removed, announce types and
  // positions replaced rather than merged. For a source that is the authority on that day's
  // list (the harvested feed, which arXiv sometimes corrects after publishing it).
  [[nodiscard]] virtual Result<WriteSummary> WriteDayList(
      const CategoryDayKey& list, std::span<const PaperRecord> records) = 0;

  // The day's list for an expression: papers listed that day in any included category, minus
  // papers that have any excluded category; each paper once, with its best announce type.
  // An empty list (not an error) when nothing is listed that day.
  [[nodiscard]] virtual Result<DayList> ListDay(const CategoryExpr& expr, Date day) = 0;

  // The newest day on which any included category of the expression has a listing;
  // std::nullopt when there is none.
  [[nodiscard]] virtual Result<std::optional<Date>> NewestDay(const CategoryExpr& expr) = 0;

  // Every day with listings for the expression's included categories, ascending (the calendar).
  [[nodiscard]] virtual Result<std::vector<Date>> ListingDays(const CategoryExpr& expr) = 0;

  // For each category that has listings: its newest day and that day's paper count.
  [[nodiscard]] virtual Result<std::vector<CategoryDay>> NewestDayPerCategory() = 0;

  // Papers by canonical id (no version), in the order asked; ids we do not have are left out.
  [[nodiscard]] virtual Result<std::vector<Paper>> PapersByIds(std::span<const std::string> ids) = 0;

  // How many papers the store holds.
  [[nodiscard]] virtual Result<int64_t> PaperCount() = 0;

  // Up to `limit` (> 0) papers with ids after `after_id` in ascending byte order of the id, so
  // passing the last id of one page gives the next (keyset paging over the whole store, e.g.
  // for an index rebuild): PapersAfter("", 1000), then PapersAfter(page.back().id, 1000).
  // An empty page means the end. kInvalidArgument when limit <= 0.
  [[nodiscard]] virtual Result<std::vector<Paper>> PapersAfter(std::string_view after_id,
                                                               int limit) = 0;

  // Every paper whose title, authors, abstract, categories or first-listed day changed (or that
  // was added) after change `since` (0: every paper), up to `limit` (> 0) of them, oldest change
  // first. A paper changed twice appears once, at its latest change. Feeding last_sequence back
  // as `since` pages through all changes; it never goes back, so a reader that stored it (the
  // search index does) can resume after a crash. kInvalidArgument when limit <= 0.
  [[nodiscard]] virtual Result<PaperChanges> PaperChangesSince(uint64_t since, int limit) = 0;

  // The sequence of the latest change to any paper's indexed fields; 0 when there is none.
  [[nodiscard]] virtual Result<uint64_t> LatestPaperChange() = 0;

  // The full texts and FAQ answers of those of `ids` that have either, in any order; the
  // papers without are left out. A new text or answer counts as a change of its paper
  // (PaperChangesSince), so the index picks it up.
  [[nodiscard]] virtual Result<std::vector<PaperSearchText>> SearchTexts(
      std::span<const std::string> ids) = 0;

  // Counts a reader's click on [PDF] or [FAQ] of a paper, once per reader, paper, kind and day:
  // the same reader clicking again the same day changes nothing; another reader, the next day or
  // the other kind counts again. `reader` is an opaque, non-empty id of the reader (the web
  // layer checks its form); `day` is the click's day (UTC). Writes in one transaction and
  // returns the paper's counts after the click: AddClick("2401.06769", ClickKind::kPdf,
  // "f3a9...", Date::FromYmd(2025, 5, 14)) -> {pdf: 3, faq: 1}. kNotFound for a paper the store
  // does not hold, kInvalidArgument for an empty reader. Does not move ChangeStamp (no page
  // shows the counts).
  // The first click of each day also prunes the readers' rows of days before day -
  // kClickReaderDays (PruneClickReaders): they served only to refuse that day's repeats.
  [[nodiscard]] virtual Result<ClickCounts> AddClick(const std::string& paper_id, ClickKind kind,
                                                     std::string_view reader, Date day) = 0;
  // Forgets who clicked on days before `before` (issue #18 finding 7: paper_click_readers grew
  // for ever); the counts stay. Returns the rows removed.
  [[nodiscard]] virtual Result<int64_t> PruneClickReaders(Date before) = 0;
  // Click counts for the papers, in the order asked (zeros for unknown papers).
  [[nodiscard]] virtual Result<std::vector<ClickCounts>> ClicksFor(std::span<const std::string> ids) = 0;

  // A number that changes whenever anything (this process or another one) commits a change to
  // papers or listings. Caches compare it to know when to drop what they rendered.
  [[nodiscard]] virtual Result<uint64_t> ChangeStamp() = 0;

  // What committed writes (of any process) changed after change `since`, up to `limit` (> 0)
  // of them, oldest first: the lists and papers whose pages must be drawn again. Every write
  // that moves ChangeStamp because of papers, listings or harvest marks records its changes
  // here in the same transaction, and so does a new FAQ answer (which does not move the
  // stamp). kInvalidArgument when limit <= 0.
  [[nodiscard]] virtual Result<PageChanges> PageChangesSince(uint64_t since, int limit) = 0;
  // The sequence of the latest recorded page change; 0 when there is none. Where a reader that
  // has just drawn everything afresh starts.
  [[nodiscard]] virtual Result<uint64_t> LatestPageChange() = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_STORE_H_
