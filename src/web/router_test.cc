#include "web/router.h"

#include <string>

#include <gtest/gtest.h>

#include "store/paper_columns.h"
#include "web/route_table.h"

namespace coolpapers::web {
namespace {

// One line per route, so a table row states the whole expected outcome. The route's kind is
// the name of its entry in the route table.
std::string Describe(const Route& route) {
  std::string text = route.api ? "api " : "";
  const std::string_view kind = route.entry->name;
  if (kind == "home" || kind == "health" || kind == "status" || kind == "opensearch") {
    return text + std::string(kind);
  }
  if (kind == "redirect") return text + "redirect " + route.location;
  if (kind == "list" || kind == "list_feed") {
    text += "list " + route.expr.ToString() + " date=" +
            (route.date ? route.date->ToIso() : "newest") + " skip=" + std::to_string(route.skip) +
            " show=" + std::to_string(route.show);
    if (route.feed) text += " feed";
    return route.fragment ? text + " fragment" : text;
  }
  if (kind == "papers" || kind == "clicks" || kind == "translations") {
    text += kind;
    for (const ArxivId& id : route.ids) text += " " + id.str();
    if (kind == "clicks" && route.click_kind) text += " kind=" + std::string(store::ClickKindName(*route.click_kind));
    return text;
  }
  if (kind == "related") {
    return text + "related " + route.ids.front().str() + " show=" + std::to_string(route.show);
  }
  if (kind == "search" || kind == "search_feed") {
    return text + "search \"" + route.query + "\" sort=" +
           std::to_string(static_cast<int>(route.sort)) + (route.highlight ? " highlight" : "") +
           " skip=" + std::to_string(route.skip) + " show=" + std::to_string(route.show) +
           (route.feed ? " feed" : "");
  }
  if (kind == "pdf") return text + "pdf " + route.ids.front().WithVersion();
  if (kind == "faq" || kind == "faq_stream") {
    return text + (kind == "faq" ? "faq " : "faq-stream ") + route.ids.front().str() +
           (route.ids.front().version() > 0 ? " v" + std::to_string(route.ids.front().version())
                                            : "") +
           " lang=" + std::string(FaqLanguageCode(route.language)) + (route.fresh ? " fresh" : "");
  }
  if (kind == "days") return text + "days " + route.expr.ToString();
  return "?";
}

TEST(ParseRoute, MapsTargetsToRoutes) {
  const struct {
    std::string target;
    std::string expected;
  } kCases[] = {
      {"/", "home"},
      {"/api/status", "api status"},
      {"/api/related/2505.00003v2?show=5", "api related 2505.00003 show=5"},
      {"/api/faq/2505.00003", "api faq 2505.00003 lang=en"},
      {"/api/faq/2505.00003v2?lang=zh&fresh=1", "api faq 2505.00003 v2 lang=zh fresh"},
      {"/api/faq/hep-th/9901001/stream?lang=en", "api faq-stream hep-th/9901001 lang=en"},
      {"/?utm_source=x", "home"},
      {"/healthz", "health"},
      {"/arxiv/search?query=author%3A%22Ada+Lovelace%22&highlight=1&sort=time&skip=25",
       "search \"author:\"Ada Lovelace\"\" sort=1 highlight skip=25 show=25"},
      {"/api/search?query=gemma&sort=1", "api search \"gemma\" sort=2 skip=0 show=25"},
      {"/arxiv/search", "search \"\" sort=0 skip=0 show=25"},
      // A feed is newest first unless a sort is asked.
      {"/arxiv/search/feed?query=gemma", "search \"gemma\" sort=1 skip=0 show=25 feed"},
      {"/arxiv/search/feed?query=gemma&sort=relevance", "search \"gemma\" sort=0 skip=0 show=25 feed"},
      {"/arxiv/cs.AI/feed?date=2025-05-14", "list cs.AI date=2025-05-14 skip=0 show=25 feed"},
      {"/arxiv/cs.AI+cs.LG-cs.CY/feed", "list cs.AI+cs.LG-cs.CY date=newest skip=0 show=25 feed"},
      {"/opensearch.xml", "opensearch"},
      {"/pdf/2401.06769", "pdf 2401.06769"},
      {"/pdf/2401.06769v2", "pdf 2401.06769v2"},
      {"/pdf/hep-th/9901001v1", "pdf hep-th/9901001v1"},
      {"/pdf/1406.02661v1?x=1", "redirect /pdf/1406.2661v1?x=1"},
      {"/arxiv/cs.AI", "list cs.AI date=newest skip=0 show=25"},
      {"/arxiv/cs.CL?date=2025-05-14", "list cs.CL date=2025-05-14 skip=0 show=25"},
      {"/arxiv/cs.CL?date=2025-05-14&skip=25&show=25&fragment=1",
       "list cs.CL date=2025-05-14 skip=25 show=25 fragment"},
      {"/arxiv/cs.CL?fragment=0&show=2000&skip=1000000",
       "list cs.CL date=newest skip=1000000 show=2000"},
      {"/arxiv/cs.CL?show=10&show=50", "list cs.CL date=newest skip=0 show=50"},
      {"/arxiv/cs.CL?sort=1&&highlight=1&", "list cs.CL date=newest skip=0 show=25"},
      {"/arxiv/cs.CL?sort=prefer", "list cs.CL date=newest skip=0 show=25"},
      {"/api/arxiv/cs.CL?sort=prefer&date=2025-05-14",
       "api list cs.CL date=2025-05-14 skip=0 show=25"},
      {"/arxiv/cs.CL/feed?sort=prefer", "list cs.CL date=newest skip=0 show=25 feed"},
      {"/arxiv/search?query=x&sort=prefer&sort=time", "search \"x\" sort=1 skip=0 show=25"},
      {"/api/days/cs.CL", "api days cs.CL"},
      {"/api/days/cs.CL,cs.AI", "api days cs.AI,cs.CL"},
      {"/api/days/cs.AI+cs.LG-cs.CY", "api days cs.AI+cs.LG-cs.CY"},
      {"/api/days/cs.SY", "api days eess.SY"},
      {"/api/clicks/2401.06769", "api clicks 2401.06769"},
      {"/api/translations/2401.06769v2,1406.02661,2401.06769", "api translations 2401.06769 1406.2661"},
      {"/api/clicks/2401.06769v2?kind=pdf", "api clicks 2401.06769 kind=pdf"},
      {"/api/clicks/2401.06769?kind=faq", "api clicks 2401.06769 kind=faq"},
      {"/api/clicks/2401.06769,1406.02661,2401.06769v3,hep-th/9901001",
       "api clicks 2401.06769 1406.2661 hep-th/9901001"},
      {"/arxiv/cs.AI,cs.CL", "list cs.AI,cs.CL date=newest skip=0 show=25"},
      {"/arxiv/cs.AI+cs.LG-cs.CY-econ.GN", "list cs.AI+cs.LG-cs.CY-econ.GN date=newest skip=0 show=25"},
      {"/arxiv/cs.AI%2Ccs.CL", "list cs.AI,cs.CL date=newest skip=0 show=25"},
      {"/arxiv/cs%2EAI?d%61te=2025%2D05%2D14", "list cs.AI date=2025-05-14 skip=0 show=25"},
      {"/api/arxiv/cs.AI?date=2025-05-14", "api list cs.AI date=2025-05-14 skip=0 show=25"},
      {"/arxiv/2401.06769", "papers 2401.06769"},
      {"/arxiv/1406.2661", "papers 1406.2661"},
      {"/arxiv/hep-th/9901001", "papers hep-th/9901001"},
      {"/arxiv/math.AG/0601001", "papers math.AG/0601001"},
      {"/arxiv/2401.06769,1406.2661,hep-th/9901001",
       "papers 2401.06769 1406.2661 hep-th/9901001"},
      {"/api/arxiv/2401.06769,1406.2661", "api papers 2401.06769 1406.2661"},
      {"/arxiv/hep-th%2F9901001", "papers hep-th/9901001"},
      // Non-canonical spellings move to the canonical URL, query string kept as sent.
      {"/arxiv/1406.02661", "redirect /arxiv/1406.2661"},
      {"/arxiv/2401.6769?show=50&x=%3C", "redirect /arxiv/2401.06769?show=50&x=%3C"},
      {"/arxiv/2401.06769v2", "redirect /arxiv/2401.06769"},
      {"/arxiv/cs/0506078v2", "redirect /arxiv/cs/0506078"},
      {"/arxiv/2401.06769,2401.06769v3", "redirect /arxiv/2401.06769"},
      {"/arxiv/arXiv:2401.06769", "redirect /arxiv/2401.06769"},
      {"/api/arxiv/1406.02661", "api redirect /api/arxiv/1406.2661"},
      {"/arxiv/cs.CL,cs.AI?date=2025-05-14&show=50",
       "redirect /arxiv/cs.AI,cs.CL?date=2025-05-14&show=50"},
      {"/arxiv/cs.AI+cs.CL", "redirect /arxiv/cs.AI,cs.CL"},
      {"/arxiv/cs.AI,cs.AI", "redirect /arxiv/cs.AI"},
      {"/arxiv/cs.SY", "redirect /arxiv/eess.SY"},
      {"/api/arxiv/cs.CL,cs.AI", "api redirect /api/arxiv/cs.AI,cs.CL"},
      {"/arxiv/cs.AI/", "redirect /arxiv/cs.AI"},
      {"/arxiv/cs.AI//?date=2025-05-14", "redirect /arxiv/cs.AI?date=2025-05-14"},
  };
  for (const auto& c : kCases) {
    Result<Route> route = ParseRoute(c.target);
    ASSERT_TRUE(route.has_value()) << c.target << ": " << route.error().message;
    EXPECT_EQ(Describe(*route), c.expected) << c.target;
  }
}

TEST(ParseRoute, RejectsBadInputWithWhatIsAccepted) {
  const struct {
    std::string target;
    ErrorCode code;
    std::string message_part;
  } kCases[] = {
      {"/nowhere", ErrorCode::kNotFound, "no page at \"/nowhere\""},
      {"/arxiv", ErrorCode::kNotFound, "expected /, /arxiv/<categories> or /arxiv/<ids>"},
      {"/arxiv/", ErrorCode::kNotFound, "no page"},
      {"/api/", ErrorCode::kNotFound, "no page"},
      {"/api/arxiv/", ErrorCode::kNotFound, "no page"},
      {"/ARXIV/cs.AI", ErrorCode::kNotFound, "no page"},
      {"/../etc/passwd", ErrorCode::kNotFound, "no page"},
      {"*", ErrorCode::kInvalidArgument, "expected a path starting with /"},
      {"http://evil.example/arxiv/cs.AI", ErrorCode::kInvalidArgument, "expected a path"},
      {"", ErrorCode::kInvalidArgument, "expected a path"},
      {"/arxiv/cs.XX", ErrorCode::kInvalidArgument, "unknown arXiv category"},
      {"/arxiv/cs.AI,,cs.CL", ErrorCode::kInvalidArgument, "expected CAT, CAT,CAT or CAT+CAT-CAT"},
      {"/arxiv/cs.AI-cs.CY+cs.LG", ErrorCode::kInvalidArgument, "invalid category expression"},
      {"/arxiv/cs.AI-cs.AI", ErrorCode::kInvalidArgument, "both included and excluded"},
      {"/arxiv/1406.0266x", ErrorCode::kInvalidArgument,
       "expected YYMM.NNNNN[vN] or archive/YYMMNNN[vN]"},
      {"/arxiv/search?query=x&sort=sideways", ErrorCode::kInvalidArgument, "invalid sort"},
      {"/arxiv/search?query=x&sort=prefer", ErrorCode::kInvalidArgument,
       "search sorts by relevance, time or stars"},
      {"/api/search?query=x&sort=prefer", ErrorCode::kInvalidArgument,
       "search sorts by relevance, time or stars"},
      {"/arxiv/search/feed?query=x&sort=prefer", ErrorCode::kInvalidArgument,
       "invalid sort \"prefer\" for a search"},
      {"/arxiv/cs.CL?sort=sideways", ErrorCode::kInvalidArgument, "day lists also take prefer"},
      {"/api/days/", ErrorCode::kInvalidArgument, "invalid category expression"},
      {"/api/days/cs.XX", ErrorCode::kInvalidArgument, "unknown arXiv category"},
      {"/api/days/2401.06769", ErrorCode::kInvalidArgument, "invalid category expression"},
      {"/api/clicks/", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/api/translations/cs.CL", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/api/clicks/cs.CL", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/api/clicks/2401.06769,", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/api/clicks/2401.06769?kind=html", ErrorCode::kInvalidArgument,
       "invalid kind \"html\": expected pdf or faq"},
      {"/api/clicks/2401.06769?kind=", ErrorCode::kInvalidArgument, "expected pdf or faq"},
      {"/arxiv/search?query=x&highlight=yes", ErrorCode::kInvalidArgument, "invalid highlight"},
      {"/api/faq/2401.06769?lang=fr", ErrorCode::kInvalidArgument, "expected en or zh"},
      {"/api/faq/2401.06769?fresh=yes", ErrorCode::kInvalidArgument, "invalid fresh"},
      {"/api/faq/not-an-id/stream", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/arxiv/2401.06769,", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/arxiv/2401.06769,,1406.2661", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/arxiv/%3Cscript%3E", ErrorCode::kInvalidArgument, "invalid arXiv id"},
      {"/arxiv/cs.AI%ZZ", ErrorCode::kInvalidArgument, "invalid percent-encoding"},
      {"/arxiv/cs.AI%", ErrorCode::kInvalidArgument, "invalid percent-encoding"},
      {"/arxiv/cs.AI?date=%", ErrorCode::kInvalidArgument, "invalid percent-encoding"},
      {"/arxiv/cs.AI?date=2025-13-01", ErrorCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"/arxiv/cs.AI?date=2025-02-30", ErrorCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"/arxiv/cs.AI?date=", ErrorCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"/arxiv/cs.AI?date=yesterday", ErrorCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"/arxiv/cs.AI?show=0", ErrorCode::kInvalidArgument,
       "invalid show \"0\": expected a whole number from 1 to 2000"},
      {"/arxiv/cs.AI?show=2001", ErrorCode::kInvalidArgument, "from 1 to 2000"},
      {"/arxiv/cs.AI?show=abc", ErrorCode::kInvalidArgument, "invalid show \"abc\""},
      {"/arxiv/cs.AI?show=", ErrorCode::kInvalidArgument, "invalid show \"\""},
      {"/arxiv/cs.AI?show=99999999999999999999", ErrorCode::kInvalidArgument, "invalid show"},
      {"/arxiv/cs.AI?skip=-1", ErrorCode::kInvalidArgument,
       "invalid skip \"-1\": expected a whole number from 0 to 1000000"},
      {"/arxiv/cs.AI?skip=1000001", ErrorCode::kInvalidArgument, "invalid skip"},
      {"/arxiv/cs.AI?skip=1e3", ErrorCode::kInvalidArgument, "invalid skip"},
      {"/arxiv/cs.AI?fragment=yes", ErrorCode::kInvalidArgument,
       "invalid fragment \"yes\": expected 0 or 1"},
      {"/arxiv/2401.06769?show=0", ErrorCode::kInvalidArgument, "invalid show"},
  };
  for (const auto& c : kCases) {
    Result<Route> route = ParseRoute(c.target);
    ASSERT_FALSE(route.has_value()) << c.target << " gave " << Describe(*route);
    EXPECT_EQ(route.error().code, c.code) << c.target;
    EXPECT_NE(route.error().message.find(c.message_part), std::string::npos)
        << c.target << ": " << route.error().message;
  }
}

TEST(ParseRoute, LimitsIdsPerPage) {
  std::string many = "/arxiv/";
  for (size_t i = 0; i <= kMaxIdsPerPage; ++i) {
    if (i > 0) many += ',';
    many += "2401." + std::to_string(10000 + i);
  }
  Result<Route> route = ParseRoute(many);
  ASSERT_FALSE(route.has_value());
  EXPECT_EQ(route.error().message, "too many paper ids: expected at most 200 on one page");
}

TEST(ParseRoute, TakesAWholeDayOfIdsForClickCounts) {
  std::string ids;
  for (size_t i = 0; i < kMaxIdsPerClickCount; ++i) {
    if (i > 0) ids += ',';
    ids += "2401." + std::to_string(10000 + i);
  }
  Result<Route> route = ParseRoute("/api/clicks/" + ids);
  ASSERT_TRUE(route.has_value()) << route.error().message;
  EXPECT_EQ(route->entry->name, "clicks");
  EXPECT_EQ(route->ids.size(), kMaxIdsPerClickCount);
  Result<Route> too_many = ParseRoute("/api/clicks/" + ids + ",2401.99999");
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().message, "too many paper ids: expected at most 2000 in one request");
}

TEST(ParseRoute, SurvivesHostileBytes) {
  std::string every_byte = "/arxiv/";
  for (int b = 1; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  EXPECT_FALSE(ParseRoute(every_byte).has_value());
  EXPECT_FALSE(ParseRoute("/arxiv/" + std::string(100000, 'a')).has_value());
  EXPECT_FALSE(ParseRoute("/arxiv/cs.AI%00").has_value());
  EXPECT_FALSE(ParseRoute("/arxiv/cs.AI%0D%0ALocation:%20x").has_value());
}

TEST(RouteTarget, GivesAnEntryItsOwnParameterDecoded) {
  const RouteTarget target{.path = "/venue/x", .raw_query = "edition=2024&track=main%2Bx&track=a+b"};
  EXPECT_EQ(target.Parameter("edition"), "2024");
  EXPECT_EQ(target.Parameter("track"), "a b");  // the last one, '+' a space
  EXPECT_EQ(target.Parameter("missing"), std::nullopt);
}

TEST(IsApiTarget, KnowsTheApiPrefix) {
  EXPECT_TRUE(IsApiTarget("/api/arxiv/cs.AI"));
  EXPECT_TRUE(IsApiTarget("/api/nothing"));
  EXPECT_FALSE(IsApiTarget("/arxiv/cs.AI"));
  EXPECT_FALSE(IsApiTarget("/apix"));
}

TEST(IsReadMethod, AllowsGetAndHeadOnly) {
  EXPECT_TRUE(IsReadMethod("GET"));
  EXPECT_TRUE(IsReadMethod("HEAD"));
  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get", ""}) {
    EXPECT_FALSE(IsReadMethod(method)) << method;
  }
}

}  // namespace
}  // namespace coolpapers::web
