// The FAQ as stored, for a reader that must never start work (`coolpapers mcp`): Get answers
// the stored answer, or "not asked" when there is none; Request and Watch are refused, since
// generating belongs to the instance's server and its llm workers.
#ifndef COOLPAPERS_FAQ_STORED_FAQ_SERVICE_H_
#define COOLPAPERS_FAQ_STORED_FAQ_SERVICE_H_

#include "faq/faq_service.h"
#include "store/faq_store.h"
#include "store/store.h"

namespace coolpapers::faq {

class StoredFaqService : public FaqService {
 public:
  // Both stores must outlive the service.
  StoredFaqService(store::Store& store, store::FaqStore& faq_store);

  // The stored answer read from id's version (the newest answered without one), else kNotAsked;
  // latest_version is the store's. kNotFound for an arXiv paper the store lacks; a venue paper
  // is read by the id it is shown by (its answers' key) and is kNotAsked under any other.
  Result<FaqStatus> Get(const FaqPaper& id, FaqLanguage language) override;
  // kUnavailable: this service only reads.
  Result<FaqStatus> Request(const FaqPaper& id, FaqLanguage language, bool admin,
                            bool fresh) override;
  Result<std::unique_ptr<FaqWatch>> Watch(const FaqPaper& id, FaqLanguage language,
                                          std::function<void(const FaqEvent&)> listener) override;

 private:
  store::Store& store_;
  store::FaqStore& faq_store_;
};

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_STORED_FAQ_SERVICE_H_
