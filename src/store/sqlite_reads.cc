#include "store/sqlite_reads.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "store/paper_columns.h"

namespace coolpapers::store {
namespace {

// A day's listings are served by the listings primary key (category, day, paper_id); the
// papers' categories are read only when the expression excludes some. Everything else about
// listings (newest day, the days, counts) comes from listing_days (migration 0014), one row per
// (category, day), so no query reads all of a category's listings. The other queries are served
// by the primary keys of papers, paper_versions and paper_clicks.
constexpr std::string_view kDayOfCategory =
    "SELECT paper_id, announce_type, position FROM listings WHERE category = ?1 AND day = ?2";
constexpr std::string_view kDayOfCategoryWithCategories =
    "SELECT l.paper_id, l.announce_type, l.position, p.categories "
    "FROM listings AS l JOIN papers AS p ON p.id = l.paper_id "
    "WHERE l.category = ?1 AND l.day = ?2";
constexpr std::string_view kNewestDayOfCategory =
    "SELECT MAX(day) FROM listing_days WHERE category = ?1";
constexpr std::string_view kDaysOfCategory =
    "SELECT day FROM listing_days WHERE category = ?1 ORDER BY day";
// A GROUP BY would read every row of listing_days (one per category and day: 300,000 at 2.7M
// papers). Instead the recursive CTE hops from one category to the next along the primary key
// (a "skip scan"), so the cost follows the number of categories.
constexpr std::string_view kNewestDayPerCategory =
    "WITH RECURSIVE "
    "  categories(category) AS ("
    "    SELECT MIN(category) FROM listing_days"
    "    UNION ALL"
    "    SELECT (SELECT MIN(category) FROM listing_days WHERE category > categories.category)"
    "    FROM categories WHERE categories.category IS NOT NULL) "
    "SELECT d.category, d.day, d.papers FROM categories AS c "
    "JOIN listing_days AS d ON d.category = c.category AND d.day = "
    "  (SELECT MAX(day) FROM listing_days AS n WHERE n.category = c.category) "
    "WHERE c.category IS NOT NULL ORDER BY d.category";
// Every query that reads whole papers selects these columns first, in this order
// (PaperFieldsFromRow reads them by position).
#define COOLPAPERS_PAPER_COLUMNS                                                       \
  "p.id, p.version, p.title, p.authors, p.abstract, p.categories, p.comments, "        \
  "p.journal_ref, p.doi, p.license, p.first_listed, p.affiliations"
constexpr std::string_view kPaperById =
    "SELECT " COOLPAPERS_PAPER_COLUMNS " FROM papers AS p WHERE p.id = ?1";
// Keyset paging: the primary key serves both the range and the order.
constexpr std::string_view kPapersAfter =
    "SELECT " COOLPAPERS_PAPER_COLUMNS " FROM papers AS p WHERE p.id > ?1 ORDER BY p.id LIMIT ?2";
constexpr std::string_view kVersionsInRange =
    "SELECT paper_id, version, submitted FROM paper_versions "
    "WHERE paper_id >= ?1 AND paper_id <= ?2 ORDER BY paper_id, version";
constexpr std::string_view kPaperChangesSince =
    "SELECT " COOLPAPERS_PAPER_COLUMNS ", c.sequence FROM paper_changes AS c "
    "JOIN papers AS p ON p.id = c.paper_id WHERE c.sequence > ?1 ORDER BY c.sequence LIMIT ?2";
constexpr int kChangeSequenceColumn = 12;
#undef COOLPAPERS_PAPER_COLUMNS
// sqlite_sequence holds AUTOINCREMENT's high-water mark, which stays put when the newest change
// row is replaced, unlike MAX(sequence) of the rows left.
constexpr std::string_view kLatestPaperChange =
    "SELECT seq FROM sqlite_sequence WHERE name = 'paper_changes'";
// The ids come as one JSON array parameter, so a batch of thousands is one statement, each id
// a primary-key lookup.
constexpr std::string_view kFullTextsOfIds =
    "SELECT t.paper_id, t.text FROM json_each(?1) AS i JOIN paper_texts AS t ON t.paper_id = i.value";
constexpr std::string_view kFaqAnswersOfIds =
    "SELECT a.paper_id, json_extract(item.value, '$.answer') "
    "FROM json_each(?1) AS i JOIN faq_answers AS a ON a.paper_id = i.value, "
    "json_each(a.items) AS item ORDER BY a.paper_id, a.language, a.version, item.key";
constexpr std::string_view kVersionsOfPaper =
    "SELECT version, submitted FROM paper_versions WHERE paper_id = ?1 ORDER BY version";
constexpr std::string_view kPaperCount = "SELECT COUNT(*) FROM papers";
constexpr std::string_view kClicksOfPaper =
    "SELECT kind, count FROM paper_clicks WHERE paper_id = ?1";
constexpr std::string_view kChangeStamp = "SELECT value FROM meta WHERE key = 'change_stamp'";

std::unexpected<Error> Damaged(std::string_view what, std::string_view value) {
  return Fail(ErrorCode::kCorrupt,
              "the store holds a damaged " + std::string(what) + ": " + QuoteForMessage(value),
              "expected by the schema in src/store/migrations");
}

Result<Date> DateColumn(const SqliteStatement& statement, int column) {
  auto date = Date::Parse(statement.ColumnText(column));
  if (!date) return Damaged("listing day", statement.ColumnText(column));
  return *date;
}

Result<AnnounceType> AnnounceTypeColumn(const SqliteStatement& statement, int column) {
  const int64_t value = statement.ColumnInt(column);
  if (value < 0 || value > static_cast<int64_t>(AnnounceType::kReplace)) {
    return Damaged("announce type", std::to_string(value));
  }
  return static_cast<AnnounceType>(value);
}

bool SharesCategory(std::string_view categories_column, const std::vector<std::string>& set) {
  if (set.empty()) return false;
  for (const std::string& category : SplitColumn(categories_column, kCategorySeparator)) {
    if (std::ranges::find(set, category) != set.end()) return true;
  }
  return false;
}

// A paper's best listing among the included categories of a day.
struct Candidate {
  AnnounceType type;
  int64_t position;
  bool excluded;
};

Result<Paper> PaperFieldsFromRow(const SqliteStatement& row) {
  Paper paper;
  paper.id = row.ColumnText(0);
  paper.version = static_cast<int>(row.ColumnInt(1));
  paper.title = row.ColumnText(2);
  paper.authors = SplitColumn(row.ColumnText(3), kAuthorSeparator);
  paper.abstract = row.ColumnText(4);
  paper.categories = SplitColumn(row.ColumnText(5), kCategorySeparator);
  paper.comments = row.ColumnText(6);
  paper.journal_ref = row.ColumnText(7);
  paper.doi = row.ColumnText(8);
  paper.license = row.ColumnText(9);
  paper.affiliations = SplitAffiliations(row.ColumnText(11), paper.authors.size());
  if (paper.categories.empty()) return Damaged("paper without categories", paper.id);
  if (!row.ColumnIsNull(10)) {
    auto first_listed = DateColumn(row, 10);
    if (!first_listed) return std::unexpected(std::move(first_listed.error()));
    paper.first_listed = *first_listed;
  }
  return paper;
}

Result<PaperVersion> VersionFromRow(const SqliteStatement& row, int column) {
  auto submitted = ParseArxivTimestamp(row.ColumnText(column + 1));
  if (!submitted) return Damaged("version date", row.ColumnText(column + 1));
  return PaperVersion{static_cast<int>(row.ColumnInt(column)), *submitted};
}

Result<void> LoadVersions(SqliteConnection& connection, Paper& paper) {
  auto versions = connection.Prepare(kVersionsOfPaper);
  if (!versions) return std::unexpected(std::move(versions.error()));
  (*versions)->Bind(1, paper.id);
  for (;;) {
    auto version_row = (*versions)->Step();
    if (!version_row) return std::unexpected(std::move(version_row.error()));
    if (!*version_row) break;
    auto version = VersionFromRow(**versions, 0);
    if (!version) return std::unexpected(std::move(version.error()));
    paper.versions.push_back(*version);
  }
  return {};
}

Result<Paper> PaperFromRow(SqliteConnection& connection, const SqliteStatement& row) {
  auto paper = PaperFieldsFromRow(row);
  if (!paper) return paper;
  if (Result<void> loaded = LoadVersions(connection, *paper); !loaded) {
    return std::unexpected(loaded.error());
  }
  return paper;
}

// Fills in the versions of `papers`, which are sorted by id, with one range query instead of
// one query per paper.
Result<void> AttachVersions(SqliteConnection& connection, std::vector<Paper>& papers) {
  if (papers.empty()) return {};
  auto rows = connection.Prepare(kVersionsInRange);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, papers.front().id).Bind(2, papers.back().id);
  auto paper = papers.begin();
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    const std::string_view paper_id = (*rows)->ColumnText(0);
    while (paper != papers.end() && paper->id < paper_id) ++paper;
    if (paper == papers.end()) break;
    if (paper->id != paper_id) continue;  // versions of a paper outside this page
    auto version = VersionFromRow(**rows, 1);
    if (!version) return std::unexpected(std::move(version.error()));
    paper->versions.push_back(*version);
  }
  return {};
}

