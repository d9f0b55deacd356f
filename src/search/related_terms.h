// The keywords of one paper for [REL] (issue #15 upgrade 7): what is specific to it, phrases kept
// whole. Internal to the search module (it includes <xapian.h>).
#ifndef COOLPAPERS_SEARCH_RELATED_TERMS_H_
#define COOLPAPERS_SEARCH_RELATED_TERMS_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace coolpapers::search {

struct WeightedKeyword {
  std::string text;                // "speculative decoding" or "gemma"
  std::vector<std::string> words;  // {"speculative", "decoding"}
  double weight = 0;               // tf-idf; comparable within one paper
};

// The paper's `count` best keywords, best first. Candidates are its title and abstract words
// that KeywordDecider accepts (no stop words, no boilerplate, no words over
// kGenericDocumentShare of the abstracts), weighted by tf-idf: the term's within-paper frequency
// (title words count kTitleWdfInc times, as the index holds them) against its document
// frequency. Two such words next to each other form a phrase when at least two titles of the
// corpus hold them as one ("speculative decoding", "kv cache": titles keep every word in place,
// so "accuracy and efficiency" does not read as "accuracy efficiency"); a phrase weighs its
// words' weights together and replaces them. Throws Xapian::Error.
std::vector<WeightedKeyword> SelectRelatedKeywords(const Xapian::Database& database,
                                                   Xapian::docid paper, size_t count);

// A word ({"gemma"}) or a phrase ({"speculative", "decoding"}) in the title or the abstract.
Xapian::Query WordsInTitleOrAbstract(const std::vector<std::string>& words);

// The keywords as one query: each a word or phrase in the title or the abstract, scaled by its
// weight over the best one's.
Xapian::Query RelatedQuery(const std::vector<WeightedKeyword>& keywords);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_RELATED_TERMS_H_
