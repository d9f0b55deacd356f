#include "search/query_builder.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "core/category.h"
#include "core/utf8.h"
#include "search/ascii_fold.h"
#include "search/query_rewrites.h"
#include "search/term_prefixes.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

constexpr std::string_view kDateField = "date:";

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the first (or, with `last`, the final) day it
// covers, as "YYYYMMDD"; nullopt when malformed.
std::optional<std::string> ParseDayBound(std::string_view text, bool last) {
  const auto read = [&](std::size_t pos, std::size_t length) -> std::optional<int> {
    if (text.size() < pos + length) return std::nullopt;
    int value = 0;
    const char* begin = text.data() + pos;
    const auto [end, ec] = std::from_chars(begin, begin + length, value);
    if (ec != std::errc() || end != begin + length) return std::nullopt;
    return value;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text.size() >= 7 && text[4] != '-') return std::nullopt;
  if (text.size() == 10 && text[7] != '-') return std::nullopt;
  const std::optional<int> year = read(0, 4);
  const std::optional<int> month =
      text.size() >= 7 ? read(5, 2) : std::optional<int>(last ? 12 : 1);
  if (!year || !month) return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year{*year}, std::chrono::month(*month),
                                  std::chrono::day{1}};
  if (text.size() == 10) {
    const std::optional<int> day_of_month = read(8, 2);
    if (!day_of_month) return std::nullopt;
    day = {day.year(), day.month(), std::chrono::day(*day_of_month)};
  } else if (last) {
    day = std::chrono::year_month_day{
        std::chrono::year_month_day_last{day.year(), std::chrono::month_day_last{day.month()}}};
  }
  if (!day.ok()) return std::nullopt;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return std::string(buffer);
}

// The first value a field or range processor refused. Xapian's QueryParser leaks its parse
// state when a processor throws (query_fuzz found it: 168 bytes per "branch:x" search, a leak
// any stranger could drive), so the processors note the problem here and match nothing, and
// BuildQuery refuses the query once the parse has returned.
struct ParseProblem {
  std::optional<std::string> message;

  Xapian::Query Note(std::string why) {
    if (!message) message = std::move(why);
    return Xapian::Query::MatchNothing;
  }
};

// date:<from>..<to> as a range on the day slot; either end may be left open.
class DayRangeProcessor : public Xapian::RangeProcessor {
 public:
  explicit DayRangeProcessor(ParseProblem& problem)
      : Xapian::RangeProcessor(kDaySlot, std::string(kDateField)), problem_(problem) {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    const std::optional<std::string> from =
        begin.empty() ? std::optional<std::string>("") : ParseDayBound(begin, false);
    const std::optional<std::string> to =
        end.empty() ? std::optional<std::string>("") : ParseDayBound(end, true);
    if (!from || !to) {
      return problem_.Note("invalid date \"" + (from ? end : begin) +
                           "\": expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (to->empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDaySlot, *from);
    if (from->empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDaySlot, *to);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDaySlot, *from, *to);
  }

 private:
  ParseProblem& problem_;
};

// cat:<id> as a filter on the canonical category, so aliases find what is stored.
class CategoryFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit CategoryFieldProcessor(ParseProblem& problem) : problem_(problem) {}

  Xapian::Query operator()(const std::string& text) override {
    Result<std::string_view> canonical = CanonicalCategory(text);
    if (!canonical) return problem_.Note(canonical.error().message);
    return Xapian::Query(std::string(kCategoryPrefix) + std::string(*canonical));
  }

 private:
  ParseProblem& problem_;
};

// branch:arxiv or branch:venue as a filter on the branch term; branch:both filters nothing.
class BranchFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit BranchFieldProcessor(ParseProblem& problem) : problem_(problem) {}

  Xapian::Query operator()(const std::string& text) override {
    if (text == "both") return Xapian::Query::MatchAll;
    if (text == kArxivBranch || text == kVenueBranch) {
      return Xapian::Query(std::string(kBranchPrefix) + text);
    }
    return problem_.Note("unknown branch \"" + text +
                         "\": expected branch:arxiv, branch:venue or branch:both");
  }

 private:
  ParseProblem& problem_;
};

// venue:ICLR as a filter on the venue term, whatever the case ("venue:iclr" too). A venue the
// index does not hold finds nothing, as an unknown word does.
class VenueFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override {
    return Xapian::Query(VenueTerm(text));
  }
};

