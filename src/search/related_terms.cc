#include "search/related_terms.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "search/keyword_terms.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// Candidate words kept for pairing into phrases: the best by weight.
constexpr size_t kPhraseCandidates = 30;
// Titles of the corpus that must hold a pair as one phrase for it to be a phrase here.
constexpr Xapian::doccount kPhraseTitles = 2;

struct WordStats {
  Xapian::termcount frequency = 0;  // title (weighted) + abstract
  double weight = 0;
};

double InverseDocumentFrequency(const Xapian::Database& database, Xapian::doccount frequency) {
  const double documents = std::max<double>(1, database.get_doccount());
  return std::log(documents / std::max<double>(1, frequency));
}

// The corpus's titles that hold `first second` as a phrase, counted up to kPhraseTitles.
Xapian::doccount TitlesWithPhrase(const Xapian::Database& database, const std::string& first,
                                  const std::string& second) {
  const std::vector<std::string> terms = {std::string(kTitlePrefix) + first,
                                          std::string(kTitlePrefix) + second};
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), 2));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet found = enquire.get_mset(0, 0, kPhraseTitles);
  return found.get_matches_lower_bound();
}

}  // namespace

Xapian::Query WordsInTitleOrAbstract(const std::vector<std::string>& words) {
  std::vector<Xapian::Query> fields;
  for (const std::string_view prefix : {kTitlePrefix, kAbstractPrefix}) {
    std::vector<std::string> terms;
    for (const std::string& word : words) terms.push_back(std::string(prefix) + word);
    fields.push_back(terms.size() == 1 ? Xapian::Query(terms.front())
                                       : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(),
                                                       terms.end(), terms.size()));
  }
  return Xapian::Query(Xapian::Query::OP_OR, fields.begin(), fields.end());
}

std::vector<WeightedKeyword> SelectRelatedKeywords(const Xapian::Database& database,
                                                   Xapian::docid paper, size_t count) {
  const KeywordDecider decider(database);
  std::map<std::string, WordStats> words;
  // Where each candidate word stands in the title and abstract (one position space: the
  // indexer numbers the fields one after the other).
  std::map<Xapian::termpos, std::string> at;
  for (auto term = database.termlist_begin(paper); term != database.termlist_end(paper); ++term) {
    const std::string& name = *term;
    if (!name.starts_with(kTitlePrefix) && !name.starts_with(kAbstractPrefix)) continue;
    if (!decider(name)) continue;
    const std::string word = KeywordOf(name);
    words[word].frequency += term.get_wdf();
    for (auto position = term.positionlist_begin(); position != term.positionlist_end();
         ++position) {
      at[*position] = word;
    }
  }
  for (auto& [word, stats] : words) {
    const Xapian::doccount frequency =
        std::max(database.get_termfreq(std::string(kAbstractPrefix) + word),
                 database.get_termfreq(std::string(kTitlePrefix) + word));
    stats.weight = (1 + std::log(static_cast<double>(stats.frequency))) *
                   InverseDocumentFrequency(database, frequency);
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [word, stats] : words) ranked.emplace_back(stats.weight, word);
  std::ranges::sort(ranked, std::greater<>());
  std::set<std::string> candidates;
  for (size_t i = 0; i < ranked.size() && i < kPhraseCandidates; ++i) candidates.insert(ranked[i].second);

  // Adjacent candidate pairs, each once, that the corpus's titles use as phrases.
  std::vector<WeightedKeyword> keywords;
  std::set<std::pair<std::string, std::string>> tried;
  std::set<std::string> in_phrases;
  for (auto it = at.begin(); it != at.end(); ++it) {
    const auto next = std::next(it);
    if (next == at.end() || next->first != it->first + 1) continue;
    const std::string& first = it->second;
    const std::string& second = next->second;
    if (first == second || !candidates.contains(first) || !candidates.contains(second)) continue;
    if (!tried.emplace(first, second).second) continue;
    if (TitlesWithPhrase(database, first, second) < kPhraseTitles) continue;
    keywords.push_back({first + " " + second, {first, second},
                        words[first].weight + words[second].weight});
    in_phrases.insert(first);
    in_phrases.insert(second);
  }
  for (const auto& [weight, word] : ranked) {
    if (!in_phrases.contains(word)) keywords.push_back({word, {word}, weight});
  }
  std::ranges::stable_sort(keywords, [](const WeightedKeyword& a, const WeightedKeyword& b) {
    return a.weight > b.weight;
  });
  if (keywords.size() > count) keywords.resize(count);
  return keywords;
}

Xapian::Query RelatedQuery(const std::vector<WeightedKeyword>& keywords) {
  std::vector<Xapian::Query> parts;
  const double best = keywords.empty() ? 1.0 : keywords.front().weight;
  for (const WeightedKeyword& keyword : keywords) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, WordsInTitleOrAbstract(keyword.words),
                       best > 0 ? keyword.weight / best : 1.0);
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace coolpapers::search
