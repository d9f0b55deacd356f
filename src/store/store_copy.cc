#include "store/store_copy.h"

#include <optional>

#include <nlohmann/json.hpp>
#include <pqxx/prepared_statement>

#include "core/quoted_text.h"
#include "store/pg_migrator.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_store.h"

namespace coolpapers::store {
namespace {

// How a column is spelled in PostgreSQL (pg_migrations/) where SQLite keeps text or integers
// (migrations/): what the copy casts the SQLite text to, and how the check reads it back as
// SQLite spells it.
enum class ColumnType { kText, kInteger, kDate, kTimestamp, kBool, kJson };

struct Column {
  std::string_view name;
  ColumnType type = ColumnType::kText;
};

struct Table {
  std::string_view name;
  std::vector<Column> columns;
  size_t key_columns;  // the first key_columns columns are the primary key: the check's order
  // Rows PostgreSQL made itself while the others were copied (triggers, the migration's
  // change_stamp) are deleted first, so the table ends up exactly as in SQLite.
  bool replace_target = false;
};

using enum ColumnType;

// In dependency order: papers before what refers to them; paper_changes after every table whose
// triggers write it.
const std::vector<Table>& CopiedTables() {
  static const std::vector<Table> tables = {
      {"papers",
       {{"id"}, {"version", kInteger}, {"title"}, {"authors"}, {"abstract"}, {"categories"},
        {"comments"}, {"journal_ref"}, {"doi"}, {"license"}, {"first_listed", kDate},
        {"affiliations"}},
       1},
      {"paper_versions", {{"paper_id"}, {"version", kInteger}, {"submitted", kTimestamp}}, 2},
      {"listings",
       {{"category"}, {"day", kDate}, {"paper_id"}, {"announce_type", kInteger},
        {"position", kInteger}},
       3},
      {"paper_clicks", {{"paper_id"}, {"kind"}, {"count", kInteger}}, 2},
      {"paper_click_readers", {{"paper_id"}, {"kind"}, {"day", kDate}, {"reader"}}, 4},
      {"jobs",
       {{"id", kInteger}, {"kind", kInteger}, {"key"}, {"priority", kInteger}, {"payload"},
        {"state", kInteger}, {"attempts", kInteger}, {"last_error"}, {"result"}, {"worker"},
        {"created", kInteger}, {"updated", kInteger}, {"not_before", kInteger},
        {"lease_until", kInteger}},
       1},
      {"category_days",
       {{"category"}, {"day", kDate}, {"feed_new", kInteger}, {"feed_cross", kInteger},
        {"feed_replace", kInteger}, {"stored_new", kInteger}, {"stored_cross", kInteger},
        {"stored_replace", kInteger}, {"awaiting_metadata", kInteger}, {"complete", kBool},
        {"attempts", kInteger}, {"note"}, {"checked_ms", kInteger}},
       2},
      {"cursors", {{"name"}, {"value"}}, 1},
      {"faq_answers",
       {{"paper_id"}, {"language"}, {"version", kInteger}, {"model"}, {"extractive", kBool},
        {"created", kInteger}, {"items", kJson}, {"closing"}},
       3},
      {"faq_partial_items",
       {{"paper_id"}, {"language"}, {"version", kInteger}, {"question_index", kInteger},
        {"model"}, {"item", kJson}},
       4},
      {"paper_texts", {{"paper_id"}, {"version", kInteger}, {"text"}}, 1},
      {"paper_translations",
       {{"paper_id"}, {"version", kInteger}, {"title"}, {"abstract"}, {"model"},
        {"created", kInteger}},
       2},
      {"meta", {{"key"}, {"value", kInteger}}, 1, true},
      {"paper_changes", {{"paper_id"}, {"sequence", kInteger}}, 1, true},
  };
  return tables;
}

// The SQL below is made from the constant table list above, never from input.
std::string ColumnList(const Table& table, const auto& spell) {
  std::string list;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) list += ", ";
    list += spell(table.columns[i], i);
  }
  return list;
}

std::string KeyOrder(const Table& table, bool postgres) {
  std::string order;
  for (size_t i = 0; i < table.key_columns; ++i) {
    const Column& column = table.columns[i];
    if (i > 0) order += ", ";
    // Qualified: a bare name would sort by the output column of that name, which the
    // PostgreSQL check spells as text ("10" < "2").
    order += "t." + std::string(column.name);
    // Text keys in byte order, as SQLite compares them, whatever the database's locale.
    if (postgres && column.type == kText) order += " COLLATE \"C\"";
  }
  return order;
}