// Control characters become spaces, accents are folded, and a lone date ("date:2025-03")
// becomes the range it means ("date:2025-03..2025-03"), since Xapian ranges need "..".
std::string Normalise(std::string_view text) {
  std::string cleaned(text);
  for (char& c : cleaned) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  cleaned = FoldToAscii(cleaned);
  std::string out;
  out.reserve(cleaned.size() + 16);
  std::size_t pos = 0;
  while (pos < cleaned.size()) {
    const std::size_t space = cleaned.find(' ', pos);
    const std::size_t end = space == std::string::npos ? cleaned.size() : space;
    const std::string_view word = std::string_view(cleaned).substr(pos, end - pos);
    out.append(word);
    if (word.starts_with(kDateField) && word.size() > kDateField.size() &&
        word.find("..") == std::string_view::npos) {
      out.append("..").append(word.substr(kDateField.size()));
    }
    if (end < cleaned.size()) out.push_back(' ');
    pos = end + 1;
  }
  return out;
}

// Whether the parser reads `c` as CJK text (n-grams): the union of the ranges Xapian 1.4's
// releases treat so, narrowed to word characters as Xapian narrows them. A wider set than the
// installed Xapian's only quotes a word that needs no quotes.
bool IsCjkWordChar(unsigned c) {
  const bool cjk = (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0x1100 && c <= 0x11FF) ||
                   (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) ||
                   (c >= 0xA700 && c <= 0xA71F) || (c >= 0xA960 && c <= 0xA97F) ||
                   (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
                   (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
                   (c >= 0x20000 && c <= 0x2FFFF);
  return cjk && Xapian::Unicode::is_wordchar(c);
}

// Puts each run of CJK text outside a phrase in quotes: D 模型 D becomes D "模型" D.
// Xapian 1.4's parser cannot parse a bare run between two words ("parse error"), and when a
// query with a bare run has any syntax error ("AND D 模 D") it leaks 96 bytes of the failed
// parse (found by the query fuzz target); a quoted run parses anywhere and leaks nothing. A
// quoted run is the phrase of its characters, which the n-gram index matches where the bare
// run's characters and pairs match (FAQ answers in Chinese: docs/search.md). Wants valid UTF-8.
std::string QuoteCjkRuns(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool in_phrase = false;
  Xapian::Utf8Iterator it(text);
  const Xapian::Utf8Iterator end;
  while (it != end) {
    if (in_phrase || !IsCjkWordChar(*it)) {
      if (*it == '"') in_phrase = !in_phrase;
      Xapian::Unicode::append_utf8(out, *it);
      ++it;
      continue;
    }
    // A run right after a word or a closing quote is a word of its own, as Xapian reads it.
    if (!out.empty() && std::string_view(" :+-(").find(out.back()) == std::string_view::npos) {
      out.push_back(' ');
    }
    out.push_back('"');
    while (it != end && IsCjkWordChar(*it)) {
      Xapian::Unicode::append_utf8(out, *it);
      ++it;
    }
    out.push_back('"');
    if (it != end && *it != ' ' && *it != ')') out.push_back(' ');
  }
  return out;
}

// Every field the language knows, as MakeParser registers them.
constexpr std::string_view kFieldNames[] = {"title", "author",  "abstract", "fulltext",
                                            "faq",   "cat",     "date",     "branch",
                                            "venue"};

// A field with nothing after it ("author:" alone), which Xapian would read as the word itself.
std::optional<std::string_view> FindEmptyField(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    std::string_view word = text.substr(pos, end - pos);
    if (word.starts_with('-') || word.starts_with('+')) word.remove_prefix(1);
    for (std::string_view field : kFieldNames) {
      if (word.size() == field.size() + 1 && word.starts_with(field) && word.ends_with(':')) {
        return field;
      }
    }
    pos = end + 1;
  }
  return std::nullopt;
}

// Space-separated words; the boolean operators (AND, OR, NOT, XOR) are not words.
std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    const std::string_view word = text.substr(pos, end - pos);
    if (!word.empty() && word != "AND" && word != "OR" && word != "NOT" && word != "XOR") ++words;
    pos = end + 1;
  }
  return words;
}

std::size_t CountTerms(const Xapian::Query& query) {
  std::size_t terms = 0;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    ++terms;
  }
  return terms;
}

