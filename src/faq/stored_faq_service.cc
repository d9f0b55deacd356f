#include "faq/stored_faq_service.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "core/quoted_text.h"

namespace coolpapers::faq {
namespace {

Error ReadOnly() {
  return Error{ErrorCode::kUnavailable,
               "this reader only reads stored FAQ answers: ask for new ones on the instance's "
               "site (POST /api/faq/<id>)",
               ""};
}

}  // namespace

StoredFaqService::StoredFaqService(store::Store& store, store::FaqStore& faq_store)
    : store_(store), faq_store_(faq_store) {}

Result<FaqStatus> StoredFaqService::Get(const FaqPaper& id, FaqLanguage language) {
  const std::string paper_id = id.str();
  FaqStatus status;
  status.latest_version = 1;  // a venue paper's only version
  if (!id.is_venue()) {
    Result<std::vector<Paper>> papers = store_.PapersByIds(std::span(&paper_id, 1));
    if (!papers) return std::unexpected(std::move(papers.error()));
    if (papers->empty()) {
      return Fail(ErrorCode::kNotFound,
                  "paper " + QuoteForMessage(paper_id) + " is not in the store");
    }
    status.latest_version = std::max(1, papers->front().version);
    for (const PaperVersion& version : papers->front().versions) {
      status.latest_version = std::max(status.latest_version, version.number);
    }
  }
  Result<std::optional<FaqAnswer>> answer = faq_store_.LoadAnswer(paper_id, language, id.version());
  if (!answer) return std::unexpected(std::move(answer.error()));
  if (!*answer) return status;  // kNotAsked
  status.state = FaqStatus::State::kAnswered;
  status.question_count = static_cast<int>((*answer)->items.size());
  status.answer = std::move(**answer);
  return status;
}

Result<FaqStatus> StoredFaqService::Request(const FaqPaper&, FaqLanguage, bool, bool) {
  return std::unexpected(ReadOnly());
}

Result<std::unique_ptr<FaqWatch>> StoredFaqService::Watch(const FaqPaper&, FaqLanguage,
                                                          std::function<void(const FaqEvent&)>) {
  return std::unexpected(ReadOnly());
}

}  // namespace coolpapers::faq
