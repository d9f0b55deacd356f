#include "search/tier_match.h"

#include <algorithm>
#include <array>
#include <queue>
#include <ranges>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "search/block_bounds.h"
#include "search/deadline_weight.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// A term's documents read from Xapian, with their exact weights for it in this search.
struct ExactReading {
  std::vector<std::uint32_t> ids;  // in id order
  std::vector<double> weights;
  double largest = 0;
};

// A query word with tiers, and what one unit of a kept document part (word_tiers.h) of each
// field can be worth in this search, at most and at least.
struct TierWord {
  const WordTiers::Word* word = nullptr;
  double title_upper = 0;
  double abstract_upper = 0;
  double title_lower = 0;
  double abstract_lower = 0;
  // This search's term parts of the word's title and abstract terms (Bm25TermPart): with a
  // document's wdfs, its exact weight for the word (ExactWeight).
  double title_term_part = 0;
  double abstract_term_part = 0;

  // Bounds a tier's normalised weights (WordTiers::Tier::largest_weight): the most either term
  // part grew since the build, times the two at the build, and the exact forms' share apart.
  double weight_upper = 0;
  double exact_upper = 0;  // per unit of title part

  // A stem's exact title forms (the query builder's AddExactTitleWords), and the documents
  // that have one, read when they are few (ReadExactForms): a document without any weighs at
  // most its stem's parts ("Learn to optimize" at 2.7M: 614 titles have "optimize", and every
  // title with "optim", 76,421, was bounded as if it had it).
  std::vector<std::string> exact_forms;
  bool exact_forms_read = false;
  std::vector<Xapian::docid> exact_form_documents;  // in id order
  double stem_title_upper = 0;  // title_upper without the exact forms' share

  double Upper(std::uint16_t title_part, std::uint16_t abstract_part) const {
    return title_upper * title_part + abstract_upper * abstract_part;
  }
  // Upper for one document: without the exact forms' share when it is known to have none.
  double UpperOf(Xapian::docid docid, std::uint16_t title_part,
                 std::uint16_t abstract_part) const {
    if (!exact_forms_read || std::ranges::binary_search(exact_form_documents, docid)) {
      return Upper(title_part, abstract_part);
    }
    return stem_title_upper * title_part + abstract_upper * abstract_part;
  }
  double UpperInTier(const WordTiers::Tier& tier) const {
    const double by_parts = Upper(tier.largest_title_part, tier.largest_abstract_part);
    if (weight_upper <= 0) return by_parts;
    return std::min(by_parts,
                    weight_upper * tier.largest_weight + exact_upper * tier.largest_title_part);
  }
  // The kept parts are rounded up: one unit less is below the part at the build.
  double Lower(std::uint16_t title_part, std::uint16_t abstract_part) const {
    return title_lower * std::max(0, title_part - 1) +
           abstract_lower * std::max(0, abstract_part - 1);
  }

  // The word's author reading, when the query builder kept it (a word many authors are named,
  // as "AI" by "Ai"): its documents, read from Xapian with their exact weights for it, make one
  // tier more (kAuthorTier), and the word's own tiers skip them. Read once the tiers are mapped.
  std::optional<Xapian::Query> author_leaf;
  ExactReading author;
};

constexpr int kAuthorTier = WordTiers::kTiers;
// An author reading (or a phrase's author names, by the rarest) with more papers than this is
// not read (the search goes to Xapian). ("Long" by "Long": 28,587 papers at 2.7M, read with
// their lengths in about a millisecond.)
constexpr Xapian::doccount kMostReadPapers = 50'000;
// A phrase's floor comes from Xapian's weights alone, and Xapian weighs a document of a phrase
// in about 6-13 microseconds (its positions read out of order) plus a setup for each batch:
// phrases are weighed kPhraseBatch times the page at a time. A phrase whose page is not found
// after weighing kMostPhraseWeighed documents, or of whose documents weighed (4 pages' worth or
// more) fewer than 1 in kFewestPhraseMatches have the phrase (its words are together in many of
// the best documents of their AND, the phrase in few, as "Two Tasks": 4 of the first 104), is
// left to Xapian, which reads the positions of the whole AND in id order. (At 2.7M papers, 1 in
// 8 let "Reasoning LLMs" weigh 1,144 documents in vain, 16 ms more than Xapian alone.)
constexpr std::size_t kPhraseBatch = 8;
constexpr std::size_t kMostPhraseWeighed = 1'000;
constexpr std::size_t kFewestPhraseMatches = 6;

// A leaf's term part in this search (Bm25TermPart with its wqf; 0 for a term in no document).
double TermPartOf(const Xapian::Database& database, const Xapian::Query& leaf) {
  const Xapian::doccount termfreq = database.get_termfreq(*leaf.get_terms_begin());
  return termfreq == 0 ? 0.0 : Bm25TermPart(database.get_doccount(), termfreq, leaf.get_length());
}

