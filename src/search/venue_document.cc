#include "search/venue_document.h"

#include <algorithm>
#include <cstdio>

#include "search/paper_document.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {

std::string VenueDay(const VenueEdition& edition) {
  std::string day = edition.start_date;
  std::erase(day, '-');
  if (day.size() == 8 && std::all_of(day.begin(), day.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return day;
  }
  char year_start[16];
  std::snprintf(year_start, sizeof(year_start), "%04d0101", edition.year);
  return year_start;
}

Xapian::Document MakeVenueDocument(const VenuePaper& paper, const VenueEdition& edition,
                                   Xapian::TermGenerator& generator) {
  const std::string id = paper.id.ToString();
  Xapian::Document document;
  generator.set_document(document);
  IndexPaperText(generator, paper.title, kTitleWdfInc, kTitlePrefix);
  IndexPaperText(generator, paper.abstract, 1, kAbstractPrefix);
  // Keywords are the authors' own words for the paper: searched as its abstract's are.
  for (const std::string& keyword : paper.keywords) {
    IndexPaperText(generator, keyword, 1, kAbstractPrefix);
  }
  for (const VenueAuthor& author : paper.authors) {
    IndexPaperText(generator, author.name, 1, kAuthorPrefix);
  }
  const std::string day = VenueDay(edition);
  document.add_boolean_term(std::string(kDayPrefix) + day);
  document.add_value(kDaySlot, day);
  document.add_value(kOrderSlot, day + id);
  document.add_boolean_term(std::string(kBranchPrefix) + std::string(kVenueBranch));
  document.add_boolean_term(VenueTerm(edition.venue));
  document.add_boolean_term(std::string(kIdPrefix) + id);
  document.set_data(id);
  return document;
}

}  // namespace coolpapers::search
