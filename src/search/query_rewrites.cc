#include "search/query_rewrites.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "search/stop_words.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// A term of a text field split into its field prefix and word ("ZSthe" -> "S", "the"; "XAon"
// -> "XA", "on"); empty parts for a term of no text field (categories, days, ids).
struct TextTerm {
  std::string_view prefix;
  std::string_view word;
};

TextTerm SplitTextTerm(std::string_view term) {
  if (term.starts_with('Z')) term.remove_prefix(1);
  for (std::string_view prefix :
       {kAbstractPrefix, kFullTextPrefix, kFaqPrefix, kTitlePrefix, kAuthorPrefix}) {
    if (term.starts_with(prefix)) return {prefix, term.substr(prefix.size())};
  }
  return {};
}

std::string LeafTerm(const Xapian::Query& leaf) { return *leaf.get_terms_begin(); }

std::vector<Xapian::Query> Subqueries(const Xapian::Query& query) {
  std::vector<Xapian::Query> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(query.get_subquery(i));
  }
  return subqueries;
}

// A stop word's term, stemmed or not, in any text field ("ZSthe", "XAon", "Aof").
bool IsStopWordTerm(const Xapian::Query& leaf) {
  if (leaf.get_type() != Xapian::Query::LEAF_TERM) return false;
  const std::string term = LeafTerm(leaf);
  const std::string_view word = SplitTextTerm(term).word;
  return !word.empty() && IsStopWord(word);
}

// A stop word as the parser gives it: one term (a field's word, "title:the") or, for a plain
// word, the same word under each text prefix ("ZSthe OR ZXAthe OR ZAthe").
bool IsStopWordQuery(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_OR) {
    return std::ranges::all_of(Subqueries(query), IsStopWordTerm);
  }
  return IsStopWordTerm(query);
}

// A stop word's exact term in the field it was searched in ("ZSthe" -> "Sthe"): the index keeps
// stop words only as exact words, without stems, and only in some fields (KeepsStopWords); in
// the others nothing matches it.
Xapian::Query ExactStopWord(const Xapian::Query& leaf) {
  std::string term = LeafTerm(leaf);
  if (term.starts_with('Z')) term.erase(0, 1);
  if (!KeepsStopWords(SplitTextTerm(term).prefix)) return Xapian::Query::MatchNothing;
  return Xapian::Query(term);
}

// A phrase in a field without stop words, as the index holds it: its other words in order,
// adjacent ("language of models" -> "language models"); a phrase in a field that keeps them is
// left as it is.
Xapian::Query PhraseAsIndexed(const Xapian::Query& phrase) {
  std::vector<Xapian::Query> words = Subqueries(phrase);
  if (words.empty() || words.front().get_type() != Xapian::Query::LEAF_TERM ||
      KeepsStopWords(SplitTextTerm(LeafTerm(words.front())).prefix)) {
    return phrase;
  }
  std::erase_if(words, IsStopWordTerm);
  if (words.empty()) return Xapian::Query::MatchNothing;
  if (words.size() == 1) return words.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                       static_cast<Xapian::termcount>(words.size()));
}

// The subqueries of an OR with its stop words made exact. A plain stop word (the same word
// under every text prefix: the parser flattens "the OR cat" into one OR) is searched in titles
// only, where its posting list is a few times shorter than in abstracts.
std::vector<Xapian::Query> ExactStopWordsOfOr(std::vector<Xapian::Query> subqueries) {
  std::map<std::string, std::set<std::string>> prefixes_of_stop_word;
  for (const Xapian::Query& subquery : subqueries) {
    if (!IsStopWordTerm(subquery)) continue;
    const std::string term = LeafTerm(subquery);
    const TextTerm text_term = SplitTextTerm(term);
    prefixes_of_stop_word[std::string(text_term.word)].insert(std::string(text_term.prefix));
  }
  const auto is_plain = [&](const std::string& word) {
    const std::set<std::string>& prefixes = prefixes_of_stop_word[word];
    return prefixes.contains(std::string(kTitlePrefix)) &&
           prefixes.contains(std::string(kAbstractPrefix)) &&
           prefixes.contains(std::string(kAuthorPrefix));
  };
  std::vector<Xapian::Query> rebuilt;
  std::set<std::string> titles_added;
  for (const Xapian::Query& subquery : subqueries) {
    if (!IsStopWordTerm(subquery)) {
      rebuilt.push_back(subquery);
      continue;
    }
    const std::string word(SplitTextTerm(LeafTerm(subquery)).word);
    if (!is_plain(word)) {
      rebuilt.push_back(ExactStopWord(subquery));
    } else if (titles_added.insert(word).second) {
      rebuilt.emplace_back(std::string(kTitlePrefix) + word);
    }
  }
  return rebuilt;
}

// The operators whose subqueries can be rebuilt as they are (no parameter to carry over).
bool IsRebuildable(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

// The terms a matching paper may contain: every leaf except those under NOT and filters.
void CollectPositiveTerms(const Xapian::Query& query, std::set<std::string>& terms) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    terms.insert(LeafTerm(query));
    return;
  }
  const bool first_only = op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_FILTER;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (i > 0 && first_only) break;
    CollectPositiveTerms(query.get_subquery(i), terms);
  }
}

