#include "store/sqlite_faq_store.h"

#include <chrono>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/mutex.h"
#include "core/quoted_text.h"
#include "store/faq_item_json.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_migrator.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

constexpr std::string_view kUpsertAnswer =
    "INSERT OR REPLACE INTO faq_answers (paper_id, language, version, model, extractive, "
    "created, items, closing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
#define COOLPAPERS_FAQ_COLUMNS \
  "SELECT paper_id, language, version, model, extractive, created, items, closing FROM faq_answers "
constexpr std::string_view kSelectAnswer =
    COOLPAPERS_FAQ_COLUMNS "WHERE paper_id = ?1 AND language = ?2 AND version = ?3";
constexpr std::string_view kSelectNewestAnswer =
    COOLPAPERS_FAQ_COLUMNS "WHERE paper_id = ?1 AND language = ?2 ORDER BY version DESC LIMIT 1";
#undef COOLPAPERS_FAQ_COLUMNS
constexpr std::string_view kUpsertPartial =
    "INSERT OR REPLACE INTO faq_partial_items (paper_id, language, version, question_index, "
    "model, item) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kSelectPartials =
    "SELECT question_index, item FROM faq_partial_items WHERE paper_id = ?1 AND language = ?2 "
    "AND version = ?3 AND model = ?4 ORDER BY question_index";
constexpr std::string_view kUpsertPaperText =
    "INSERT OR REPLACE INTO paper_texts (paper_id, version, text) "
    "SELECT id, ?2, ?3 FROM papers WHERE id = ?1";
constexpr std::string_view kDeletePartials =
    "DELETE FROM faq_partial_items WHERE paper_id = ?1 AND language = ?2 AND version = ?3";

Result<FaqAnswer> AnswerFromRow(const SqliteStatement& row) {
  FaqAnswer answer;
  answer.paper_id = std::string(row.ColumnText(0));
  // The column is CHECKed to hold "en" or "zh" (migration 0008).
  answer.language = ParseFaqLanguage(row.ColumnText(1)).value_or(FaqLanguage::kEnglish);
  answer.version = static_cast<int>(row.ColumnInt(2));
  answer.model = std::string(row.ColumnText(3));
  answer.extractive = row.ColumnInt(4) != 0;
  answer.created = UtcTime(std::chrono::seconds(row.ColumnInt(5)));
  answer.closing = std::string(row.ColumnText(7));
  Result<std::vector<FaqItem>> items = FaqItemsFromJsonText(row.ColumnText(6), answer.paper_id);
  if (!items) return std::unexpected(std::move(items.error()));
  answer.items = *std::move(items);
  return answer;
}

class SqliteFaqStore final : public FaqStore {
 public:
  explicit SqliteFaqStore(SqliteConnection connection) : connection_(std::move(connection)) {}

  Result<void> SaveAnswer(const FaqAnswer& answer) override {
    if (Result<void> checked = CheckFaqAnswer(answer); !checked) return checked;
    const std::string items_text = FaqItemsJsonText(answer.items);
    const std::string_view language = FaqLanguageCode(answer.language);
    MutexLock lock(&mutex_);
    Result<SqliteTransaction> transaction = SqliteTransaction::BeginWrite(connection_);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    {
      auto upsert = connection_.Prepare(kUpsertAnswer);
      if (!upsert) return std::unexpected(std::move(upsert.error()));
      Result<void> written = (*upsert)
          ->Bind(1, answer.paper_id)
          .Bind(2, language)
          .Bind(3, answer.version)
          .Bind(4, answer.model)
          .Bind(5, answer.extractive ? 1 : 0)
          .Bind(6, answer.created.time_since_epoch().count())
          .Bind(7, items_text)
          .Bind(8, answer.closing)
          .Run();
      if (!written) return written;
    }
    // The same transaction: a crash never leaves both a finished answer and stale partial items,
    // nor neither.
    auto remove = connection_.Prepare(kDeletePartials);
    if (!remove) return std::unexpected(std::move(remove.error()));
    Result<void> removed =
        (*remove)->Bind(1, answer.paper_id).Bind(2, language).Bind(3, answer.version).Run();
    if (!removed) return removed;
    return transaction->Commit();
  }

