#include "search/paper_document.h"

#include <algorithm>
#include <string>

#include "search/ascii_fold.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// Title words count this many times per occurrence, so a query word in the title outranks
// the same word in the abstract (issue 6: "BM25 ranking with a title boost").
constexpr Xapian::termcount kTitleWdfInc = 3;

// Indexes `text` under `prefix`, and its ASCII-folded form too when that differs, so that
// "Schrodinger" finds "Schrödinger". The position gap keeps phrases from spanning the two.
void IndexText(Xapian::TermGenerator& generator, const std::string& text, Xapian::termcount wdf_inc,
               const std::string& prefix) {
  generator.index_text(text, wdf_inc, prefix);
  generator.increase_termpos();
  const std::string folded = FoldToAscii(text);
  if (folded != text) {
    generator.index_text(folded, wdf_inc, prefix);
    generator.increase_termpos();
  }
}

// The day as "YYYYMMDD", the form of the day slot and the XD term.
std::string CompactDay(const Date& day) {
  std::string iso = day.ToIso();
  std::erase(iso, '-');
  return iso;
}

}  // namespace

Xapian::Document MakePaperDocument(const Paper& paper, Xapian::TermGenerator& generator) {
  Xapian::Document document;
  generator.set_document(document);
  // Each text once, under its field's prefix: plain query words search all three prefixes
  // (query_builder.cc), which halves the terms an unprefixed copy would add.
  IndexText(generator, paper.title, kTitleWdfInc, std::string(kTitlePrefix));
  IndexText(generator, paper.abstract, 1, std::string(kAbstractPrefix));
  for (const std::string& author : paper.authors) {
    // One name at a time with a gap after it, so author:"Jane Doe" matches a name, not the end
    // of one author and the start of the next.
    IndexText(generator, author, 1, std::string(kAuthorPrefix));
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
  return generator;
}

}  // namespace coolpapers::search