// `leaf`'s term, read whole. The lengths of its documents are the tiers' (WordTiers::Mapping::
// DocumentLength), but for those added or `replaced` since they were built.
ExactReading ReadExactly(const Xapian::Database& database, const Xapian::Query& leaf,
                         const WordTiers::Mapping& mapping,
                         std::span<const Xapian::docid> replaced) {
  const std::string term = *leaf.get_terms_begin();
  const double term_part = TermPartOf(database, leaf);
  const double average_length = database.get_avlength();
  ExactReading reading;
  for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
    const Xapian::docid docid = *it;
    const std::optional<Xapian::termcount> kept =
        std::ranges::binary_search(replaced, docid) ? std::nullopt
                                                     : mapping.DocumentLength(docid);
    reading.ids.push_back(docid);
    reading.weights.push_back(term_part * Bm25DocumentPart(
                                              it.get_wdf(), kept ? *kept : it.get_doclength(),
                                              average_length));
    reading.largest = std::max(reading.largest, reading.weights.back());
  }
  return reading;
}

// Which documents have `word`'s exact title forms, when no form is in more than
// kMostReadPapers (ids alone: no lengths are read).
void ReadExactForms(const Xapian::Database& database, TierWord& word) {
  if (word.exact_forms.empty()) return;
  for (const std::string& term : word.exact_forms) {
    if (database.get_termfreq(term) > kMostReadPapers) return;
  }
  for (const std::string& term : word.exact_forms) {
    for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
      word.exact_form_documents.push_back(*it);
    }
  }
  std::ranges::sort(word.exact_form_documents);
  const auto [first, last] = std::ranges::unique(word.exact_form_documents);
  word.exact_form_documents.erase(first, last);
  word.exact_forms_read = true;
}

// What `word`'s kept parts can be worth in this search, from its term parts in it: the title
// term's (with `exact_parts`, a stem's exact title forms, which its title part bounds) and the
// abstract term's.
TierWord BoundWord(const Xapian::Database& database, const WordTiers& tiers,
                   const WordTiers::Word& word, double title_part, double exact_parts,
                   double abstract_part) {
  // Document parts under today's average length: a longer one raises them by at most the ratio
  // (Bm25DriftFactor), a shorter one lowers them by at most the ratio.
  const double ratio =
      tiers.average_length() > 0 ? database.get_avlength() / tiers.average_length() : 1.0;
  const double up = std::max(1.0, ratio) / kPartScale;
  const double down = std::min(1.0, ratio) / kPartScale;
  TierWord bounded;
  bounded.word = &word;
  bounded.title_upper = (title_part + exact_parts) * up;
  bounded.stem_title_upper = title_part * up;
  bounded.abstract_upper = abstract_part * up;
  bounded.title_lower = title_part * down;
  bounded.abstract_lower = abstract_part * down;
  bounded.title_term_part = title_part;
  bounded.abstract_term_part = abstract_part;
  if (word.title_term_part > 0 && word.abstract_term_part > 0) {
    const double growth =
        std::max(title_part / word.title_term_part, abstract_part / word.abstract_term_part);
    bounded.weight_upper = growth * (word.title_term_part + word.abstract_term_part) * up;
    bounded.exact_upper = exact_parts * up;
  }  // else no term part to normalise by: the tiers are bounded by their largest parts alone
  return bounded;
}

void CollectLeaves(const Xapian::Query& query, std::vector<Xapian::Query>& leaves, bool& other) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    leaves.push_back(query);
  } else if (query.get_type() == Xapian::Query::OP_OR) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      CollectLeaves(query.get_subquery(i), leaves, other);
    }
  } else {
    other = true;
  }
}

// How a word of the query is bounded by its kept parts, or nullopt when it is not a plain word
// with tiers. Its leaves: the title term the tiers know it by, the abstract twin, and for a
// stem, exact title forms of it (the query builder's AddExactTitleWords). An exact form's wdf
// is at most the stem's in the same title, so its document part is at most the stem's.
std::optional<TierWord> WordOfQuery(const Xapian::Database& database, const WordTiers& tiers,
                                    const Xapian::Query& subquery, std::set<std::string>& seen) {
  std::vector<Xapian::Query> leaves;
  bool other = false;
  CollectLeaves(subquery, leaves, other);
  if (other) return std::nullopt;
  const WordTiers::Word* word = nullptr;
  std::string title_term;
  for (const Xapian::Query& leaf : leaves) {
    const std::string term = *leaf.get_terms_begin();
    if (!seen.insert(term).second) return std::nullopt;  // a term twice: its wqf is the query's
    if (word == nullptr && (word = tiers.WordOf(term)) != nullptr) title_term = term;
  }
  if (word == nullptr) return std::nullopt;
  const auto term_part = [&](const Xapian::Query& leaf) { return TermPartOf(database, leaf); };
  const std::string stemmed_title = "Z" + std::string(kTitlePrefix);
  const std::string stemmed_author = "Z" + std::string(kAuthorPrefix);
  const bool stem = title_term.starts_with(stemmed_title);
  Xapian::Stem stemmer("english");  // as the query parser stems; not shareable between threads
  double title_part = 0;
  double exact_parts = 0;  // of a stem's exact title forms, which a title may not have
  double abstract_part = 0;
  bool has_abstract = false;
  const Xapian::Query* author_leaf = nullptr;
  std::vector<std::string> exact_forms;
  for (const Xapian::Query& leaf : leaves) {
    const std::string term = *leaf.get_terms_begin();
    if (term == title_term) {
      title_part = term_part(leaf);
    } else if (term == word->abstract_term) {
      abstract_part = term_part(leaf);
      has_abstract = true;
    } else if (stem && term.starts_with(kTitlePrefix) &&
               stemmed_title + stemmer(term.substr(kTitlePrefix.size())) == title_term) {
      exact_parts += term_part(leaf);
      exact_forms.push_back(term);
    } else if ((term.starts_with(kAuthorPrefix) || term.starts_with(stemmed_author)) &&
               author_leaf == nullptr &&
               database.get_termfreq(term) <= kMostReadPapers) {
      author_leaf = &leaf;
    } else {
      return std::nullopt;  // another field: not bounded by the tiers
    }
  }
  // A word of titles alone at the build has no abstract parts: the query of it alone searches
  // titles (a stop word), and a document added since with it in its abstract is read as new.
  if (!has_abstract && word->abstract_term_part > 0) return std::nullopt;
  TierWord bounded = BoundWord(database, tiers, *word, title_part, exact_parts, abstract_part);
  bounded.exact_forms = std::move(exact_forms);
  if (author_leaf != nullptr) bounded.author_leaf = *author_leaf;
  return bounded;
}