// `problem` receives what the processors refuse; it must outlive the parser.
Xapian::QueryParser MakeParser(Xapian::QueryParser::stem_strategy strategy, ParseProblem& problem) {
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(strategy);
  parser.set_default_op(Xapian::Query::OP_AND);
  // Plain words search title, abstract and authors: the index holds each under its prefix only.
  for (std::string_view prefix : {kTitlePrefix, kAbstractPrefix, kAuthorPrefix}) {
    parser.add_prefix("", std::string(prefix));
  }
  parser.add_prefix("title", std::string(kTitlePrefix));
  parser.add_prefix("author", std::string(kAuthorPrefix));
  parser.add_prefix("abstract", std::string(kAbstractPrefix));
  parser.add_prefix("fulltext", std::string(kFullTextPrefix));
  parser.add_prefix("faq", std::string(kFaqPrefix));
  parser.add_boolean_prefix("cat", (new CategoryFieldProcessor(problem))->release());
  parser.add_boolean_prefix("branch", (new BranchFieldProcessor(problem))->release());
  parser.add_boolean_prefix("venue", (new VenueFieldProcessor)->release());
  parser.add_rangeprocessor((new DayRangeProcessor(problem))->release());
  return parser;
}

// CJK text as character n-grams, as the index holds FAQ answers in Chinese.
constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;

}  // namespace

Result<Xapian::Query> BuildQuery(std::string_view text, const TermFrequency& frequency) {
  if (text.size() > kMaxQueryBytes) {
    return Fail(ErrorCode::kInvalidArgument, "the query is too long (" +
                                                 std::to_string(text.size()) + " bytes): at most " +
                                                 std::to_string(kMaxQueryBytes));
  }
  // Xapian's parser leaks memory on some invalid UTF-8 (found by the query fuzz target), and
  // no reader types such bytes.
  if (!IsValidUtf8(text)) {
    return Fail(ErrorCode::kInvalidArgument,
                "the query is not valid UTF-8 text: type it again or paste it as plain text");
  }
  const std::string normalised = QuoteCjkRuns(Normalise(text));
  // Xapian would read an unclosed phrase to the end of the query, which searches for something
  // the reader did not ask; issue 6 wants such a query refused with a message.
  if (std::ranges::count(normalised, '"') % 2 != 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "the query has an unclosed quote (\"): end the phrase with a second \" or "
                "remove the quote");
  }
  if (const std::size_t words = CountWords(normalised); words > kMaxQueryWords) {
    return Fail(ErrorCode::kInvalidArgument,
                "the query has too many words (" + std::to_string(words) + "): at most " +
                    std::to_string(kMaxQueryWords));
  }
  if (const std::optional<std::string_view> field = FindEmptyField(normalised)) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(*field) + ": needs something after it, as in " + std::string(*field) +
                    (*field == "cat"      ? ":cs.CL"
                     : *field == "date"   ? ":2025-03..2025-06"
                     : *field == "branch" ? ":arxiv"
                     : *field == "venue"  ? ":ICLR"
                                          : ":word"));
  }
  try {
    // Stemmed words find every form; the exact words in titles, added as optional, give papers
    // with the exact words the higher rank (issue 6: exact matches first).
    ParseProblem problem;
    const Xapian::Query parsed =
        MakeParser(Xapian::QueryParser::STEM_SOME, problem).parse_query(normalised, kParserFlags);
    if (problem.message) {
      return Fail(ErrorCode::kInvalidArgument, "cannot understand the query: " + *problem.message);
    }
    if (parsed.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the query has nothing to search for: give words, \"a phrase\", or a field "
                  "such as title:word",
                  "empty query from \"" + normalised + "\"");
    }
    if (const std::size_t terms = CountTerms(parsed); terms > kMaxQueryTerms) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the query is too large to search: fewer words, please",
                  std::to_string(terms) + " terms, at most " + std::to_string(kMaxQueryTerms));
    }
    Xapian::Query matching = DropStopWords(parsed);
    if (frequency) matching = DropRareAuthorReadings(matching, frequency);
    const Xapian::Query exact = DropStopWords(
        MakeParser(Xapian::QueryParser::STEM_NONE, problem).parse_query(normalised, kParserFlags));
    return AddExactTitleWords(matching, exact);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "parse the query"));
  }
}

}  // namespace coolpapers::search
