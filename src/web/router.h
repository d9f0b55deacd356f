// The site's URL grammar, as papers.cool spells it:
//   /                              home: the categories
//   /healthz                       liveness and store check
//   /api/status                    harvester and job queue state (JSON)
//   /api/token                     POST: the magic token into an HttpOnly cookie; GET: whether set
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
//   /venue/                        every conference edition; /venue/<NAME> a venue's newest
//   /venue/<NAME>.<YEAR>[?group=G] a conference edition's papers (ICLR.2024); /api/venue/... JSON
//   /venue/<id>@<SOURCE>[,<id>...] venue papers by papers.cool's ids (web/venue_route.cc)
//   /venue/<NAME[.YEAR]>/feed, /venue/latest/feed   Atom: an edition's papers; the newest editions
//   /api/clicks/<id>[,<id>...]     GET: the papers' [PDF]/[FAQ] click counts (1..2000 ids);
//                                  POST /api/clicks/<id>?kind=pdf|faq counts one reader's click
//   /api/translations/<id>[,...]   titles and abstracts in Chinese (1..200 ids): GET reads,
//                                  POST asks for those not translated yet
// Query parameters: date=YYYY-MM-DD (lists; default: the newest day with data), show=N (1..2000,
// default 25), skip=M (0..1000000, default 0), fragment=0|1 (lists: only the cards). Others are
// ignored. Search also takes query=TEXT, highlight=0|1 and sort=relevance|time|stars (papers.cool's
// sort=0 is time, sort=1 stars); lists accept and ignore sort (prefer too: the reader's keywords,
// sorted in the browser) and highlight; sort=like ranks a list or a list's feed by stars=<id>,...
// and keywords=a,b (web/like_ranking.h). The FAQ takes lang=en|zh (default en) and fresh=0|1
// (POST: answer the latest version again). Clicks take kind=pdf|faq. Path and query are
// percent-decoded; in the query '+' is a space. Each path belongs to its entry in the route
// table (route_table.cc), whose parser reads it; this file holds the walk and the shared pieces.
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
inline constexpr int64_t kMaxSearchShow = 1000;  // a search page's results (its feed's too)
inline constexpr int64_t kMaxSkip = 1000000;
inline constexpr size_t kMaxIdsPerPage = 200;
inline constexpr size_t kMaxIdsPerClickCount = 2000;  // a whole day's list in one request

// The order of search results.
enum class SearchOrder { kRelevance, kTime, kStars };

struct RouteEntry;  // route_table.h

// A parsed request target. The fields after `entry` are filled by the shared query parameters
// (ParseRoute) and by the entry's parser; each names the entries that read it.
struct Route {
  // The route table's entry that answers this route ("list", "redirect", ...); never null in a
  // Route that ParseRoute returns. Static.
  const RouteEntry* entry = nullptr;
  bool api = false;      // under /api/: answer JSON
  std::string location;  // redirect: the canonical path with the original query string
  CategoryExpr expr;     // list, list_feed, days: parsed, canonical
  // papers, clicks, translations: canonical, versions and duplicates dropped; related, pdf, faq,
  // faq_stream: the one paper (pdf and faq keep its version, 0 meaning the newest)
  std::vector<ArxivId> ids;
  // Path parameters of an entry that keeps them in no field of its own: a route
  // /venue/<name>/<edition> would keep {"NeurIPS", "2024"}.
  std::vector<std::string> params;
  std::optional<Date> date;   // list: nullopt means the newest day with data
  int64_t show = kDefaultShow;
  int64_t skip = 0;
  bool fragment = false;  // list, HTML only
  std::string query;      // search: the query text as typed ("" shows the search form)
  bool highlight = false;  // search: mark the query's words in titles and abstracts
  SearchOrder sort = SearchOrder::kRelevance;  // search
  bool prefer = false;  // sort=prefer: lists only (the browser sorts); sort is then kRelevance
  // sort=like: lists and their feeds ranked by the reader's stars and keywords (like_ranking.h);
  // sort is then kRelevance, and searches refuse it.
  bool like = false;
  std::vector<ArxivId> stars;         // stars=<id>,<id>...: read by sort=like
  std::vector<std::string> keywords;  // keywords=a,b phrase: read by sort=like
  bool feed = false;  // list_feed, search_feed: the Atom feed instead of the page
  FaqLanguage language = FaqLanguage::kEnglish;  // faq, faq_stream
  bool fresh = false;                             // faq
  std::optional<store::ClickKind> click_kind;     // kind=pdf|faq (POST /api/clicks/<id>)
};

