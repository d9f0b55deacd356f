#include "store/pg_faq_store.h"

#include <chrono>
#include <utility>

#include "core/quoted_text.h"
#include "store/faq_item_json.h"
#include "store/pg_migrator.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kUpsertAnswer =
    "INSERT INTO faq_answers (paper_id, language, version, model, extractive, created, items, "
    "closing) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) "
    "ON CONFLICT (paper_id, language, version) DO UPDATE SET model = EXCLUDED.model, "
    "extractive = EXCLUDED.extractive, created = EXCLUDED.created, items = EXCLUDED.items, "
    "closing = EXCLUDED.closing";
#define COOLPAPERS_FAQ_COLUMNS                                                       \
  "SELECT paper_id, language, version, model, extractive, created, items::text, " \
  "closing FROM faq_answers "
constexpr std::string_view kSelectAnswer =
    COOLPAPERS_FAQ_COLUMNS "WHERE paper_id = $1 AND language = $2 AND version = $3";
constexpr std::string_view kSelectNewestAnswer =
    COOLPAPERS_FAQ_COLUMNS "WHERE paper_id = $1 AND language = $2 ORDER BY version DESC LIMIT 1";
#undef COOLPAPERS_FAQ_COLUMNS
constexpr std::string_view kUpsertPartial =
    "INSERT INTO faq_partial_items (paper_id, language, version, question_index, model, item) "
    "VALUES ($1, $2, $3, $4, $5, $6::jsonb) "
    "ON CONFLICT (paper_id, language, version, question_index) DO UPDATE "
    "SET model = EXCLUDED.model, item = EXCLUDED.item";
constexpr std::string_view kSelectPartials =
    "SELECT question_index, item::text FROM faq_partial_items WHERE paper_id = $1 "
    "AND language = $2 AND version = $3 AND model = $4 ORDER BY question_index";
// Only papers the store holds: the SELECT yields no row for another id.
constexpr std::string_view kUpsertPaperText =
    "INSERT INTO paper_texts (paper_id, version, text) SELECT id, $2, $3 FROM papers "
    "WHERE id = $1 ON CONFLICT (paper_id) DO UPDATE "
    "SET version = EXCLUDED.version, text = EXCLUDED.text";
constexpr std::string_view kDeletePartials =
    "DELETE FROM faq_partial_items WHERE paper_id = $1 AND language = $2 AND version = $3";

Result<FaqAnswer> AnswerFromRow(const pqxx::row& row) {
  FaqAnswer answer;
  answer.paper_id = row[0].as<std::string>();
  // The column is CHECKed to hold "en" or "zh" (pg_migrations/0004).
  answer.language = ParseFaqLanguage(row[1].c_str()).value_or(FaqLanguage::kEnglish);
  answer.version = row[2].as<int>();
  answer.model = row[3].as<std::string>();
  answer.extractive = row[4].as<bool>();
  answer.created = UtcTime(std::chrono::seconds(row[5].as<int64_t>()));
  answer.closing = row[7].as<std::string>();
  Result<std::vector<FaqItem>> items = FaqItemsFromJsonText(row[6].c_str(), answer.paper_id);
  if (!items) return std::unexpected(std::move(items.error()));
  answer.items = *std::move(items);
  return answer;
}

class PgFaqStore final : public FaqStore {
 public:
  explicit PgFaqStore(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<void> SaveAnswer(const FaqAnswer& answer) override {
    if (Result<void> checked = CheckFaqAnswer(answer); !checked) return checked;
    const std::string language(FaqLanguageCode(answer.language));
    return pool_->Transact<void>("store a FAQ answer", [&](PgQuery& query) -> Result<void> {
      query.Run(kUpsertAnswer, answer.paper_id, language, answer.version, answer.model,
                answer.extractive, static_cast<int64_t>(answer.created.time_since_epoch().count()),
                FaqItemsJsonText(answer.items), answer.closing);
      // The same transaction: a crash never leaves both a finished answer and stale partial
      // items, nor neither.
      query.Run(kDeletePartials, answer.paper_id, language, answer.version);
      return {};
    });
  }

  Result<std::optional<FaqAnswer>> LoadAnswer(std::string_view paper_id, FaqLanguage language,
                                              int version) override {
    const std::string id(paper_id);
    const std::string code(FaqLanguageCode(language));
    return pool_->Autocommit<std::optional<FaqAnswer>>(
        "read a FAQ answer", [&](PgQuery& query) -> Result<std::optional<FaqAnswer>> {
          pqxx::result rows = version > 0 ? query.Run(kSelectAnswer, id, code, version)
                                          : query.Run(kSelectNewestAnswer, id, code);
          if (rows.empty()) return std::nullopt;
          Result<FaqAnswer> answer = AnswerFromRow(rows[0]);
          if (!answer) return std::unexpected(std::move(answer.error()));
          return *std::move(answer);
        });
  }

  Result<void> SavePartialItem(std::string_view paper_id, FaqLanguage language, int version,
                               std::string_view model, int question_index,
                               const FaqItem& item) override {
    if (Result<void> checked = CheckFaqItemPlace(paper_id, version, question_index); !checked) {
      return checked;
    }
    return pool_->Autocommit<void>("store a FAQ item", [&](PgQuery& query) -> Result<void> {
      query.Run(kUpsertPartial, std::string(paper_id), std::string(FaqLanguageCode(language)),
                version, question_index, std::string(model), FaqItemJson(item).dump());
      return {};
    });
  }

  Result<std::vector<FaqItem>> LoadPartialItems(std::string_view paper_id, FaqLanguage language,
                                                int version, std::string_view model) override {
    return pool_->Autocommit<std::vector<FaqItem>>(
        "read FAQ items", [&](PgQuery& query) -> Result<std::vector<FaqItem>> {
          std::vector<FaqItem> items;
          for (const pqxx::row& row :
               query.Run(kSelectPartials, std::string(paper_id),
                         std::string(FaqLanguageCode(language)), version, std::string(model))) {
            // Only a gapless run from question 0 is resumable.
            if (row[0].as<size_t>() != items.size()) break;
            Result<FaqItem> item = FaqItemFromJson(
                nlohmann::json::parse(row[1].c_str(), nullptr, false), paper_id);
            if (!item) return std::unexpected(std::move(item.error()));
            items.push_back(*std::move(item));
          }
          return items;
        });
  }

  Result<void> SavePaperText(std::string_view paper_id, int version,
                             std::string_view text) override {
    if (Result<void> checked = CheckPaperTextVersion(paper_id, version); !checked) return checked;
    return pool_->Autocommit<void>("store a paper's text", [&](PgQuery& query) -> Result<void> {
      if (query.Run(kUpsertPaperText, std::string(paper_id), version, std::string(text))
              .affected_rows() > 0) {
        return {};
      }
      return PaperNotStored("text", paper_id);
    });
  }

  Result<void> ClearPartialItems(std::string_view paper_id, FaqLanguage language,
                                 int version) override {
    return pool_->Autocommit<void>("forget FAQ items", [&](PgQuery& query) -> Result<void> {
      query.Run(kDeletePartials, std::string(paper_id), std::string(FaqLanguageCode(language)),
                version);
      return {};
    });
  }

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<FaqStore>> OpenPgFaqStore(const std::string& url,
                                                 const PgOptions& options) {
  auto pool = OpenMigratedPgPool(url, options.connections);
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgFaqStore>(std::move(*pool));
}

}  // namespace coolpapers::store
