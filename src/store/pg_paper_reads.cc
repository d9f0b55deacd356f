#include "store/pg_paper_reads.h"

#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/announcement_calendar.h"
#include "core/quoted_text.h"
#include "store/paper_columns.h"

namespace coolpapers::store {
namespace {

#define COOLPAPERS_IN_LIST(n) "(SELECT jsonb_array_elements_text($" #n "::jsonb))"

// Each paper once with its best (type, position) among the included categories, then papers
// having any excluded category (among all their categories) dropped: DISTINCT ON keeps the
// first row of each paper in (type, position) order. Served by the listings primary key.
constexpr std::string_view kDayList =
    "SELECT paper_id, announce_type FROM ("
    "  SELECT DISTINCT ON (l.paper_id) l.paper_id, l.announce_type, l.position, p.categories"
    "  FROM listings AS l JOIN papers AS p ON p.id = l.paper_id"
    "  WHERE l.category IN " COOLPAPERS_IN_LIST(1) " AND l.day = $2::date"
    "  ORDER BY l.paper_id, l.announce_type, l.position) AS best "
    "WHERE NOT string_to_array(best.categories, ' ') && "
    "  ARRAY(SELECT jsonb_array_elements_text($3::jsonb)) "
    "ORDER BY announce_type, position, paper_id";
// The newest day, the days and the counts come from listing_days (pg_migrations/0007), one row
// per (category, day), so none of them reads a category's listings.
constexpr std::string_view kNewestDay =
    "SELECT to_char(MAX(day), 'YYYY-MM-DD') FROM listing_days "
    "WHERE category IN " COOLPAPERS_IN_LIST(1);
constexpr std::string_view kListingDays =
    "SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS iso FROM listing_days "
    "WHERE category IN " COOLPAPERS_IN_LIST(1) " ORDER BY iso";
// A GROUP BY would read every row of listing_days; the recursive CTE hops from one category to
// the next along the primary key (a loose index scan), so the cost follows the number of
// categories.
constexpr std::string_view kNewestDayPerCategory =
    "WITH RECURSIVE categories(category) AS ("
    "  SELECT MIN(category) FROM listing_days"
    "  UNION ALL"
    "  SELECT (SELECT MIN(d.category) FROM listing_days AS d WHERE d.category > c.category)"
    "  FROM categories AS c WHERE c.category IS NOT NULL) "
    "SELECT c.category, to_char(n.day, 'YYYY-MM-DD'), n.papers "
    "FROM categories AS c "
    "CROSS JOIN LATERAL ("
    "  SELECT day, papers FROM listing_days AS d WHERE d.category = c.category"
    "  ORDER BY day DESC LIMIT 1) AS n "
    "WHERE c.category IS NOT NULL ORDER BY c.category";
// Every query that reads whole papers selects these columns first, in this order.
#define COOLPAPERS_PAPER_COLUMNS                                                       \
  "p.id, p.version, p.title, p.authors, p.abstract, p.categories, p.comments, "        \
  "p.journal_ref, p.doi, p.license, to_char(p.first_listed, 'YYYY-MM-DD'), p.affiliations"
constexpr std::string_view kPapersByIds =
    "SELECT " COOLPAPERS_PAPER_COLUMNS " FROM jsonb_array_elements_text($1::jsonb) "
    "WITH ORDINALITY AS i(id, n) JOIN papers AS p ON p.id = i.id ORDER BY i.n";
constexpr std::string_view kPapersAfter =
    "SELECT " COOLPAPERS_PAPER_COLUMNS " FROM papers AS p WHERE p.id > $1 ORDER BY p.id LIMIT $2";
constexpr std::string_view kPaperChangesSince =
    "SELECT " COOLPAPERS_PAPER_COLUMNS ", c.sequence FROM paper_changes AS c "
    "JOIN papers AS p ON p.id = c.paper_id WHERE c.sequence > $1 ORDER BY c.sequence LIMIT $2";
constexpr int kChangeSequenceColumn = 12;
#undef COOLPAPERS_PAPER_COLUMNS
constexpr std::string_view kVersionsOfIds =
    "SELECT paper_id, version, "
    "  to_char(submitted AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
    "FROM paper_versions WHERE paper_id IN " COOLPAPERS_IN_LIST(1) " ORDER BY paper_id, version";
constexpr std::string_view kPaperCount = "SELECT COUNT(*) FROM papers";
// Changes commit in sequence order (migration 0005), so the largest committed sequence is the
// latest change.
constexpr std::string_view kLatestPaperChange =
    "SELECT COALESCE(MAX(sequence), 0) FROM paper_changes";
constexpr std::string_view kFullTextsOfIds =
    "SELECT paper_id, text FROM paper_texts WHERE paper_id IN " COOLPAPERS_IN_LIST(1);
constexpr std::string_view kFaqAnswersOfIds =
    "SELECT a.paper_id, item.value ->> 'answer' FROM faq_answers AS a "
    "CROSS JOIN LATERAL jsonb_array_elements(a.items) WITH ORDINALITY AS item(value, n) "
    "WHERE a.paper_id IN " COOLPAPERS_IN_LIST(1)
    " ORDER BY a.paper_id, a.language, a.version, item.n";
constexpr std::string_view kClicksOfIds =
    "SELECT i.n, c.kind, c.count FROM jsonb_array_elements_text($1::jsonb) "
    "WITH ORDINALITY AS i(id, n) JOIN paper_clicks AS c ON c.paper_id = i.id";
constexpr std::string_view kChangeStamp = "SELECT value FROM meta WHERE key = 'change_stamp'";

#undef COOLPAPERS_IN_LIST

std::unexpected<Error> Damaged(std::string_view what, std::string_view value) {
  return Fail(ErrorCode::kCorrupt,
              "the store holds a damaged " + std::string(what) + ": " + QuoteForMessage(value),
              "expected by the schema in src/store/pg_migrations");
}

Result<Date> DateField(const pqxx::field& field) {
  const std::string_view text = field.c_str();
  auto date = Date::Parse(text);
  if (!date) return Damaged("listing day", text);
  return *date;
}

Result<Paper> PaperFieldsFromRow(const pqxx::row& row) {
  Paper paper;
  paper.id = row[0].as<std::string>();
  paper.version = row[1].as<int>();
  paper.title = row[2].as<std::string>();
  paper.authors = SplitColumn(row[3].c_str(), kAuthorSeparator);
  paper.abstract = row[4].as<std::string>();
  paper.categories = SplitColumn(row[5].c_str(), kCategorySeparator);
  paper.comments = row[6].as<std::string>();
  paper.journal_ref = row[7].as<std::string>();
  paper.doi = row[8].as<std::string>();
  paper.license = row[9].as<std::string>();
  paper.affiliations = SplitAffiliations(row[11].c_str(), paper.authors.size());
  if (paper.categories.empty()) return Damaged("paper without categories", paper.id);
  if (!row[10].is_null()) {
    auto first_listed = DateField(row[10]);
    if (!first_listed) return std::unexpected(std::move(first_listed.error()));
    paper.first_listed = *first_listed;
  }
  return paper;
}

// Reads the papers of `rows` and fills in their versions with one more query.
Result<std::vector<Paper>> PapersWithVersions(PgQuery& query, const pqxx::result& rows) {
  std::vector<Paper> papers;
  papers.reserve(rows.size());
  std::unordered_map<std::string, std::vector<size_t>> index_of;
  std::vector<std::string> ids;
  for (const pqxx::row& row : rows) {
    auto paper = PaperFieldsFromRow(row);
    if (!paper) return std::unexpected(std::move(paper.error()));
    auto [it, added] = index_of.try_emplace(paper->id);
    if (added) ids.push_back(paper->id);
    it->second.push_back(papers.size());
    papers.push_back(*std::move(paper));
  }
  if (papers.empty()) return papers;
  for (const pqxx::row& row : query.Run(kVersionsOfIds, PgJsonList(ids))) {
    auto submitted = ParseArxivTimestamp(row[2].c_str());
    if (!submitted) return Damaged("version date", row[2].c_str());
    for (size_t index : index_of.at(row[0].as<std::string>())) {
      papers[index].versions.push_back(PaperVersion{row[1].as<int>(), *submitted});
    }
  }
  return papers;
}

Result<void> CheckLimit(int limit) {
  if (limit > 0) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "invalid page size " + std::to_string(limit) + ": expected at least 1");
}

}  // namespace