  Result<std::optional<FaqAnswer>> LoadAnswer(std::string_view paper_id, FaqLanguage language,
                                              int version) override {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(version > 0 ? kSelectAnswer : kSelectNewestAnswer);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, paper_id).Bind(2, FaqLanguageCode(language));
    if (version > 0) (*select)->Bind(3, version);
    auto row = (*select)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::nullopt;
    Result<FaqAnswer> answer = AnswerFromRow(**select);
    if (!answer) return std::unexpected(std::move(answer.error()));
    return std::move(*answer);
  }

  Result<void> SavePartialItem(std::string_view paper_id, FaqLanguage language, int version,
                               std::string_view model, int question_index,
                               const FaqItem& item) override {
    if (Result<void> checked = CheckFaqItemPlace(paper_id, version, question_index); !checked) {
      return checked;
    }
    const std::string item_text = FaqItemJson(item).dump();
    MutexLock lock(&mutex_);
    auto upsert = connection_.Prepare(kUpsertPartial);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    return (*upsert)
        ->Bind(1, paper_id)
        .Bind(2, FaqLanguageCode(language))
        .Bind(3, version)
        .Bind(4, question_index)
        .Bind(5, model)
        .Bind(6, item_text)
        .Run();
  }

  Result<std::vector<FaqItem>> LoadPartialItems(std::string_view paper_id, FaqLanguage language,
                                                int version, std::string_view model) override {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kSelectPartials);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, paper_id).Bind(2, FaqLanguageCode(language)).Bind(3, version).Bind(4, model);
    std::vector<FaqItem> items;
    while (true) {
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) break;
      // Only a gapless run from question 0 is resumable.
      if ((*select)->ColumnInt(0) != static_cast<int64_t>(items.size())) break;
      nlohmann::json json = nlohmann::json::parse((*select)->ColumnText(1), nullptr, false);
      Result<FaqItem> item = FaqItemFromJson(json, paper_id);
      if (!item) return std::unexpected(std::move(item.error()));
      items.push_back(std::move(*item));
    }
    return items;
  }

  Result<void> SavePaperText(std::string_view paper_id, int version,
                             std::string_view text) override {
    if (Result<void> checked = CheckPaperTextVersion(paper_id, version); !checked) return checked;
    MutexLock lock(&mutex_);
    auto upsert = connection_.Prepare(kUpsertPaperText);
    if (!upsert) return std::unexpected(std::move(upsert.error()));
    Result<void> written = (*upsert)->Bind(1, paper_id).Bind(2, version).Bind(3, text).Run();
    if (!written) return written;
    if (connection_.Changes() == 0) {
      return PaperNotStored("text", paper_id);
    }
    return {};
  }

  Result<void> ClearPartialItems(std::string_view paper_id, FaqLanguage language,
                                 int version) override {
    MutexLock lock(&mutex_);
    auto remove = connection_.Prepare(kDeletePartials);
    if (!remove) return std::unexpected(std::move(remove.error()));
    return (*remove)->Bind(1, paper_id).Bind(2, FaqLanguageCode(language)).Bind(3, version).Run();
  }

 private:
  Mutex mutex_;
  SqliteConnection connection_ GUARDED_BY(mutex_);
};

}  // namespace

Result<std::unique_ptr<FaqStore>> OpenSqliteFaqStore(const std::filesystem::path& path,
                                                     const SqliteOptions& options) {
  auto connection = OpenMigratedConnection(path, options.busy_timeout_ms);
  if (!connection) return std::unexpected(std::move(connection.error()));
  return std::make_unique<SqliteFaqStore>(std::move(*connection));
}

}  // namespace coolpapers::store