std::string SqliteSelect(const Table& table) {
  const auto name = [](const Column& c, size_t) { return std::string(c.name); };
  return "SELECT " + ColumnList(table, name) + " FROM " + std::string(table.name) +
         " AS t ORDER BY " + KeyOrder(table, false);
}

std::string PgSelect(const Table& table) {
  const auto spell = [](const Column& c, size_t) {
    const std::string name(c.name);
    switch (c.type) {
      case kText: return name;
      case kInteger: return name + "::text";
      case kDate: return "to_char(" + name + ", 'YYYY-MM-DD')";
      case kTimestamp:
        return "to_char(" + name + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
      case kBool: return "(" + name + "::int)::text";
      case kJson: return name + "::text";
    }
    return name;
  };
  return "SELECT " + ColumnList(table, spell) + " FROM " + std::string(table.name) +
         " AS t ORDER BY " + KeyOrder(table, true);
}

std::string PgInsert(const Table& table) {
  static constexpr std::string_view kCasts[] = {"", "::bigint", "::date", "::timestamptz",
                                                "::int::boolean", "::jsonb"};
  return "INSERT INTO " + std::string(table.name) + " (" +
         ColumnList(table, [](const Column& c, size_t) { return std::string(c.name); }) +
         ") VALUES (" + ColumnList(table, [](const Column& c, size_t i) {
           return "$" + std::to_string(i + 1) + std::string(kCasts[static_cast<int>(c.type)]);
         }) +
         ")";
}

using Row = std::vector<std::optional<std::string>>;

Row SqliteRow(const SqliteStatement& statement, size_t columns) {
  Row row;
  for (size_t i = 0; i < columns; ++i) {
    const int column = static_cast<int>(i);
    if (statement.ColumnIsNull(column)) {
      row.emplace_back();
    } else {
      row.emplace_back(std::string(statement.ColumnText(column)));
    }
  }
  return row;
}

// Reads every row of `table` from SQLite in key order, calling on_row(row) for each.
Result<void> ForEachSqliteRow(SqliteConnection& sqlite, const Table& table, const auto& on_row) {
  auto select = sqlite.Prepare(SqliteSelect(table));
  if (!select) return std::unexpected(std::move(select.error()));
  for (;;) {
    auto stepped = (*select)->Step();
    if (!stepped) return std::unexpected(std::move(stepped.error()));
    if (!*stepped) return {};
    if (Result<void> done = on_row(SqliteRow(**select, table.columns.size())); !done) return done;
  }
}

Result<int64_t> SqliteCount(SqliteConnection& sqlite, const Table& table) {
  auto count = sqlite.Prepare("SELECT COUNT(*) FROM " + std::string(table.name));
  if (!count) return std::unexpected(std::move(count.error()));
  auto stepped = (*count)->Step();
  if (!stepped) return std::unexpected(std::move(stepped.error()));
  return (*count)->ColumnInt(0);
}

bool SameValue(const Column& column, const std::optional<std::string>& source,
               const std::optional<std::string>& target) {
  if (!source || !target) return source.has_value() == target.has_value();
  if (column.type != kJson) return *source == *target;
  return nlohmann::json::parse(*source, nullptr, false) ==
         nlohmann::json::parse(*target, nullptr, false);
}

std::string Shown(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  return QuoteForMessage(value->size() > 80 ? value->substr(0, 80) + "..." : *value);
}

constexpr int64_t kProgressEvery = 5000;

Result<void> RefuseNonEmptyTarget(PgQuery& query) {
  for (const Table& table : CopiedTables()) {
    if (table.replace_target) continue;
    pqxx::result rows = query.transaction().exec(
        "SELECT EXISTS (SELECT 1 FROM " + std::string(table.name) + ")");
    if (rows[0][0].as<bool>()) {
      return Fail(ErrorCode::kConflict,
                  "the PostgreSQL store is not empty: its table " + std::string(table.name) +
                      " has rows; copy into a new database");
    }
  }
  return {};
}

Result<void> CopyTables(SqliteConnection& sqlite, PgConnectionPool& pool,
                        const CopyProgress& progress) {
  return pool.Transact<void>("take the copy", [&](PgQuery& query) -> Result<void> {
    if (Result<void> empty = RefuseNonEmptyTarget(query); !empty) return empty;
    for (const Table& table : CopiedTables()) {
      auto total = SqliteCount(sqlite, table);
      if (!total) return std::unexpected(std::move(total.error()));
      if (table.replace_target) {
        query.transaction().exec0("DELETE FROM " + std::string(table.name));
      }
      const std::string insert = PgInsert(table);
      int64_t done = 0;
      Result<void> copied = ForEachSqliteRow(sqlite, table, [&](const Row& row) -> Result<void> {
        query.Run(insert, pqxx::prepare::make_dynamic_params(row));
        if (++done % kProgressEvery == 0) progress("copy", table.name, done, *total);
        return {};
      });
      if (!copied) return copied;
      progress("copy", table.name, done, *total);
    }
    // The sequences go on from the copied numbers: new jobs and changes after the old ones.
    query.transaction().exec(
        "SELECT setval(pg_get_serial_sequence('jobs', 'id'), "
        "COALESCE((SELECT MAX(id) FROM jobs), 0) + 1, false)");
    query.transaction().exec(
        "SELECT setval('paper_change_sequence', "
        "COALESCE((SELECT MAX(sequence) FROM paper_changes), 0) + 1, false)");
    return {};
  });
}

