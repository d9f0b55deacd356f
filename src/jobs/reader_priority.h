// The queue priority of work a reader asks for (a FAQ, a translation): the magic token goes
// first; papers of the last days before history; so strangers asking about old papers cannot
// push today's readers back (issue #18 finding 1). Shared by the FAQ and the translations.
#ifndef COOLPAPERS_JOBS_READER_PRIORITY_H_
#define COOLPAPERS_JOBS_READER_PRIORITY_H_

#include "core/error.h"
#include "core/paper.h"
#include "store/job_queue.h"
#include "store/store.h"

namespace coolpapers::jobs {

// kAdmin for `admin`; kToday for a paper first listed on the store's newest listing day or the
// `today_days - 1` days before it ("today" is the store's, so a weekend does not turn the latest
// papers into history); kHistory otherwise. Errors: the store's.
[[nodiscard]] Result<store::JobPriority> ReaderPriority(store::Store& store, const Paper& paper,
                                                        bool admin, int today_days);

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_READER_PRIORITY_H_