Result<void> CheckLimit(int limit) {
  if (limit > 0) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "invalid page size " + std::to_string(limit) + ": expected at least 1");
}

}  // namespace

Result<DayList> ReadDayList(SqliteConnection& connection, const CategoryExpr& expr, Date day) {
  const std::string day_iso = day.ToIso();
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));

  std::unordered_map<std::string, Candidate> best;
  const bool excludes = !expr.exclude.empty();
  for (const std::string& category : expr.include) {
    auto rows = connection.Prepare(excludes ? kDayOfCategoryWithCategories : kDayOfCategory);
    if (!rows) return std::unexpected(std::move(rows.error()));
    (*rows)->Bind(1, category).Bind(2, day_iso);
    for (;;) {
      auto row = (*rows)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      auto type = AnnounceTypeColumn(**rows, 1);
      if (!type) return std::unexpected(std::move(type.error()));
      const int64_t position = (*rows)->ColumnInt(2);
      auto [it, inserted] = best.try_emplace(std::string((*rows)->ColumnText(0)), *type, position,
                                             false);
      if (inserted) {
        // An exclusion looks at every category of the paper, not only where it is listed today.
        it->second.excluded = excludes && SharesCategory((*rows)->ColumnText(3), expr.exclude);
      } else if (std::tie(*type, position) < std::tie(it->second.type, it->second.position)) {
        it->second.type = *type;
        it->second.position = position;
      }
    }
  }

  std::vector<std::tuple<AnnounceType, int64_t, std::string>> order;
  order.reserve(best.size());
  for (auto& [id, candidate] : best) {
    if (!candidate.excluded) order.emplace_back(candidate.type, candidate.position, id);
  }
  std::ranges::sort(order);
  DayList list{day, {}};
  list.papers.reserve(order.size());
  for (auto& [type, position, id] : order) list.papers.push_back({std::move(id), type});
  return list;
}