std::string PgJsonList(std::span<const std::string> items) { return nlohmann::json(items).dump(); }

Result<DayList> ReadPgDayList(PgConnectionPool& pool, const CategoryExpr& expr, Date day) {
  const std::string include = PgJsonList(expr.include);
  const std::string exclude = PgJsonList(expr.exclude);
  return pool.Autocommit<DayList>("read a day's list", [&](PgQuery& query) -> Result<DayList> {
    DayList list{day, {}};
    for (const pqxx::row& row : query.Run(kDayList, include, day.ToIso(), exclude)) {
      const int type = row[1].as<int>();
      if (type < 0 || type > static_cast<int>(AnnounceType::kReplace)) {
        return Damaged("announce type", std::to_string(type));
      }
      list.papers.push_back({row[0].as<std::string>(), static_cast<AnnounceType>(type)});
    }
    return list;
  });
}

Result<std::optional<Date>> ReadPgNewestDay(PgConnectionPool& pool, const CategoryExpr& expr) {
  const std::string include = PgJsonList(expr.include);
  return pool.Autocommit<std::optional<Date>>(
      "read the newest day", [&](PgQuery& query) -> Result<std::optional<Date>> {
        pqxx::result rows = query.Run(kNewestDay, include);
        if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
        auto day = DateField(rows[0][0]);
        if (!day) return std::unexpected(std::move(day.error()));
        return *day;
      });
}