// What the tiers read for a query: an AND of its words, each bounded by its kept parts.
struct TierQuery {
  std::vector<TierWord> words;
  // A phrase (PhraseOfQuery): its matches are some of the AND's, each weighing at most what the
  // AND gives plus what its title's other words (stop words) may add, and only Xapian can tell
  // which (by their positions).
  bool phrase = false;
  double title_only_upper = 0;
  // Documents that may match elsewhere than the tiers can see (a phrase in author names), in
  // id order: always candidates.
  std::vector<Xapian::docid> always;
  // A phrase's title phrase, and the rest of it (its abstract and author phrases), when its
  // title words' AND is small enough for Xapian to find the title's matches first (ReadTiers).
  std::optional<Xapian::Query> title_phrase;
  Xapian::Query others;
  // The average document length when the tiers were built, which their kept parts were made
  // with (ExactWeight), and now.
  double build_average_length = 0;
  double average_length = 0;

  // Whether a match's exact weight can be read from the tiers (ExactWeight): an AND of plain
  // words, whose weights are their title and abstract terms' alone (no exact title forms of a
  // stem, whose wdfs the tiers do not keep, no author reading).
  bool WeighsExactly() const {
    return !phrase && std::ranges::all_of(words, [](const TierWord& word) {
      return word.exact_forms.empty() && !word.author_leaf;
    });
  }
};

// A document's weight for `word` as Xapian's BM25 gives it, from the document's kept parts in
// the word's tiers: each tells its wdf (WdfOfKeptPart, under the document's length and the
// average at the build, as the parts were made). nullopt when a part does not tell it.
std::optional<double> ExactWeight(const TierWord& word, const TierQuery& read,
                                  std::uint16_t title_kept, std::uint16_t abstract_kept,
                                  Xapian::termcount length) {
  const std::optional<Xapian::termcount> title_wdf =
      WdfOfKeptPart(title_kept, length, read.build_average_length);
  const std::optional<Xapian::termcount> abstract_wdf =
      WdfOfKeptPart(abstract_kept, length, read.build_average_length);
  if (!title_wdf || !abstract_wdf) return std::nullopt;
  // The title term's weight plus the abstract term's, as Xapian's OR of the two adds them (an
  // absent one adds nothing: 0 + x is x).
  double weight = 0;
  if (*title_wdf > 0) {
    weight = word.title_term_part * Bm25DocumentPart(*title_wdf, length, read.average_length);
  }
  if (*abstract_wdf > 0) {
    weight +=
        word.abstract_term_part * Bm25DocumentPart(*abstract_wdf, length, read.average_length);
  }
  return weight;
}

// One plain word (WordOfQuery), or an AND of 2 to kMaxTierWords of them; nullopt otherwise.
// A word alone is its tiers read heaviest first: its page is in its top tier's heaviest few,
// which Xapian then weighs, rather than in every block its best may be in (block_plan.h).
std::optional<TierQuery> WordsOfQuery(const Xapian::Database& database, const WordTiers& tiers,
                                      const Xapian::Query& query) {
  std::vector<Xapian::Query> subqueries;
  if (query.get_type() != Xapian::Query::OP_AND) {
    subqueries.push_back(query);
  } else if (query.get_num_subqueries() >= 2 && query.get_num_subqueries() <= kMaxTierWords) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      subqueries.push_back(query.get_subquery(i));
    }
  } else {
    return std::nullopt;
  }
  TierQuery words;
  std::set<std::string> seen;
  for (const Xapian::Query& subquery : subqueries) {
    std::optional<TierWord> word = WordOfQuery(database, tiers, subquery, seen);
    if (!word) return std::nullopt;
    words.words.push_back(*word);
  }
  return words;
}

