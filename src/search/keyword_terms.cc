#include "search/keyword_terms.h"

#include <algorithm>
#include <array>

#include "search/stop_words.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// What papers say about themselves and their results, and the general English around it, drawn
// from the [REL] keywords of the 2025 sample that named no subject. Sorted, for the binary
// search.
constexpr auto kBoilerplate = std::to_array<std::string_view>({
    "abilities", "ability", "able", "about", "achieve", "achieved", "achieves", "achieving",
    "across", "additionally", "address", "addresses", "advance", "advances", "after", "all",
    "along", "also", "although", "among", "analysis", "another", "any", "applied", "apply",
    "approach", "approaches", "art", "available", "based", "because", "before", "best", "better",
    "between", "billion", "both", "bring", "brings", "broad", "capabilities", "capability",
    "challenge", "challenges", "challenging", "code", "compared", "competitive", "comprehensive",
    "conduct", "consistently", "contrast", "contribution", "contributions", "could", "critical",
    "crucial", "current", "demonstrate", "demonstrates", "design", "designed", "despite",
    "different", "due", "each", "effective", "effectively", "efficient", "enable", "enables",
    "enhance", "enhanced", "enhances", "especially", "evaluate", "evaluated", "even", "existing",
    "experiment", "experimental", "experiments", "explode", "explore", "extensive", "extensively",
    "family", "fewer", "finally", "findings", "first", "focus", "framework", "further",
    "furthermore", "gains", "generally", "github", "given", "great", "greater", "help", "here",
    "high", "higher", "highly", "however", "http", "https", "improve", "improved", "improvement",
    "improvements", "improves", "improving", "including", "increase", "increasing", "insights",
    "instead", "introduce", "introduces", "issue", "issues", "keep", "keeping", "keeps", "key",
    "known", "large", "largely", "larger", "lastly", "leading", "least", "less", "leverage",
    "leverages", "leveraging", "like", "limited", "longer", "longest", "lower", "made", "main",
    "make", "makes", "many", "may", "method", "methods", "million", "more", "moreover", "most",
    "much", "must", "namely", "new", "notably", "novel", "number", "offer", "offers", "often",
    "one", "only", "other", "outperform", "outperforms", "over", "overall", "paper", "particular",
    "particularly", "perform", "performance", "performs", "play", "potential", "present",
    "presents", "previous", "prior", "problem", "promising", "propose", "proposed", "proposes",
    "provide", "provides", "publicly", "range", "recent", "recently", "release", "released",
    "remain", "remains", "report", "require", "requires", "research", "result", "results",
    "robust", "several", "shorter", "show", "shows", "significant", "significantly", "simple",
    "since", "smaller", "some", "specifically", "state", "still", "strong", "studies", "study",
    "such", "suggest", "superior", "support", "technical", "tends", "terms", "thereby", "third",
    "three", "through", "thus", "toward", "towards", "trillion", "two", "under", "understanding",
    "use", "used", "uses", "using", "various", "version", "versions", "very", "via", "well",
    "what", "when", "where", "whereas", "whether", "who", "wide", "widely", "wider", "within",
    "without", "work", "works", "would", "yet",
});
static_assert(std::ranges::is_sorted(kBoilerplate), "IsBoilerplateWord binary-searches the list");

}  // namespace

bool IsBoilerplateWord(std::string_view word) {
  return std::ranges::binary_search(kBoilerplate, word);
}

std::string KeywordOf(std::string_view term) {
  std::string_view word = term;
  if (word.starts_with(kAbstractPrefix)) {
    word.remove_prefix(kAbstractPrefix.size());
  } else if (word.starts_with(kTitlePrefix)) {
    word.remove_prefix(kTitlePrefix.size());
  } else {
    return {};
  }
  if (word.size() < 3 || IsStopWord(word) || IsBoilerplateWord(word) ||
      !std::ranges::all_of(word, [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  return std::string(word);
}

KeywordDecider::KeywordDecider(const Xapian::Database& database)
    : database_(database),
      generic_above_(static_cast<Xapian::doccount>(kGenericDocumentShare *
                                                   static_cast<double>(database.get_doccount()))) {}

bool KeywordDecider::operator()(const std::string& term) const {
  const std::string word = KeywordOf(term);
  if (word.empty()) return false;
  // Tiny indexes (tests) have no generic words to learn.
  if (generic_above_ < 20) return true;
  return database_.get_termfreq(std::string(kAbstractPrefix) + word) <= generic_above_;
}

}  // namespace coolpapers::search
