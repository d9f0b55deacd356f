// /api/clicks/<ids>: the [PDF] and [FAQ] click counters on the cards (issue #5, reference §2.2),
// arXiv papers' and venue papers' (issue #14).
// GET reads the counts of up to a whole day's papers; POST /api/clicks/<id>?kind=pdf|faq counts
// one reader's click, once per reader, paper, kind and UTC day (Store::AddClick). The entry, with
// its parser and handler (click_route.cc), is in route_table.cc. The reader is
// the coolpapers_reader cookie, an id the front end makes up and keeps; there are no accounts.
#ifndef COOLPAPERS_WEB_CLICK_ROUTE_H_
#define COOLPAPERS_WEB_CLICK_ROUTE_H_

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "store/store.h"
#include "web/daily_allowance.h"
#include "web/router.h"

namespace coolpapers::web {

// The cookie that names the reader of a click.
inline constexpr std::string_view kReaderCookie = "coolpapers_reader";

// Checks a reader id as the front end makes it: 16 to 64 of A-Z a-z 0-9 _ -, such as
// "3f9c0a7d1e2b4c5a6d7e8f9012345678". Returns it unchanged, or kInvalidArgument naming the
// cookie and what it must hold ("" is a missing cookie). Pure.
[[nodiscard]] Result<std::string_view> ParseReaderId(std::string_view value);

// POST /api/clicks/<id>?kind=pdf|faq on `day` by the reader whose cookie value is `reader`:
// {"id":"2401.06769","pdf":3,"faq":1}, the paper's counts after the click; a venue paper's id
// ("2024.naacl-long.431@ACL", in route.params) is counted the same way. kInvalidArgument for
// more than one id, no kind or a malformed reader; kNotFound for a paper the store does not
// hold; store errors pass through. Thread-safe as the store is. With `allowance` (clicks one
// address may count per paper and kind a day, DailyAllowance) spent for `client`, the click is
// not counted and the counts come back as they are: made-up cookies cannot inflate them.
[[nodiscard]] Result<std::string> CountClickRoute(store::Store& store, const Route& route,
                                                  std::string_view reader, Date day,
                                                  DailyAllowance* allowance = nullptr,
                                                  std::string_view client = {});

// GET /api/clicks/<ids>: {"counts":{"2401.06769":{"pdf":3,"faq":1}}}, arXiv and venue papers
// alike, only papers with a click
// (unknown ids are simply left out). Store errors pass through. Thread-safe as the store is.
[[nodiscard]] Result<std::string> RenderClickCountsRoute(store::Store& store, const Route& route);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CLICK_ROUTE_H_