// A phrase of words of titles, abstracts and authors, as the query builder makes a plain
// "quoted phrase": the OR of one phrase (or, for one word, term) per field, the abstract's with
// the stop words left out (they are not indexed there). A match has every abstract word in its
// title or abstract, so it is in the AND of their tiers; its weight is a field's terms' when
// that field has the phrase, so at most the AND's weight plus what the title's other words
// (stop words) can weigh at most. A phrase in author names is found from its rarest name, read
// from Xapian (up to kMostReadPapers). nullopt for any other query, or one whose abstract
// words have no tiers.
std::optional<TierQuery> PhraseOfQuery(const Xapian::Database& database, const WordTiers& tiers,
                                       const Xapian::Query& query, std::int64_t worth_reading,
                                       std::int64_t titles_first) {
  if (query.get_type() != Xapian::Query::OP_OR || query.get_num_subqueries() < 2 ||
      query.get_num_subqueries() > 3) {
    return std::nullopt;
  }
  // Each field's leaves, in phrase order.
  std::optional<std::vector<Xapian::Query>> title, abstract, author;
  std::optional<Xapian::Query> title_field;
  Xapian::Query other_fields;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query field = query.get_subquery(i);
    std::vector<Xapian::Query> leaves;
    if (field.get_type() == Xapian::Query::LEAF_TERM) {
      leaves.push_back(field);
    } else if (field.get_type() == Xapian::Query::OP_PHRASE) {
      for (std::size_t j = 0; j < field.get_num_subqueries(); ++j) {
        if (field.get_subquery(j).get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
        leaves.push_back(field.get_subquery(j));
      }
    } else {
      return std::nullopt;
    }
    const std::string first = *leaves.front().get_terms_begin();
    const std::string_view prefix = first.starts_with(kAbstractPrefix) ? kAbstractPrefix
                                    : first.starts_with(kTitlePrefix)  ? kTitlePrefix
                                    : first.starts_with(kAuthorPrefix) ? kAuthorPrefix
                                                                       : std::string_view();
    std::optional<std::vector<Xapian::Query>>& slot = prefix == kAbstractPrefix ? abstract
                                                      : prefix == kTitlePrefix  ? title
                                                                                : author;
    if (prefix.empty() || slot) return std::nullopt;
    if (prefix == kTitlePrefix) {
      title_field = field;
    } else {
      other_fields = other_fields.empty()
                         ? field
                         : Xapian::Query(Xapian::Query::OP_OR, other_fields, field);
    }
    std::set<std::string> words;
    for (const Xapian::Query& leaf : leaves) {
      const std::string term = *leaf.get_terms_begin();
      // A word twice would count its wqf, which the bounds take as 1.
      if (term.size() <= prefix.size() || !term.starts_with(prefix) || !words.insert(term).second) {
        return std::nullopt;
      }
    }
    slot = std::move(leaves);
  }
  // One word is a word, not a phrase (blocks read it).
  if (!title || title->size() < 2 || !abstract || abstract->size() > kMaxTierWords) {
    return std::nullopt;
  }
  // Xapian reads the positions of every document of the abstract words' AND: fast unless all
  // are common.
  for (const Xapian::Query& leaf : *abstract) {
    if (database.get_termfreq(*leaf.get_terms_begin()) < worth_reading) return std::nullopt;
  }
  const auto word_of = [](const Xapian::Query& leaf, std::string_view prefix) {
    return (*leaf.get_terms_begin()).substr(prefix.size());
  };
  TierQuery phrase;
  phrase.phrase = true;
  std::set<std::string> abstract_words;
  for (const Xapian::Query& leaf : *abstract) {
    const std::string word = word_of(leaf, kAbstractPrefix);
    const WordTiers::Word* tiered = tiers.WordOf(std::string(kTitlePrefix) + word);
    if (tiered == nullptr || tiered->abstract_term != *leaf.get_terms_begin()) return std::nullopt;
    const auto title_leaf = std::ranges::find_if(*title, [&](const Xapian::Query& candidate) {
      return word_of(candidate, kTitlePrefix) == word;
    });
    if (title_leaf == title->end()) return std::nullopt;
    phrase.words.push_back(BoundWord(database, tiers, *tiered, TermPartOf(database, *title_leaf),
                                     0, TermPartOf(database, leaf)));
    abstract_words.insert(word);
  }
  // The title's other words: a document part is at most the one of the term's largest wdf in
  // the shortest document. (Reading them exactly, as author readings are, found 8 more pages of
  // the 2,035 benchmark phrases at 2.7M papers and cost more than it saved: the order of the
  // words, not their weights, is what the tiers cannot see.)
  for (const Xapian::Query& leaf : *title) {
    if (abstract_words.contains(word_of(leaf, kTitlePrefix))) continue;
    const std::string term = *leaf.get_terms_begin();
    if (database.get_termfreq(term) == 0) continue;  // the title's phrase cannot match
    phrase.title_only_upper +=
        TermPartOf(database, leaf) * Bm25DocumentPart(database.get_wdf_upper_bound(term),
                                                      database.get_doclength_lower_bound(),
                                                      database.get_avlength());
  }
  // The title's matches are in the AND of its words, whose positions Xapian reads: found first
  // when its rarest word is in few titles.
  Xapian::doccount fewest_titles = database.get_doccount();
  for (const Xapian::Query& leaf : *title) {
    fewest_titles = std::min(fewest_titles, database.get_termfreq(*leaf.get_terms_begin()));
  }
  if (fewest_titles <= titles_first) {
    phrase.title_phrase = title_field;
    phrase.others = other_fields;
  }
  if (author) {
    std::string rarest;
    Xapian::doccount fewest = 0;
    for (const Xapian::Query& leaf : *author) {
      const std::string term = *leaf.get_terms_begin();
      const Xapian::doccount termfreq = database.get_termfreq(term);
      if (rarest.empty() || termfreq < fewest) {
        rarest = term;
        fewest = termfreq;
      }
    }
    if (fewest > kMostReadPapers) return std::nullopt;
    for (auto it = database.postlist_begin(rarest); it != database.postlist_end(rarest); ++it) {
      phrase.always.push_back(*it);
    }
  }
  return phrase;
}

