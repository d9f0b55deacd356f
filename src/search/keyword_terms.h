// Which index terms are worth relating papers by: the words of a title or an abstract that say
// what a paper is about. Shared by [REL] (related_terms.h) and "like my stars" (star_ranker.h).
// Internal to the search module (it includes <xapian.h>).
#ifndef COOLPAPERS_SEARCH_KEYWORD_TERMS_H_
#define COOLPAPERS_SEARCH_KEYWORD_TERMS_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace coolpapers::search {

// The word of a title or abstract term ("Sretrieval", "XAretrieval" -> "retrieval"): lower-case
// letters only, at least three, neither a stop word nor paper boilerplate (IsBoilerplateWord).
// "" for anything else: author names (a long byline would crowd out the subject), ids,
// categories, stems and numbers.
std::string KeywordOf(std::string_view term);

// Words every kind of paper uses about itself ("propose", "technical", "report", "results",
// "novel", "tends"): a fixed list, since the corpus cannot tell them apart from a topic's words
// when they are rare ("explode" in Gemma 3's abstract). Pure.
bool IsBoilerplateWord(std::string_view word);

// A word that more than this share of the abstracts use says little about any of them: the
// stoplist learned from the corpus ("model", "language", "data" in the cs.CV and cs.CL sample).
// 10% measured better than 3% on the held-out protocol (docs/recommendations.md), which drops
// topical words such as "multimodal" or "reasoning".
inline constexpr double kGenericDocumentShare = 0.10;

// Accepts a term when KeywordOf gives a word the index does not find generic (its abstract
// term's document frequency at most kGenericDocumentShare of the papers).
class KeywordDecider final : public Xapian::ExpandDecider {
 public:
  explicit KeywordDecider(const Xapian::Database& database);
  bool operator()(const std::string& term) const override;

 private:
  const Xapian::Database& database_;
  Xapian::doccount generic_above_;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_KEYWORD_TERMS_H_
