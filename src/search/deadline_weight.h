// A search's time budget, kept by its weighting scheme. Xapian 1.4's own time limit
// (Enquire::set_time_limit) only stops counting matches past the page; the match itself goes
// on to its end (measured: 1 µs of limit changed nothing in a 200,000-match search). Internal to
// src/search (exposes Xapian types); used by searcher.cc.
#ifndef COOLPAPERS_SEARCH_DEADLINE_WEIGHT_H_
#define COOLPAPERS_SEARCH_DEADLINE_WEIGHT_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>

namespace coolpapers::search {

// Thrown out of Enquire::get_mset by DeadlineWeight when the match outlives its deadline.
struct SearchDeadlinePassed {};

// BM25, as Xapian::BM25Weight with its defaults, that looks at the clock every few hundred
// documents it weighs and throws SearchDeadlinePassed past `deadline`. Weights, counts and
// order are BM25Weight's: only the throwing is added, and the clock costs ~20 ns a look.
class DeadlineWeight : public Xapian::BM25Weight {
 public:
  explicit DeadlineWeight(std::chrono::steady_clock::time_point deadline) : deadline_(deadline) {}

  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                     Xapian::termcount uniqterms) const override;

 private:
  DeadlineWeight* clone() const override;

  std::chrono::steady_clock::time_point deadline_;
  mutable std::uint32_t weighed_ = 0;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_DEADLINE_WEIGHT_H_