// A document's kept parts for `word` (0, 0 when it has none), looked up in every tier.
std::pair<std::uint16_t, std::uint16_t> PartsOf(const WordTiers::Mapping& mapping,
                                                const WordTiers::Word& word,
                                                Xapian::docid docid) {
  for (const WordTiers::Tier& tier : word.tiers) {
    const std::span<const std::uint32_t> ids = mapping.Ids(tier);
    const auto at = std::ranges::lower_bound(ids, docid);
    if (at != ids.end() && *at == docid) {
      const auto i = static_cast<std::size_t>(at - ids.begin());
      return {mapping.TitleParts(tier)[i], mapping.AbstractParts(tier)[i]};
    }
  }
  return {0, 0};
}

// One tier of each word, and the most a document in all of them can weigh.
struct Combination {
  std::array<int, kMaxTierWords> tier{};
  double bound = 0;
};

// `extra`: what a document of any combination may weigh besides its words' kept parts.
std::vector<Combination> CombinationsHeaviestFirst(const std::vector<TierWord>& words,
                                                   double extra) {
  std::vector<Combination> combinations(1);
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::vector<Combination> longer;
    for (const Combination& shorter : combinations) {
      double anywhere = 0;  // the word's most in any tier
      for (int tier = 0; tier < WordTiers::kTiers; ++tier) {
        const WordTiers::Tier& kept = words[w].word->tiers[static_cast<std::size_t>(tier)];
        anywhere = std::max(anywhere, words[w].UpperInTier(kept));
        if (kept.count == 0) continue;
        Combination combination = shorter;
        combination.tier[w] = tier;
        combination.bound += words[w].UpperInTier(kept);
        longer.push_back(combination);
      }
      if (!words[w].author.ids.empty()) {
        Combination combination = shorter;
        combination.tier[w] = kAuthorTier;
        combination.bound += anywhere + words[w].author.largest;
        longer.push_back(combination);
      }
    }
    combinations = std::move(longer);
  }
  // A hair above, for the order in which Xapian adds a document's term weights.
  for (Combination& combination : combinations) {
    combination.bound = (combination.bound + extra) * (1 + 1e-9);
  }
  std::ranges::sort(combinations, std::ranges::greater{}, &Combination::bound);
  return combinations;
}

// The heaviest matches of a phrase (TierQuery::title_phrase set) that have it in their titles,
// by Xapian, with their weights for the whole phrase, in order; the first `wanted` and the
// weight of the next (0: none).
struct TitleMatches {
  std::vector<std::pair<Xapian::docid, double>> best;
  double next = 0;
};

TitleMatches BestTitleMatches(const Xapian::Database& database, const TierQuery& phrase,
                              std::size_t wanted,
                              std::optional<std::chrono::steady_clock::time_point> deadline) {
  Xapian::Enquire enquire(database);
  // Weighs as the phrase (the OR of its fields) does, but matches only its title's phrase.
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_MAYBE, *phrase.title_phrase, phrase.others));
  if (deadline) {
    enquire.set_weighting_scheme(DeadlineWeight(*deadline));
  } else {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
  }
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(wanted + 1));
  TitleMatches titles;
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    if (titles.best.size() == wanted) {
      titles.next = it.get_weight();
    } else {
      titles.best.emplace_back(*it, it.get_weight());
    }
  }
  return titles;
}

