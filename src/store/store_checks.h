// What every store backend refuses before it writes, with the same messages whichever backend
// runs: the argument checks of FaqStore, TranslationStore and JobQueue (their headers state
// them), and the kNotFound of a write that names a paper the store does not hold.
#ifndef COOLPAPERS_STORE_STORE_CHECKS_H_
#define COOLPAPERS_STORE_STORE_CHECKS_H_

#include <string_view>

#include "core/error.h"
#include "core/faq_answer.h"
#include "core/paper_translation.h"
#include "store/job_queue.h"

namespace coolpapers::store {

// kInvalidArgument unless the answer has a paper id and a version of at least 1.
[[nodiscard]] Result<void> CheckFaqAnswer(const FaqAnswer& answer);
// kInvalidArgument unless question_index >= 0 and version >= 1.
[[nodiscard]] Result<void> CheckFaqItemPlace(std::string_view paper_id, int version,
                                             int question_index);
// kInvalidArgument unless version >= 1.
[[nodiscard]] Result<void> CheckPaperTextVersion(std::string_view paper_id, int version);
// kInvalidArgument unless version >= 1 and the title is not empty.
[[nodiscard]] Result<void> CheckTranslation(const PaperTranslation& translation);
// kInvalidArgument for a job without a key.
[[nodiscard]] Result<void> CheckJobSpec(const JobSpec& spec);

// kNotFound: "cannot store the <what> of paper "<id>": the store does not hold it".
std::unexpected<Error> PaperNotStored(std::string_view what, std::string_view paper_id);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_STORE_CHECKS_H_
