#include "store/pg_translation_store.h"

#include <chrono>
#include <utility>

#include "core/quoted_text.h"
#include "store/pg_migrator.h"
#include "store/pg_paper_reads.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

// Only papers the store holds: the SELECT yields no row for another id.
constexpr std::string_view kUpsertTranslation =
    "INSERT INTO paper_translations (paper_id, version, title, abstract, model, created) "
    "SELECT id, $2, $3, $4, $5, $6 FROM papers WHERE id = $1 "
    "ON CONFLICT (paper_id, version) DO UPDATE SET title = EXCLUDED.title, "
    "abstract = EXCLUDED.abstract, model = EXCLUDED.model, created = EXCLUDED.created";
// For each id, the row of its highest version.
constexpr std::string_view kSelectNewestTranslations =
    "SELECT DISTINCT ON (paper_id) paper_id, version, title, abstract, model, created "
    "FROM paper_translations WHERE paper_id IN (SELECT jsonb_array_elements_text($1::jsonb)) "
    "ORDER BY paper_id, version DESC";

class PgTranslationStore final : public TranslationStore {
 public:
  explicit PgTranslationStore(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<void> SaveTranslation(const PaperTranslation& translation) override {
    if (Result<void> checked = CheckTranslation(translation); !checked) return checked;
    return pool_->Autocommit<void>("store a translation", [&](PgQuery& query) -> Result<void> {
      const int64_t created = translation.created.time_since_epoch().count();
      if (query.Run(kUpsertTranslation, translation.paper_id, translation.version,
                    translation.title, translation.abstract, translation.model, created)
              .affected_rows() > 0) {
        return {};
      }
      return PaperNotStored("translation", translation.paper_id);
    });
  }

  Result<std::vector<PaperTranslation>> LoadTranslations(
      std::span<const std::string> paper_ids) override {
    if (paper_ids.empty()) return std::vector<PaperTranslation>{};
    const std::string ids = PgJsonList(paper_ids);
    return pool_->Autocommit<std::vector<PaperTranslation>>(
        "read translations", [&](PgQuery& query) -> Result<std::vector<PaperTranslation>> {
          std::vector<PaperTranslation> translations;
          for (const pqxx::row& row : query.Run(kSelectNewestTranslations, ids)) {
            translations.push_back({row[0].as<std::string>(), row[1].as<int>(),
                                    row[2].as<std::string>(), row[3].as<std::string>(),
                                    row[4].as<std::string>(),
                                    UtcTime(std::chrono::seconds(row[5].as<int64_t>()))});
          }
          return translations;
        });
  }

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<TranslationStore>> OpenPgTranslationStore(const std::string& url,
                                                                 const PgOptions& options) {
  auto pool = OpenMigratedPgPool(url, options.connections);
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgTranslationStore>(std::move(*pool));
}

}  // namespace coolpapers::store