// What the tiers show for `read` (FindByTiers), with a phrase's title matches found first when
// `titles_first` (TierQuery::title_phrase set), which leaves `read` bounded by its abstract
// words alone.
std::optional<TierCandidates> ReadTiers(
    const Xapian::Database& database, const WordTiers::Mapping& mapping, TierQuery& read,
    std::span<const Xapian::docid> replaced, const Xapian::Query& query, std::size_t wanted,
    std::int64_t count_at_least, bool titles_first,
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  std::vector<TierWord>& words = read.words;
  const bool phrase = read.phrase;
  double title_only_upper = read.title_only_upper;

  // The floor: the page's weights are at least the `wanted`-th heaviest of the lower bounds of
  // matches seen, and of the exact weights of those Xapian weighed.
  std::priority_queue<double, std::vector<double>, std::greater<>> heaviest_lower;
  std::priority_queue<double, std::vector<double>, std::greater<>> heaviest_exact;
  double floor = 0;
  const auto raise_floor = [&](std::priority_queue<double, std::vector<double>, std::greater<>>&
                                   heaviest,
                               double weight) {
    if (heaviest.size() < wanted) {
      heaviest.push(weight);
    } else if (weight > heaviest.top()) {
      heaviest.pop();
      heaviest.push(weight);
    }
    if (heaviest.size() == wanted) floor = std::max(floor, heaviest.top());
  };
  struct Found {
    Xapian::docid docid;
    double upper;
    bool weighed = false;
    double exact = -1;  // when weighed (-1: Xapian did not match it: deleted since)
  };
  std::vector<Found> found;  // matches that reached the floor when found
  // The lower bounds leave out what a stem's exact title forms add (the tiers cannot tell
  // whether a title has the form typed), which for "Language models" is a third of the page's
  // weights: the best candidates are weighed by Xapian from time to time, whose exact weights
  // raise the floor to the page's.
  std::size_t reached_since_weighing = 0;
  std::size_t weighed = 0;
  std::size_t matched_weighed = 0;  // of them, how many Xapian matched
  // Whether a phrase's page is not worth looking for among its words' AND: too many weighed, or
  // too few of those weighed have the phrase. A phrase with title-only words is bounded loosely
  // (title_only_upper), and seldom found (the order of its words in titles decides): half as
  // many are weighed.
  const std::size_t most_weighed =
      read.title_only_upper > 0 ? kMostPhraseWeighed / 2 : kMostPhraseWeighed;
  const auto hopeless = [&] {
    return weighed > most_weighed ||
           (weighed >= 4 * wanted && matched_weighed * kFewestPhraseMatches < weighed);
  };
  std::size_t weigh_after = 4 * wanted;
  const auto weigh_best = [&] {
    std::vector<std::size_t> best;
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (!found[i].weighed && found[i].upper >= floor) best.push_back(i);
    }
    const std::size_t count = std::min(best.size(), (phrase ? kPhraseBatch : 2) * wanted);
    if (count == 0) return;
    std::ranges::partial_sort(best, best.begin() + static_cast<std::ptrdiff_t>(count),
                              [&](std::size_t a, std::size_t b) {
                                return found[a].upper > found[b].upper;
                              });
    best.resize(count);
    std::ranges::sort(best, {}, [&](std::size_t i) { return found[i].docid; });
    std::vector<Xapian::docid> documents;
    for (const std::size_t i : best) {
      found[i].weighed = true;
      documents.push_back(found[i].docid);
    }
    weighed += count;
    Xapian::Enquire enquire(database);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query, DocumentsFilter(documents)));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet exact = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
    // A hair below, in case another match adds a document's term weights in another order.
    matched_weighed += exact.size();
    for (auto it = exact.begin(); it != exact.end(); ++it) {
      const auto at = std::ranges::lower_bound(documents, *it) - documents.begin();
      found[best[static_cast<std::size_t>(at)]].exact = it.get_weight();
      raise_floor(heaviest_exact, it.get_weight() * (1 - 1e-9));
    }
    reached_since_weighing = 0;
    weigh_after *= 2;
  };

  // Whether the page could be filled with documents found heavier than `bound`: only then can
  // weighing lift the floor above it.
  const auto may_fill_above = [&](double bound) {
    std::size_t heavier = 0;
    bool unweighed = false;
    for (const Found& match : found) {
      if (match.weighed ? match.exact > bound : match.upper > bound) {
        ++heavier;
        unweighed = unweighed || !match.weighed;
      }
    }
    return unweighed && heavier >= wanted;
  };

  // Titles first: Xapian finds the page's worth of the phrase's title matches, with their exact
  // weights. Every other match has the phrase in its abstract (or author names) alone, so
  // weighs at most its abstract words' parts: the tiers bound those far more tightly than with
  // the title's words, whose order in the title they cannot see ("Do Large Language": titles
  // "Large Language Models Do ..." bound as high as those of the phrase).
  std::vector<Xapian::docid> title_matches;  // in id order
  if (titles_first) {
    const TitleMatches titles = BestTitleMatches(database, read, wanted, deadline);
    // A title match left out must weigh less than the floor they may raise: at a tie, the
    // search goes to Xapian.
    if (titles.best.size() == wanted && titles.next >= titles.best.back().second * (1 - 1e-9)) {
      return std::nullopt;
    }
    for (const auto& [docid, weight] : titles.best) {
      found.push_back({docid, weight * (1 + 1e-9), true, weight});
      raise_floor(heaviest_exact, weight * (1 - 1e-9));
      title_matches.push_back(docid);
    }
    std::ranges::sort(title_matches);
    for (TierWord& word : words) {
      word.title_upper = 0;
      word.exact_upper = 0;
      word.weight_upper = 0;  // bounded by the abstract parts alone
    }
    title_only_upper = 0;
  }

  TierCandidates candidates;
  // A phrase's matches are counted by Xapian (weighed, then in the caller's match).
  const auto counted = [&] { return phrase || candidates.matched >= count_at_least; };
  std::vector<std::span<const std::uint32_t>> ids(words.size());
  std::vector<std::span<const std::uint32_t>> heads(words.size());  // none for an author reading
  std::vector<std::span<const std::uint16_t>> title_parts(words.size());
  std::vector<std::span<const std::uint16_t>> abstract_parts(words.size());
  std::vector<std::size_t> at(words.size());
  const std::vector<Combination> combinations =
      CombinationsHeaviestFirst(words, title_only_upper);
  // A match's exact weight, read from the tiers when they tell it (TierQuery::WeighsExactly):
  // then Xapian weighs none of the matches, and the caller's page needs no match of Xapian's.
  bool weighs_exactly = read.WeighsExactly();
  const auto exact_weight_of = [&](Xapian::docid docid,
                                   std::size_t lead) -> std::optional<double> {
    const std::optional<Xapian::termcount> length = mapping.DocumentLength(docid);
    if (!length) return std::nullopt;
    double weight = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      const std::size_t i = w == lead ? at[w] - 1 : at[w];
      const std::optional<double> part =
          ExactWeight(words[w], read, title_parts[w][i], abstract_parts[w][i], *length);
      if (!part) return std::nullopt;
      weight += *part;
    }
    return weight;
  };
  for (std::size_t c = 0; c < combinations.size(); ++c) {
    const Combination& combination = combinations[c];
    // Before reading a combination, weigh the best when that may lift the floor above it: when
    // the page could already be filled with documents found heavier than its bound.
    // A phrase's floor comes from Xapian alone, which tells which documents have the phrase:
    // the best are weighed until the page is filled above the combination or cannot be.
    if (reached_since_weighing > 0 && combination.bound >= floor &&
        may_fill_above(combination.bound)) {
      weigh_best();
      while (phrase && combination.bound >= floor && !hopeless() &&
             may_fill_above(combination.bound)) {
        weigh_best();
      }
      if (phrase && hopeless()) return std::nullopt;
    }
    if (combination.bound < floor && counted()) break;
    if (deadline && std::chrono::steady_clock::now() > *deadline) throw SearchDeadlinePassed{};
    std::size_t lead = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (combination.tier[w] == kAuthorTier) {
        ids[w] = words[w].author.ids;
        heads[w] = {};
      } else {
        const WordTiers::Tier& tier =
            words[w].word->tiers[static_cast<std::size_t>(combination.tier[w])];
        ids[w] = mapping.Ids(tier);
        heads[w] = mapping.BlockHeads(tier);
        title_parts[w] = mapping.TitleParts(tier);
        abstract_parts[w] = mapping.AbstractParts(tier);
      }
      at[w] = 0;
      if (ids[w].size() < ids[lead].size()) lead = w;
    }
    // What the other words can add at most: a lead document whose own weight leaves it below
    // the floor even so is passed without looking in the other lists.
    const double others_upper =
        combination.bound - (combination.tier[lead] == kAuthorTier
                                 ? 0
                                 : words[lead].UpperInTier(
                                       words[lead].word->tiers[static_cast<std::size_t>(
                                           combination.tier[lead])]) * (1 + 1e-9));
    // Intersect, led by the shortest list.
    while (at[lead] < ids[lead].size()) {
      Xapian::docid docid = ids[lead][at[lead]];
      if (combination.tier[lead] != kAuthorTier &&
          words[lead].Upper(title_parts[lead][at[lead]], abstract_parts[lead][at[lead]]) *
                      (1 + 1e-9) +
                  others_upper <
              floor &&
          counted()) {
        ++at[lead];
        continue;
      }
      bool all = true;
      for (std::size_t w = 0; w < words.size() && all; ++w) {
        if (w == lead) continue;
        at[w] = SeekTo(ids[w], heads[w], at[w], docid);
        if (at[w] == ids[w].size()) {
          at[lead] = ids[lead].size();  // one list is done: so is the intersection
          all = false;
        } else if (ids[w][at[w]] != docid) {
          at[lead] = SeekTo(ids[lead], heads[lead], at[lead], ids[w][at[w]]);
          all = false;
        }
      }
      if (!all) continue;
      ++at[lead];
      // A document of a word's author reading is read in that reading's tier alone.
      const bool elsewhere = std::ranges::any_of(std::views::iota(std::size_t{0}, words.size()),
                                                 [&](std::size_t w) {
        return combination.tier[w] != kAuthorTier &&
               std::ranges::binary_search(words[w].author.ids, docid);
      });
      if (elsewhere || std::ranges::binary_search(title_matches, docid)) continue;
      ++candidates.matched;
      const bool is_replaced = std::ranges::binary_search(replaced, docid);
      if (weighs_exactly && is_replaced) continue;  // its parts are out of date: the caller's
      if (weighs_exactly) {
        if (const std::optional<double> weight = exact_weight_of(docid, lead)) {
          raise_floor(heaviest_exact, *weight * (1 - 1e-9));
          if (*weight * (1 + 1e-9) >= floor) {
            found.push_back({docid, *weight * (1 + 1e-9), true, *weight});
          }
          if (combination.bound < floor && counted()) break;
          continue;
        }
        weighs_exactly = false;  // a part that does not tell its wdf: Xapian weighs them
      }
      double upper = 0;
      double lower = 0;
      for (std::size_t w = 0; w < words.size(); ++w) {
        const std::size_t i = w == lead ? at[w] - 1 : at[w];
        if (combination.tier[w] == kAuthorTier) {
          const auto [title, abstract] = PartsOf(mapping, *words[w].word, docid);
          upper += words[w].UpperOf(docid, title, abstract) +
                   words[w].author.weights[i] * (1 + 1e-9);
          lower += words[w].Lower(title, abstract) + words[w].author.weights[i] * (1 - 1e-9);
        } else {
          upper += words[w].UpperOf(docid, title_parts[w][i], abstract_parts[w][i]);
          lower += words[w].Lower(title_parts[w][i], abstract_parts[w][i]);
        }
      }
      upper = (upper + title_only_upper) * (1 + 1e-9);
      if (!phrase && !is_replaced) {
        raise_floor(heaviest_lower, lower);
      }
      if (upper >= floor) {
        found.push_back({docid, upper});
        if (++reached_since_weighing >= weigh_after) {
          weigh_best();
          if (phrase && hopeless()) return std::nullopt;
        }
      }
      // Past the page's reach: read on only to count.
      if (combination.bound < floor && counted()) break;
    }
  }
  if (phrase) {
    if (hopeless()) return std::nullopt;
    candidates.matched = static_cast<std::int64_t>(matched_weighed + title_matches.size());
  }
  std::vector<std::pair<Xapian::docid, double>> reaching;  // the candidates, and their weights
  for (const Found& match : found) {
    // One weighed is known to weigh less than the page, or not to match.
    if (match.upper >= floor && !(match.weighed && match.exact < floor)) {
      reaching.emplace_back(match.docid, match.exact);
    }
  }
  std::ranges::sort(reaching);
  if (weighs_exactly) candidates.weights.emplace();
  for (const auto& [docid, weight] : reaching) {
    candidates.documents.push_back(docid);
    if (weighs_exactly) candidates.weights->push_back(weight);
  }
  if (!read.always.empty()) {
    std::vector<Xapian::docid> documents;
    std::ranges::set_union(candidates.documents, read.always, std::back_inserter(documents));
    candidates.documents = std::move(documents);
  }
  candidates.phrase = phrase;
  candidates.floor = floor;
  return candidates;
}

}  // namespace