Result<std::vector<Date>> ReadPgListingDays(PgConnectionPool& pool, const CategoryExpr& expr) {
  const std::string include = PgJsonList(expr.include);
  return pool.Autocommit<std::vector<Date>>(
      "read the listing days", [&](PgQuery& query) -> Result<std::vector<Date>> {
        std::vector<Date> days;
        for (const pqxx::row& row : query.Run(kListingDays, include)) {
          auto day = DateField(row[0]);
          if (!day) return std::unexpected(std::move(day.error()));
          days.push_back(*day);
        }
        return days;
      });
}

Result<std::vector<CategoryDay>> ReadPgNewestDayPerCategory(PgConnectionPool& pool) {
  return pool.Autocommit<std::vector<CategoryDay>>(
      "read each category's newest day", [&](PgQuery& query) -> Result<std::vector<CategoryDay>> {
        std::vector<CategoryDay> result;
        for (const pqxx::row& row : query.Run(kNewestDayPerCategory)) {
          auto day = DateField(row[1]);
          if (!day) return std::unexpected(std::move(day.error()));
          result.push_back({row[0].as<std::string>(), *day, row[2].as<int64_t>()});
        }
        return result;
      });
}

Result<std::vector<Paper>> ReadPgPapersByIds(PgConnectionPool& pool,
                                             std::span<const std::string> ids) {
  if (ids.empty()) return std::vector<Paper>{};
  const std::string list = PgJsonList(ids);
  return pool.Snapshot<std::vector<Paper>>(
      "read papers", [&](PgQuery& query) -> Result<std::vector<Paper>> {
        return PapersWithVersions(query, query.Run(kPapersByIds, list));
      });
}

Result<int64_t> ReadPgPaperCount(PgConnectionPool& pool) {
  return pool.Autocommit<int64_t>("count papers", [](PgQuery& query) -> Result<int64_t> {
    return query.Run(kPaperCount)[0][0].as<int64_t>();
  });
}

Result<std::vector<Paper>> ReadPgPapersAfter(PgConnectionPool& pool, std::string_view after_id,
                                             int limit) {
  if (Result<void> checked = CheckLimit(limit); !checked) return std::unexpected(checked.error());
  const std::string after(after_id);
  return pool.Snapshot<std::vector<Paper>>(
      "read a page of papers", [&](PgQuery& query) -> Result<std::vector<Paper>> {
        return PapersWithVersions(query, query.Run(kPapersAfter, after, limit));
      });
}