// Compares one table in both stores, row by row in key order.
Result<int64_t> CheckTable(SqliteConnection& sqlite, PgQuery& query, const Table& table,
                           const CopyProgress& progress) {
  auto total = SqliteCount(sqlite, table);
  if (!total) return std::unexpected(std::move(total.error()));
  pqxx::transaction_base& transaction = query.transaction();
  transaction.exec("DECLARE copy_check NO SCROLL CURSOR FOR " + PgSelect(table));
  pqxx::result batch;
  size_t next = 0;
  int64_t compared = 0;
  const auto next_target = [&]() -> std::optional<Row> {
    if (next == batch.size()) {
      batch = transaction.exec("FETCH FORWARD 2000 FROM copy_check");
      next = 0;
      if (batch.empty()) return std::nullopt;
    }
    const pqxx::row row = batch[static_cast<pqxx::result::size_type>(next++)];
    Row values;
    for (const pqxx::field& field : row) {
      values.push_back(field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str()));
    }
    return values;
  };
  const std::string where = "the copy of table " + std::string(table.name);
  Result<void> checked = ForEachSqliteRow(sqlite, table, [&](const Row& source) -> Result<void> {
    std::optional<Row> target = next_target();
    if (!target) {
      return Fail(ErrorCode::kCorrupt, where + " lacks rows: PostgreSQL has " +
                                           std::to_string(compared) + " of " +
                                           std::to_string(*total));
    }
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (!SameValue(table.columns[i], source[i], (*target)[i])) {
        return Fail(ErrorCode::kCorrupt,
                    where + " differs at row " + std::to_string(compared + 1) + " (key " +
                        Shown(source[0]) + "), column " + std::string(table.columns[i].name) +
                        ": SQLite has " + Shown(source[i]) + ", PostgreSQL " +
                        Shown((*target)[i]));
      }
    }
    if (++compared % kProgressEvery == 0) progress("check", table.name, compared, *total);
    return {};
  });
  if (!checked) return std::unexpected(checked.error());
  if (next_target()) {
    return Fail(ErrorCode::kCorrupt, where + " has more rows than the " +
                                         std::to_string(*total) + " of SQLite");
  }
  transaction.exec("CLOSE copy_check");
  progress("check", table.name, compared, *total);
  return compared;
}

}  // namespace

Result<std::vector<TableCopy>> CopySqliteStoreToPg(const std::filesystem::path& sqlite_path,
                                                   const std::string& pg_url,
                                                   const CopyProgress& progress) {
  // Opening the store brings an older file's schema up to date, so both have every table.
  {
    auto store = OpenSqliteStore(sqlite_path, {.reader_connections = 1});
    if (!store) return std::unexpected(std::move(store.error()));
  }
  auto sqlite = SqliteConnection::Open(sqlite_path, SqliteConnection::Mode::kReadOnly, 10000);
  if (!sqlite) return std::unexpected(std::move(sqlite.error()));
  auto pool = OpenMigratedPgPool(pg_url, 1);
  if (!pool) return std::unexpected(std::move(pool.error()));

  // One snapshot of the source for the copy and the check alike.
  auto snapshot = SqliteTransaction::BeginRead(*sqlite);
  if (!snapshot) return std::unexpected(std::move(snapshot.error()));
  if (Result<void> copied = CopyTables(*sqlite, **pool, progress); !copied) {
    return std::unexpected(copied.error());
  }
  return (*pool)->Snapshot<std::vector<TableCopy>>(
      "check the copy", [&](PgQuery& query) -> Result<std::vector<TableCopy>> {
        std::vector<TableCopy> tables;
        for (const Table& table : CopiedTables()) {
          auto rows = CheckTable(*sqlite, query, table, progress);
          if (!rows) return std::unexpected(std::move(rows.error()));
          tables.push_back({std::string(table.name), *rows});
        }
        return tables;
      });
}

}  // namespace coolpapers::store
