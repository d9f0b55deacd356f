// Where machine translations of titles and abstracts live (core/paper_translation.h): one per
// paper version, so a paper revised on arXiv is translated again. An interface so that a
// PostgreSQL store can pass the same tests as the SQLite one (sqlite_translation_store.h).
#ifndef COOLPAPERS_STORE_TRANSLATION_STORE_H_
#define COOLPAPERS_STORE_TRANSLATION_STORE_H_

#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/paper_translation.h"

namespace coolpapers::store {

// Every method is safe to call from several threads (and processes) at once.
class TranslationStore {
 public:
  virtual ~TranslationStore() = default;

  // Stores `translation`, replacing one stored for the same paper and version.
  // kInvalidArgument when version < 1 or the title is empty; kNotFound when the store holds no
  // paper translation.paper_id.
  [[nodiscard]] virtual Result<void> SaveTranslation(const PaperTranslation& translation) = 0;

  // The newest stored translation of each of `paper_ids` that has one, in any order; the others
  // are left out. kCorrupt when a stored row cannot be read back.
  [[nodiscard]] virtual Result<std::vector<PaperTranslation>> LoadTranslations(
      std::span<const std::string> paper_ids) = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_TRANSLATION_STORE_H_
