// Where FAQ answers live: the finished answer of each (paper, language, version), kept when a
// newer version is answered, and the items of a generation in progress, saved one by one, so a
// generation restarted after a crash resumes after its last finished question. Partial items are
// never served as an answer. FaqStore is an interface so that a PostgreSQL store can pass the
// same tests as the SQLite one (sqlite_faq_store.h).
#ifndef COOLPAPERS_STORE_FAQ_STORE_H_
#define COOLPAPERS_STORE_FAQ_STORE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/faq_answer.h"

namespace coolpapers::store {

// Every method is safe to call from several threads (and processes) at once.
class FaqStore {
 public:
  virtual ~FaqStore() = default;

  // Stores `answer` as the finished answer of (answer.paper_id, answer.language, answer.version),
  // replacing one already stored for exactly that triple, and forgets that triple's partial
  // items, in one transaction: readers see the old state or the whole new answer. Answers of
  // other versions are kept. kInvalidArgument when paper_id is empty or version < 1.
  [[nodiscard]] virtual Result<void> SaveAnswer(const FaqAnswer& answer) = 0;

  // The finished answer of (paper_id, language) read from `version`, or from the newest version
  // answered when `version` is 0. std::nullopt when there is none. kCorrupt when the stored row
  // cannot be read back.
  [[nodiscard]] virtual Result<std::optional<FaqAnswer>> LoadAnswer(std::string_view paper_id,
                                                                    FaqLanguage language,
                                                                    int version = 0) = 0;

  // Records `item` as the answer to question `question_index` (0-based) of the generation of
  // (paper_id, language, version) by `model`, replacing an item saved before at that index.
  // Committed before it returns. kInvalidArgument when question_index < 0 or version < 1.
  [[nodiscard]] virtual Result<void> SavePartialItem(std::string_view paper_id,
                                                     FaqLanguage language, int version,
                                                     std::string_view model, int question_index,
                                                     const FaqItem& item) = 0;

  // The partial items of that generation saved by `model`, from question 0 on, stopping at the
  // first index missing (so the result is always "questions 0..n-1 are done"). Empty when none.
  [[nodiscard]] virtual Result<std::vector<FaqItem>> LoadPartialItems(std::string_view paper_id,
                                                                      FaqLanguage language,
                                                                      int version,
                                                                      std::string_view model) = 0;

  // Keeps `text`, the PDF's text the FAQ read from `version` of the paper, for the search index
  // (fulltext:), replacing the text kept before. kInvalidArgument when version < 1; kNotFound
  // when the store holds no paper `paper_id`.
  [[nodiscard]] virtual Result<void> SavePaperText(std::string_view paper_id, int version,
                                                   std::string_view text) = 0;

  // Forgets the partial items of (paper_id, language, version), of every model.
  [[nodiscard]] virtual Result<void> ClearPartialItems(std::string_view paper_id,
                                                       FaqLanguage language, int version) = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_FAQ_STORE_H_