std::optional<TierCandidates> FindByTiers(
    const Xapian::Database& database, const WordTiers& tiers,
    std::span<const Xapian::docid> replaced, const Xapian::Query& query, std::size_t wanted,
    std::int64_t count_at_least, std::int64_t phrase_worth_reading,
    std::int64_t phrase_titles_first,
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (wanted == 0) return std::nullopt;
  std::optional<TierQuery> read = WordsOfQuery(database, tiers, query);
  if (!read) {
    read = PhraseOfQuery(database, tiers, query, phrase_worth_reading, phrase_titles_first);
  }
  if (!read) return std::nullopt;
  const std::optional<WordTiers::Mapping> mapped = tiers.Map();
  if (!mapped) return std::nullopt;
  read->build_average_length = tiers.average_length();
  read->average_length = database.get_avlength();
  for (TierWord& word : read->words) {
    if (word.author_leaf) word.author = ReadExactly(database, *word.author_leaf, *mapped, replaced);
    ReadExactForms(database, word);
  }
  std::optional<TierCandidates> found = ReadTiers(database, *mapped, *read, replaced, query, wanted,
                                                  count_at_least, false, deadline);
  // Finding a phrase's title matches first costs Xapian the positions of its title words' AND,
  // and of the abstract of each match ("Fine grained": 6.5 ms read from the tiers alone, 41 ms
  // with its titles first): only when the tiers alone did not find the page.
  if (!found && read->title_phrase) {
    found = ReadTiers(database, *mapped, *read, replaced, query, wanted, count_at_least, true,
                      deadline);
  }
  return found;
}