Result<PaperChanges> ReadPgPaperChangesSince(PgConnectionPool& pool, uint64_t since, int limit) {
  if (Result<void> checked = CheckLimit(limit); !checked) return std::unexpected(checked.error());
  return pool.Snapshot<PaperChanges>(
      "read changed papers", [&](PgQuery& query) -> Result<PaperChanges> {
        pqxx::result rows =
            query.Run(kPaperChangesSince, static_cast<int64_t>(since), limit);
        auto papers = PapersWithVersions(query, rows);
        if (!papers) return std::unexpected(std::move(papers.error()));
        PaperChanges changes{*std::move(papers), since};
        if (!rows.empty()) {
          changes.last_sequence = rows[rows.size() - 1][kChangeSequenceColumn].as<uint64_t>();
        }
        return changes;
      });
}

Result<uint64_t> ReadPgLatestPaperChange(PgConnectionPool& pool) {
  return pool.Autocommit<uint64_t>("read the latest change",
                                   [](PgQuery& query) -> Result<uint64_t> {
                                     return query.Run(kLatestPaperChange)[0][0].as<uint64_t>();
                                   });
}

Result<std::vector<PaperSearchText>> ReadPgSearchTexts(PgConnectionPool& pool,
                                                       std::span<const std::string> ids) {
  if (ids.empty()) return std::vector<PaperSearchText>{};
  const std::string list = PgJsonList(ids);
  return pool.Snapshot<std::vector<PaperSearchText>>(
      "read search texts", [&](PgQuery& query) -> Result<std::vector<PaperSearchText>> {
        std::vector<PaperSearchText> texts;
        std::unordered_map<std::string, size_t> index_of;
        const auto text_of = [&](std::string paper_id) -> PaperSearchText& {
          auto [it, added] = index_of.try_emplace(paper_id, texts.size());
          if (added) texts.push_back(PaperSearchText{std::move(paper_id), {}, {}});
          return texts[it->second];
        };
        for (const pqxx::row& row : query.Run(kFullTextsOfIds, list)) {
          text_of(row[0].as<std::string>()).full_text = row[1].as<std::string>();
        }
        for (const pqxx::row& row : query.Run(kFaqAnswersOfIds, list)) {
          text_of(row[0].as<std::string>()).faq_answers.append(row[1].c_str()).push_back('\n');
        }
        return texts;
      });
}

Result<std::vector<ClickCounts>> ReadPgClicks(PgConnectionPool& pool,
                                              std::span<const std::string> ids) {
  std::vector<ClickCounts> counts(ids.size());
  if (ids.empty()) return counts;
  const std::string list = PgJsonList(ids);
  return pool.Autocommit<std::vector<ClickCounts>>(
      "read click counts", [&](PgQuery& query) -> Result<std::vector<ClickCounts>> {
        for (const pqxx::row& row : query.Run(kClicksOfIds, list)) {
          ClickCounts& paper = counts.at(row[0].as<size_t>() - 1);  // ORDINALITY counts from 1
          const std::string kind = row[1].as<std::string>();
          if (kind == ClickKindName(ClickKind::kPdf)) {
            paper.pdf = row[2].as<int64_t>();
          } else if (kind == ClickKindName(ClickKind::kFaq)) {
            paper.faq = row[2].as<int64_t>();
          } else {
            return Damaged("click kind", kind);
          }
        }
        return counts;
      });
}

Result<uint64_t> ReadPgChangeStamp(PgConnectionPool& pool) {
  return pool.Autocommit<uint64_t>("read the change stamp", [](PgQuery& query) -> Result<uint64_t> {
    pqxx::result rows = query.Run(kChangeStamp);
    if (rows.empty()) return Damaged("meta table", "change_stamp row missing");
    return rows[0][0].as<uint64_t>();
  });
}

}  // namespace coolpapers::store
