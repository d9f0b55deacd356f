#include "search/paper_document.h"

#include <algorithm>
#include <string>

#include "search/ascii_fold.h"
#include "search/stop_words.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

class StopWordStopper final : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override { return IsStopWord(word); }
};

// The day as "YYYYMMDD", the form of the day slot and the XD term.
std::string CompactDay(const Date& day) {
  std::string iso = day.ToIso();
  std::erase(iso, '-');
  return iso;
}

}  // namespace

// ASCII-folded as queries are (query_builder.cc), so that "Schrodinger" and "Schrödinger" find
// each other. The position gap after it keeps a phrase from spanning two texts (two authors).
// Stop words get their exact words only where the field keeps them (KeepsStopWords); elsewhere
// they are left out and not counted in positions, so a phrase matches its other words in order
// ("language of models" as "language models").
void IndexPaperText(Xapian::TermGenerator& generator, const std::string& text,
                    Xapian::termcount wdf_inc, std::string_view prefix) {
  generator.set_stopper_strategy(KeepsStopWords(prefix) ? Xapian::TermGenerator::STOP_STEMMED
                                                        : Xapian::TermGenerator::STOP_ALL);
  generator.index_text(FoldToAscii(text), wdf_inc, std::string(prefix));
  generator.increase_termpos();
}

SearchTextsById MapSearchTexts(std::span<const store::PaperSearchText> texts) {
  SearchTextsById by_id;
  for (const store::PaperSearchText& text : texts) by_id.emplace(text.paper_id, &text);
  return by_id;
}

Xapian::Document MakePaperDocument(const Paper& paper, const SearchTextsById& texts,
                                   Xapian::TermGenerator& generator) {
  const auto found = texts.find(paper.id);
  return MakePaperDocument(paper, found == texts.end() ? nullptr : found->second, generator);
}

Xapian::Document MakePaperDocument(const Paper& paper, const store::PaperSearchText* texts,
                                   Xapian::TermGenerator& generator) {
  Xapian::Document document;
  generator.set_document(document);
  // Each text once, under its field's prefix: plain query words search all three prefixes
  // (query_builder.cc), which halves the terms an unprefixed copy would add.
  IndexPaperText(generator, paper.title, kTitleWdfInc, kTitlePrefix);
  // Stop words, about a third of an abstract's words, would be its longest posting and position
  // lists; queries never need them there (KeepsStopWords).
  IndexPaperText(generator, paper.abstract, 1, kAbstractPrefix);
  for (const std::string& author : paper.authors) {
    // One name at a time with a gap after it, so author:"Jane Doe" matches a name, not the end
    // of one author and the start of the next.
    IndexPaperText(generator, author, 1, kAuthorPrefix);
  }
  if (texts != nullptr) {
    // Searched only by their fields (fulltext:, faq:): plain words rank papers by what every
    // paper has, so a paper the FAQ has read does not outrank the others by its length.
    IndexPaperText(generator, texts->full_text, 1, kFullTextPrefix);
    // Answers may be in Chinese, which has no spaces between words: CJK runs are indexed as
    // character n-grams, as the query parser reads them.
    const auto flags = generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    IndexPaperText(generator, texts->faq_answers, 1, kFaqPrefix);
    generator.set_flags(flags);
  }
  for (const std::string& category : paper.categories) {
    document.add_boolean_term(std::string(kCategoryPrefix) + category);
  }
  std::string day = "00000000";
  if (paper.first_listed) {
    day = CompactDay(*paper.first_listed);
    document.add_boolean_term(std::string(kDayPrefix) + day);
    document.add_value(kDaySlot, day);
  }
  document.add_value(kOrderSlot, day + paper.id);
  document.add_boolean_term(std::string(kBranchPrefix) + std::string(kArxivBranch));
  document.add_boolean_term(std::string(kIdPrefix) + paper.id);
  document.set_data(paper.id);
  return document;
}

Xapian::TermGenerator MakeTermGenerator() {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  // Stemmed terms carry a "Z" prefix and unstemmed ones are kept too, so an exact word match
  // outranks a match of its stem only.
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // IndexText chooses the strategy for each text.
  static const StopWordStopper stopper;
  generator.set_stopper(&stopper);
  return generator;
}

}  // namespace coolpapers::search