Result<std::optional<Date>> ReadNewestDay(SqliteConnection& connection, const CategoryExpr& expr) {
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  std::optional<Date> newest;
  for (const std::string& category : expr.include) {
    auto rows = connection.Prepare(kNewestDayOfCategory);
    if (!rows) return std::unexpected(std::move(rows.error()));
    auto row = (*rows)->Bind(1, category).Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row || (*rows)->ColumnIsNull(0)) continue;
    auto day = DateColumn(**rows, 0);
    if (!day) return std::unexpected(std::move(day.error()));
    if (!newest || *day > *newest) newest = *day;
  }
  return newest;
}

Result<std::vector<Date>> ReadListingDays(SqliteConnection& connection, const CategoryExpr& expr) {
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  std::set<Date> days;
  for (const std::string& category : expr.include) {
    auto rows = connection.Prepare(kDaysOfCategory);
    if (!rows) return std::unexpected(std::move(rows.error()));
    (*rows)->Bind(1, category);
    for (;;) {
      auto row = (*rows)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      auto day = DateColumn(**rows, 0);
      if (!day) return std::unexpected(std::move(day.error()));
      days.insert(*day);
    }
  }
  return std::vector<Date>(days.begin(), days.end());
}

Result<std::vector<CategoryDay>> ReadNewestDayPerCategory(SqliteConnection& connection) {
  auto rows = connection.Prepare(kNewestDayPerCategory);
  if (!rows) return std::unexpected(std::move(rows.error()));
  std::vector<CategoryDay> result;
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    auto day = DateColumn(**rows, 1);
    if (!day) return std::unexpected(std::move(day.error()));
    result.push_back({std::string((*rows)->ColumnText(0)), *day, (*rows)->ColumnInt(2)});
  }
  return result;
}

Result<std::vector<Paper>> ReadPapersByIds(SqliteConnection& connection,
                                           std::span<const std::string> ids) {
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  std::vector<Paper> papers;
  papers.reserve(ids.size());
  for (const std::string& id : ids) {
    auto rows = connection.Prepare(kPaperById);
    if (!rows) return std::unexpected(std::move(rows.error()));
    auto row = (*rows)->Bind(1, id).Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) continue;
    auto paper = PaperFromRow(connection, **rows);
    if (!paper) return std::unexpected(std::move(paper.error()));
    papers.push_back(std::move(*paper));
  }
  return papers;
}

Result<std::vector<Paper>> ReadPapersAfter(SqliteConnection& connection,
                                            std::string_view after_id, int limit) {
  if (Result<void> checked = CheckLimit(limit); !checked) return std::unexpected(checked.error());
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  auto rows = connection.Prepare(kPapersAfter);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, after_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<Paper> papers;
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    auto paper = PaperFieldsFromRow(**rows);
    if (!paper) return std::unexpected(std::move(paper.error()));
    papers.push_back(*std::move(paper));
  }
  if (Result<void> attached = AttachVersions(connection, papers); !attached) {
    return std::unexpected(attached.error());
  }
  return papers;
}

