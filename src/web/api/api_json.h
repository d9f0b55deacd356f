// The JSON API's documents, /api/arxiv/...: the same data as the pages, papers written by
// JsonWriter and the rest dumped from nlohmann::json trees, the same bytes either way (every
// string escaped; invalid UTF-8 replaced with U+FFFD rather than failing; keys in byte order),
// with '<', '>' and '&' written as \u003c, \u003e and \u0026 so no markup ever appears raw.
//
// A paper: {"id":"2401.06769","version":2,"title":"...","authors":["..."],"abstract":"...",
//   "categories":["cs.CL","cs.AI"],"primary_category":"cs.CL","announce_type":"new"|null,
//   "comments":"","journal_ref":"","doi":"","abs_url":"https://arxiv.org/abs/2401.06769",
//   "pdf_url":"https://arxiv.org/pdf/2401.06769","first_listed":"2024-01-15"|null,
//   "published":"2024-01-12T18:59:59Z"|null,"updated":"2024-02-01T10:00:00Z"|null,
//   "versions":[{"version":1,"submitted":"2024-01-12T18:59:59Z"},...]}
// (published: v1's submission, updated: the latest version's; null when the store has no dates).
// The keys are those of docs/openapi.json's Paper schema; the same words everywhere
// ("expression", never "expr").
#ifndef COOLPAPERS_WEB_API_API_JSON_H_
#define COOLPAPERS_WEB_API_API_JSON_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/category_expr.h"
#include "core/date.h"
#include "store/store.h"

#include "web/pages/list_page.h"
#include "web/pages/paper_page.h"
#include "web/pages/search_page.h"

namespace coolpapers::web {

// {"expression":"cs.AI","day":"2025-05-14","total":N,"skip":0,"show":25,
//  "previous_day":"2025-05-13"|null,"next_day":null,"papers":[paper with announce_type...]}
std::string RenderListJson(const ListView& view);

// {"papers":[paper with "announce_type":null ...],"missing":["2401.99999"]}
std::string RenderPapersJson(const PapersView& view);

// {"query":"...","sort":"relevance","total":N,"skip":0,"show":25,"papers":[paper...]}
// (total: the match count, an estimate past the first pages; at most 1000 can be paged to).
std::string RenderSearchJson(const SearchView& view);

// {"id", "keywords": [...], "papers": [...]}: the papers related to `id`, best first, arXiv and
// venue papers alike (a venue paper's object carries "branch": "venue" and its "url").
std::string RenderRelatedJson(const std::string& id, const std::vector<std::string>& keywords,
                              const std::vector<SearchCard>& papers);

// {"expression":"cs.AI,cs.CL","days":["2025-05-13","2025-05-14"]}: the days with listings for the
// expression (the home page's calendar), in the order given (ascending from the store).
std::string RenderDaysJson(const CategoryExpr& expr, const std::vector<Date>& days);

// {"id":"2401.06769","pdf":3,"faq":1}: one paper's click counts, after a reader's click.
std::string RenderClickJson(const std::string& id, const store::ClickCounts& counts);

// {"counts":{"2401.06769":{"pdf":3,"faq":1}, ...}}: counts[i] belongs to ids[i] (same length);
// papers without any click are left out, so a day nobody clicked gives {"counts":{}}.
std::string RenderClickCountsJson(std::span<const std::string> ids,
                                  std::span<const store::ClickCounts> counts);

// {"error":{"code":"not_found","message":"..."}}
std::string RenderErrorJson(std::string_view code, std::string_view message);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_API_JSON_H_
