#include "store/sqlite_translation_store.h"

#include <chrono>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/mutex.h"
#include "core/quoted_text.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_migrator.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

// Only papers the store holds: the SELECT yields no row for another id.
constexpr std::string_view kUpsertTranslation =
    "INSERT OR REPLACE INTO paper_translations (paper_id, version, title, abstract, model, "
    "created) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM papers WHERE id = ?1";
// The ids come as one JSON array parameter; for each, the row of its highest version.
constexpr std::string_view kSelectNewestTranslations =
    "SELECT t.paper_id, t.version, t.title, t.abstract, t.model, t.created "
    "FROM json_each(?1) AS i JOIN paper_translations AS t ON t.paper_id = i.value "
    "WHERE t.version = (SELECT MAX(version) FROM paper_translations WHERE paper_id = i.value)";

class SqliteTranslationStore final : public TranslationStore {
 public:
  explicit SqliteTranslationStore(SqliteConnection connection)
      : connection_(std::move(connection)) {}

  Result<void> SaveTranslation(const PaperTranslation& translation) override {
    if (Result<void> checked = CheckTranslation(translation); !checked) return checked;
    MutexLock lock(&mutex_);
    auto upsert = connection_.Prepare(kUpsertTranslation);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    Result<void> written = (*upsert)
                               ->Bind(1, translation.paper_id)
                               .Bind(2, translation.version)
                               .Bind(3, translation.title)
                               .Bind(4, translation.abstract)
                               .Bind(5, translation.model)
                               .Bind(6, translation.created.time_since_epoch().count())
                               .Run();
    if (!written) return written;
    if (connection_.Changes() == 0) {
      return PaperNotStored("translation", translation.paper_id);
    }
    return {};
  }

  Result<std::vector<PaperTranslation>> LoadTranslations(
      std::span<const std::string> paper_ids) override {
    std::vector<PaperTranslation> translations;
    if (paper_ids.empty()) return translations;
    const std::string ids_json = nlohmann::json(paper_ids).dump();
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kSelectNewestTranslations);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, ids_json);
    for (;;) {
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      PaperTranslation translation;
      translation.paper_id = std::string((*select)->ColumnText(0));
      translation.version = static_cast<int>((*select)->ColumnInt(1));
      translation.title = std::string((*select)->ColumnText(2));
      translation.abstract = std::string((*select)->ColumnText(3));
      translation.model = std::string((*select)->ColumnText(4));
      translation.created = UtcTime(std::chrono::seconds((*select)->ColumnInt(5)));
      translations.push_back(std::move(translation));
    }
    return translations;
  }

 private:
  Mutex mutex_;
  SqliteConnection connection_ GUARDED_BY(mutex_);
};

}  // namespace

Result<std::unique_ptr<TranslationStore>> OpenSqliteTranslationStore(
    const std::filesystem::path& path, const SqliteOptions& options) {
  auto connection = OpenMigratedConnection(path, options.busy_timeout_ms);
  if (!connection) return std::unexpected(std::move(connection.error()));
  return std::make_unique<SqliteTranslationStore>(std::move(*connection));
}

}  // namespace coolpapers::store