Result<PaperChanges> ReadPaperChangesSince(SqliteConnection& connection, uint64_t since,
                                           int limit) {
  if (Result<void> checked = CheckLimit(limit); !checked) return std::unexpected(checked.error());
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  auto rows = connection.Prepare(kPaperChangesSince);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, static_cast<int64_t>(since)).Bind(2, static_cast<int64_t>(limit));
  PaperChanges changes;
  changes.last_sequence = since;
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    auto paper = PaperFromRow(connection, **rows);
    if (!paper) return std::unexpected(std::move(paper.error()));
    changes.papers.push_back(*std::move(paper));
    changes.last_sequence = static_cast<uint64_t>((*rows)->ColumnInt(kChangeSequenceColumn));
  }
  return changes;
}

Result<uint64_t> ReadLatestPaperChange(SqliteConnection& connection) {
  auto rows = connection.Prepare(kLatestPaperChange);
  if (!rows) return std::unexpected(std::move(rows.error()));
  auto row = (*rows)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return *row ? static_cast<uint64_t>((*rows)->ColumnInt(0)) : 0;
}

Result<std::vector<PaperSearchText>> ReadSearchTexts(SqliteConnection& connection,
                                                     std::span<const std::string> ids) {
  std::vector<PaperSearchText> texts;
  if (ids.empty()) return texts;
  const std::string ids_json = nlohmann::json(ids).dump();
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  std::unordered_map<std::string, std::size_t> index_of;
  const auto text_of = [&](std::string_view paper_id) -> PaperSearchText& {
    auto [it, added] = index_of.try_emplace(std::string(paper_id), texts.size());
    if (added) texts.push_back(PaperSearchText{std::string(paper_id), {}, {}});
    return texts[it->second];
  };
  const auto read_rows = [&](std::string_view sql, const auto& on_row) -> Result<void> {
    auto rows = connection.Prepare(sql);
    if (!rows) return std::unexpected(std::move(rows.error()));
    (*rows)->Bind(1, ids_json);
    for (;;) {
      auto row = (*rows)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) return {};
      on_row(text_of((*rows)->ColumnText(0)), (*rows)->ColumnText(1));
    }
  };
  Result<void> read = read_rows(kFullTextsOfIds, [](PaperSearchText& text, std::string_view full) {
    text.full_text = std::string(full);
  });
  if (read) {
    read = read_rows(kFaqAnswersOfIds, [](PaperSearchText& text, std::string_view answer) {
      text.faq_answers.append(answer).push_back('\n');
    });
  }
  if (!read) return std::unexpected(read.error());
  return texts;
}

Result<int64_t> ReadPaperCount(SqliteConnection& connection) {
  auto rows = connection.Prepare(kPaperCount);
  if (!rows) return std::unexpected(std::move(rows.error()));
  auto row = (*rows)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return *row ? (*rows)->ColumnInt(0) : 0;
}

Result<ClickCounts> ReadClicksOfPaper(SqliteConnection& connection, std::string_view paper_id) {
  auto rows = connection.Prepare(kClicksOfPaper);
  if (!rows) return std::unexpected(std::move(rows.error()));
  (*rows)->Bind(1, paper_id);
  ClickCounts counts;
  for (;;) {
    auto row = (*rows)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) break;
    const std::string_view kind = (*rows)->ColumnText(0);
    if (kind == ClickKindName(ClickKind::kPdf)) {
      counts.pdf = (*rows)->ColumnInt(1);
    } else if (kind == ClickKindName(ClickKind::kFaq)) {
      counts.faq = (*rows)->ColumnInt(1);
    } else {
      return Damaged("click kind", kind);
    }
  }
  return counts;
}

Result<std::vector<ClickCounts>> ReadClicks(SqliteConnection& connection,
                                            std::span<const std::string> ids) {
  auto snapshot = SqliteTransaction::BeginRead(connection);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  std::vector<ClickCounts> counts;
  counts.reserve(ids.size());
  for (const std::string& id : ids) {
    auto paper = ReadClicksOfPaper(connection, id);
    if (!paper) return std::unexpected(std::move(paper.error()));
    counts.push_back(*paper);
  }
  return counts;
}

Result<uint64_t> ReadChangeStamp(SqliteConnection& connection) {
  auto rows = connection.Prepare(kChangeStamp);
  if (!rows) return std::unexpected(std::move(rows.error()));
  auto row = (*rows)->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return Damaged("meta table", "change_stamp row missing");
  return static_cast<uint64_t>((*rows)->ColumnInt(0));
}

}  // namespace coolpapers::store