namespace {

// Some documents, then every id from a first one on, as a posting source of no weight.
class DocumentList final : public Xapian::PostingSource {
 public:
  DocumentList(std::vector<Xapian::docid> documents, Xapian::docid tail_first)
      : documents_(std::move(documents)), tail_first_(tail_first) {
    if (tail_first_ != 0) {
      std::erase_if(documents_, [&](Xapian::docid docid) { return docid >= tail_first_; });
    }
  }

  // Its ids may include some of no document (in the tail): at least none.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }

  void init(const Xapian::Database& database) override {
    // No tail: one that starts past the last id.
    tail_last_ = database.get_lastdocid();
    if (tail_first_ == 0 || tail_first_ > tail_last_) tail_first_ = tail_last_ + 1;
    count_ = static_cast<Xapian::doccount>(documents_.size()) + (tail_last_ + 1 - tail_first_);
    index_ = 0;
    current_ = 0;
  }

  void next(double) override {
    if (current_ == 0) {
      Settle();
    } else if (index_ < documents_.size()) {
      ++index_;
      Settle();
    } else {
      ++current_;
    }
  }

  void skip_to(Xapian::docid docid, double) override {
    if (current_ == 0) Settle();
    if (at_end() || docid <= current_) return;
    while (index_ < documents_.size() && documents_[index_] < docid) ++index_;
    if (index_ == documents_.size()) current_ = docid;
    Settle();
  }

  bool at_end() const override { return current_ > tail_last_; }
  Xapian::docid get_docid() const override { return current_; }
  DocumentList* clone() const override { return new DocumentList(documents_, tail_first_); }
  std::string name() const override { return "coolpapers.DocumentList"; }

 private:
  // current_ from index_: the listed document it points at, else an id of the tail.
  void Settle() {
    current_ = index_ < documents_.size() ? documents_[index_] : std::max(current_, tail_first_);
  }

  std::vector<Xapian::docid> documents_;  // all before tail_first_
  Xapian::docid tail_first_;
  Xapian::docid tail_last_ = 0;
  Xapian::doccount count_ = 0;
  std::size_t index_ = 0;
  Xapian::docid current_ = 0;  // 0: not started
};

}  // namespace

Xapian::Query DocumentsFilter(std::vector<Xapian::docid> documents, Xapian::docid tail_first) {
  return Xapian::Query((new DocumentList(std::move(documents), tail_first))->release());
}

}  // namespace coolpapers::search
