#include "store/store_checks.h"

#include <string>

#include "core/quoted_text.h"

namespace coolpapers::store {

Result<void> CheckFaqAnswer(const FaqAnswer& answer) {
  if (!answer.paper_id.empty() && answer.version >= 1) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "cannot store the FAQ answer of paper " + QuoteForMessage(answer.paper_id) +
                  " version " + std::to_string(answer.version) +
                  ": expected a paper id and a version of at least 1");
}

Result<void> CheckFaqItemPlace(std::string_view paper_id, int version, int question_index) {
  if (question_index >= 0 && version >= 1) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "cannot store FAQ item " + std::to_string(question_index) + " of paper " +
                  QuoteForMessage(paper_id) + " version " + std::to_string(version) +
                  ": expected a question index of at least 0 and a version of at least 1");
}

Result<void> CheckPaperTextVersion(std::string_view paper_id, int version) {
  if (version >= 1) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "cannot store the text of paper " + QuoteForMessage(paper_id) + " version " +
                  std::to_string(version) + ": expected a version of at least 1");
}

Result<void> CheckTranslation(const PaperTranslation& translation) {
  if (translation.version >= 1 && !translation.title.empty()) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "cannot store the translation of paper " + QuoteForMessage(translation.paper_id) +
                  ": expected a version of at least 1 and a title");
}

Result<void> CheckJobSpec(const JobSpec& spec) {
  if (!spec.key.empty()) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "a " + std::string(JobKindName(spec.kind)) +
                  " job has no key: expected a name such as \"paper:2401.06769\"");
}

std::unexpected<Error> PaperNotStored(std::string_view what, std::string_view paper_id) {
  return Fail(ErrorCode::kNotFound, "cannot store the " + std::string(what) + " of paper " +
                                        QuoteForMessage(paper_id) + ": the store does not hold it");
}

}  // namespace coolpapers::store