// What an entry's parser sees of a request target.
struct RouteTarget {
  std::string_view path;       // percent-decoded: "/arxiv/cs.AI,cs.CL"
  std::string_view raw_query;  // as sent, without '?': kept on redirects

  // The last value of the query parameter `name`, percent-decoded ('+' a space); nullopt when
  // absent or not decodable. For parameters only one entry reads; the shared ones (date, show,
  // skip, ...) are in Route already.
  std::optional<std::string> Parameter(std::string_view name) const;
};

// An entry's parser: nullopt when the target is not this entry's (the router tries the next
// entry), otherwise the route (`route` filled further; its entry is left null for the router to
// set, or set to another entry's, as RedirectRoute does) or why the target is malformed.
// `route` arrives with api and the shared query parameters set.
using RouteParser = std::optional<Result<Route>> (*)(const RouteTarget& target, Route route);

// Maps a request target (origin form, as sent) to its route: decodes the path, applies the
// shared query parameters, then asks the route table's parsers in the table's order; the first
// that claims the path decides. Examples (entry names from route_table.cc):
//   "/arxiv/cs.CL?date=2025-05-14"  -> list {cs.CL, 2025-05-14}
//   "/api/days/cs.CL+cs.AI"         -> days {cs.AI,cs.CL} (API routes answer the canonical form
//                                      rather than redirect)
//   "/api/clicks/2401.06769v2?kind=pdf" -> clicks {2401.06769}, click_kind kPdf
//   "/arxiv/cs.CL,cs.AI?show=50"    -> redirect "/arxiv/cs.AI,cs.CL?show=50"
//   "/arxiv/1406.02661"             -> redirect "/arxiv/1406.2661"
//   "/api/arxiv/2401.06769,1406.2661" -> papers, api
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

// The parsers' shared pieces, for the entries' parse functions.

// The subject after `prefix` when `path` starts with it and more follows: ("/pdf/", "/pdf/x") is
// "x"; nullopt otherwise.
std::optional<std::string_view> PathSubject(std::string_view path, std::string_view prefix);

// A route to the redirect entry: 301 to prefix + canonical, with "?" + raw_query when not empty.
// `api` says whether the redirect's own errors would be JSON.
Route RedirectRoute(std::string_view prefix, std::string_view canonical, std::string_view raw_query,
                    bool api);

// The redirect from a subject with trailing slashes to the one without, "/arxiv/cs.AI//" to
// "/arxiv/cs.AI"; nullopt when the subject does not end with '/' (or is nothing but slashes).
std::optional<Route> RedirectWithoutTrailingSlash(std::string_view prefix, std::string_view subject,
                                                  std::string_view raw_query, bool api);

// The arXiv branch's pages, /arxiv/<subject> and /api/arxiv/<subject>, as the list and paper
// entries both read them: the prefix (route.api picks), the subject after it, and the redirect
// without trailing slashes when the subject has them; nullopt when the path is not under it.
struct ArxivSubject {
  std::string_view prefix;
  std::string_view subject;
  std::optional<Route> redirect;
};
inline constexpr std::string_view kArxivPrefix = "/arxiv/";
inline constexpr std::string_view kApiArxivPrefix = "/api/arxiv/";
std::optional<ArxivSubject> ReadArxivSubject(const RouteTarget& target, const Route& route);

// Appends the ids of "2401.06769,1406.02661v2" to route.ids, versions and duplicates dropped, at
// most `max_ids` of them; returns their canonical spelling ("2401.06769,1406.2661").
// kInvalidArgument for a malformed id (ArxivId::Parse's message) or too many ids ("too many paper
// ids: expected at most 200 on one page", "... in one request" for another limit).
[[nodiscard]] Result<std::string> ParseIds(std::string_view subject, Route& route,
                                           size_t max_ids = kMaxIdsPerPage);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_ROUTER_H_