// Rebuilds `query` with `rewrite` applied to the subqueries a matching paper must or may hold:
// every one, except under NOT and filters (the first subquery only). Leaves and positional
// operators are left to `rewrite` itself.
template <class Rewrite>
Xapian::Query RewritePositive(const Xapian::Query& query, const Rewrite& rewrite) {
  std::vector<Xapian::Query> subqueries = Subqueries(query);
  const Xapian::Query::op op = query.get_type();
  const bool first_only = op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_FILTER;
  for (std::size_t i = 0; i < subqueries.size() && (i == 0 || !first_only); ++i) {
    subqueries[i] = rewrite(subqueries[i]);
  }
  if (subqueries.size() == 1) return subqueries.front();
  return Xapian::Query(op, subqueries.begin(), subqueries.end());
}

// Attaches the exact title terms of `beside` (stem term -> exact terms) to each leaf they belong
// to, as an OR.
Xapian::Query AttachExactTerms(const Xapian::Query& query,
                               const std::map<std::string, std::vector<std::string>>& beside) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    const auto found = beside.find(LeafTerm(query));
    if (found == beside.end()) return query;
    std::vector<Xapian::Query> alternatives = {query};
    for (const std::string& term : found->second) alternatives.emplace_back(term);
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (!IsRebuildable(op)) return query;  // phrases: their words are exact already
  return RewritePositive(query, [&](const Xapian::Query& subquery) {
    return AttachExactTerms(subquery, beside);
  });
}

// The OR without the author terms of words that name almost no one (DropRareAuthorReadings).
// A plain word is the same word under several prefixes, so the leaves are grouped by word.
Xapian::Query WithoutRareAuthorTerms(const Xapian::Query& any_of, const TermFrequency& frequency) {
  std::vector<Xapian::Query> subqueries = Subqueries(any_of);
  std::map<std::string, uint64_t> text_frequency;  // word -> papers holding it in title or abstract
  for (const Xapian::Query& subquery : subqueries) {
    if (subquery.get_type() != Xapian::Query::LEAF_TERM) continue;
    const std::string term = LeafTerm(subquery);
    const TextTerm text_term = SplitTextTerm(term);
    if (text_term.prefix == kTitlePrefix || text_term.prefix == kAbstractPrefix) {
      text_frequency[std::string(text_term.word)] += frequency(term);
    }
  }
  const std::size_t before = subqueries.size();
  std::erase_if(subqueries, [&](const Xapian::Query& subquery) {
    if (subquery.get_type() != Xapian::Query::LEAF_TERM) return false;
    const std::string term = LeafTerm(subquery);
    const TextTerm text_term = SplitTextTerm(term);
    if (text_term.prefix != kAuthorPrefix) return false;
    const auto text = text_frequency.find(std::string(text_term.word));
    return text != text_frequency.end() &&
           static_cast<uint64_t>(frequency(term)) * kAuthorReadingRatio < text->second;
  });
  if (subqueries.size() == before) return any_of;
  if (subqueries.size() == 1) return subqueries.front();
  return Xapian::Query(Xapian::Query::OP_OR, subqueries.begin(), subqueries.end());
}

}  // namespace

// Drops stop words from each run of words joined by AND when a word that is not a stop word
// remains ("on the performance" searches "performance"). Stop words left over (a query of stop
// words only, "the OR cat", "-the") are searched as exact words, plain ones in titles only
// (ExactStopWordsOfOr). Phrases keep theirs where the field does (PhraseAsIndexed).
Xapian::Query DropStopWords(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) return IsStopWordTerm(query) ? ExactStopWord(query) : query;
  if (op == Xapian::Query::OP_PHRASE) return PhraseAsIndexed(query);
  if (!IsRebuildable(op)) return query;
  std::vector<Xapian::Query> subqueries = Subqueries(query);
  if (op == Xapian::Query::OP_AND && !std::ranges::all_of(subqueries, IsStopWordQuery)) {
    std::erase_if(subqueries, IsStopWordQuery);
  }
  if (op == Xapian::Query::OP_OR) subqueries = ExactStopWordsOfOr(std::move(subqueries));
  for (Xapian::Query& subquery : subqueries) subquery = DropStopWords(subquery);
  if (subqueries.size() == 1) return subqueries.front();
  return Xapian::Query(op, subqueries.begin(), subqueries.end());
}

Xapian::Query AddExactTitleWords(const Xapian::Query& matching, const Xapian::Query& exact) {
  std::set<std::string> exact_terms;
  std::set<std::string> matching_terms;
  CollectPositiveTerms(exact, exact_terms);
  CollectPositiveTerms(matching, matching_terms);
  const Xapian::Stem stemmer("english");  // as the query parser stems
  std::map<std::string, std::vector<std::string>> beside;
  std::vector<Xapian::Query> unattached;
  for (const std::string& term : exact_terms) {
    const TextTerm text_term = SplitTextTerm(term);
    if (text_term.prefix != kTitlePrefix || matching_terms.contains(term)) continue;
    const std::string stem_term = "Z" + term.substr(0, kTitlePrefix.size()) +
                                  stemmer(std::string(text_term.word));
    if (matching_terms.contains(stem_term)) {
      beside[stem_term].push_back(term);
    } else {
      unattached.emplace_back(term);  // no stem to stand beside: an optional extra, as a whole
    }
  }
  Xapian::Query query = AttachExactTerms(matching, beside);
  if (unattached.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, unattached.begin(), unattached.end()));
}

Xapian::Query DropRareAuthorReadings(const Xapian::Query& query, const TermFrequency& frequency) {
  if (!IsRebuildable(query.get_type())) return query;
  const Xapian::Query kept =
      query.get_type() == Xapian::Query::OP_OR ? WithoutRareAuthorTerms(query, frequency) : query;
  if (!IsRebuildable(kept.get_type())) return kept;
  return RewritePositive(kept, [&](const Xapian::Query& subquery) {
    return DropRareAuthorReadings(subquery, frequency);
  });
}

}  // namespace coolpapers::search
