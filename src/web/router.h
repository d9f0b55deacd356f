// The site's URL grammar, as papers.cool spells it:
//   /                              home: the categories
//   /healthz                       liveness and store check
//   /api/status                    harvester and job queue state (JSON)
//   /arxiv/<expr>                  a category expression's day list: cs.AI, cs.AI,cs.CL, cs.AI+cs.LG-cs.CY
//   /arxiv/<id>[,<id>...]          papers by arXiv id: 2401.06769, hep-th/9901001
//   /api/arxiv/<expr>, /api/arxiv/<id>[,...]   the same as JSON
//   /arxiv/search?query=...        whole-site search (src/search/query_builder.h); /api/search
//   /arxiv/<expr>/feed, /arxiv/search/feed?query=...   Atom feeds of a list or a search
//   /api/related/<id>              the papers related to one ([REL]) and its keywords, JSON
//   /opensearch.xml                the OpenSearch description (browsers add the site's search)
//   /pdf/<id>, /pdf/<id>v<n>      the paper's PDF from this instance's cache (web/pdf_route.h)
//   /api/faq/<id>                  a paper's FAQ: GET reads (never starts work), POST asks for it
//   /api/faq/<id>/stream           its generation as server-sent events
//   /api/days/<expr>               the days with listings for an expression (the calendar), JSON
//   /api/clicks/<id>[,<id>...]     GET: the papers' [PDF]/[FAQ] click counts (1..2000 ids);
//                                  POST /api/clicks/<id>?kind=pdf|faq counts one reader's click
//   /api/translations/<id>[,...]   titles and abstracts in Chinese (1..200 ids): GET reads,
//                                  POST asks for those not translated yet
// Query parameters: date=YYYY-MM-DD (lists; default: the newest day with data), show=N (1..2000,
// default 25), skip=M (0..1000000, default 0), fragment=0|1 (lists: only the cards). Others are
// ignored. Search also takes query=TEXT, highlight=0|1 and sort=relevance|time|stars (papers.cool's
// sort=0 is time, sort=1 stars); lists accept and ignore sort (prefer too: the reader's keywords,
// sorted in the browser) and highlight. The FAQ takes lang=en|zh (default en) and fresh=0|1
// (POST: answer the latest version again). Clicks take kind=pdf|faq. Path and query are
// percent-decoded; in the query '+' is a space.
#ifndef COOLPAPERS_WEB_ROUTER_H_
#define COOLPAPERS_WEB_ROUTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/arxiv_id.h"
#include "core/category_expr.h"
#include "core/date.h"
#include "core/error.h"
#include "core/faq_answer.h"
#include "store/store.h"

namespace coolpapers::web {

inline constexpr int64_t kDefaultShow = 25;
inline constexpr int64_t kMaxShow = 2000;
inline constexpr int64_t kMaxSkip = 1000000;
inline constexpr size_t kMaxIdsPerPage = 200;
inline constexpr size_t kMaxIdsPerClickCount = 2000;  // a whole day's list in one request

enum class RouteKind {
  kHome,
  kHealth,
  kStatus,    // /api/status
  kList,      // a category expression's day
  kPapers,    // papers by id
  kRedirect,  // a non-canonical spelling of a list or paper URL: 301 to `location`
  kSearch,    // /arxiv/search, /api/search
  kRelated,   // /api/related/<id>: ids holds the one paper; show is how many related
  kOpenSearch,  // /opensearch.xml
  kPdf,       // /pdf/<id>[v<n>]: ids holds the one paper with its version (0: the newest)
  kFaq,         // /api/faq/<id>: ids holds the one paper (its version kept when given)
  kFaqStream,   // /api/faq/<id>/stream
  kDays,        // /api/days/<expr>: expr holds the expression, canonical
  kClicks,      // /api/clicks/<ids>: ids canonical, versions and duplicates dropped
  kTranslations,  // /api/translations/<ids>: as kClicks
};

// The order of search results.
enum class SearchOrder { kRelevance, kTime, kStars };

struct Route {
  RouteKind kind = RouteKind::kHome;
  bool api = false;      // under /api/: answer JSON
  std::string location;  // kRedirect: the canonical path with the original query string
  CategoryExpr expr;     // kList: parsed, canonical
  std::vector<ArxivId> ids;   // kPapers: canonical, versions dropped, duplicates dropped
  std::optional<Date> date;   // kList: nullopt means the newest day with data
  int64_t show = kDefaultShow;
  int64_t skip = 0;
  bool fragment = false;  // kList, HTML only
  std::string query;      // kSearch: the query text as typed ("" shows the search form)
  bool highlight = false;  // kSearch: mark the query's words in titles and abstracts
  SearchOrder sort = SearchOrder::kRelevance;  // kSearch
  bool prefer = false;  // sort=prefer: lists only (the browser sorts); sort is then kRelevance
  bool feed = false;  // kList, kSearch: the Atom feed instead of the page (not under /api/)
  FaqLanguage language = FaqLanguage::kEnglish;  // kFaq, kFaqStream
  bool fresh = false;                             // kFaq
  std::optional<store::ClickKind> click_kind;     // kind=pdf|faq (POST /api/clicks/<id>)
};

// Maps a request target (origin form, as sent) to its route. Examples:
//   "/arxiv/cs.CL?date=2025-05-14"  -> kList {cs.CL, 2025-05-14}
//   "/api/days/cs.CL+cs.AI"         -> kDays {cs.AI,cs.CL} (API routes answer the canonical form
//                                      rather than redirect)
//   "/api/clicks/2401.06769v2?kind=pdf" -> kClicks {2401.06769}, click_kind kPdf
//   "/arxiv/cs.CL,cs.AI?show=50"    -> kRedirect "/arxiv/cs.AI,cs.CL?show=50"
//   "/arxiv/1406.02661"             -> kRedirect "/arxiv/1406.2661"
//   "/api/arxiv/2401.06769,1406.2661" -> kPapers, api
// Errors: kInvalidArgument for a malformed target, percent-encoding, category expression, id,
// date, show, skip, fragment, kind or sort (sort=prefer on a search: search sorts by relevance,
// time or stars) (the message quotes the value and says what is accepted); kNotFound for a path
// outside the grammar. Pure and thread-safe.
[[nodiscard]] Result<Route> ParseRoute(std::string_view target);

// True when the target is under /api/, so that even a target ParseRoute rejects gets its error
// as JSON.
bool IsApiTarget(std::string_view target);

// GET and HEAD read; the site answers nothing else (405), except POST where a route allows it.
bool IsReadMethod(std::string_view method);

// True for the routes that take POST as well: kFaq (ask for the FAQ), kClicks (count a click),
// kTranslations (ask for translations). Read from the route table (route_table.h), which
// defines these two.
bool AcceptsPost(RouteKind kind);

// The methods `kind` answers, as the Allow header lists them: "GET, HEAD" or "GET, HEAD, POST".
std::string_view AllowedMethods(RouteKind kind);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_ROUTER_H_
