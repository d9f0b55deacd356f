#include "search/deadline_weight.h"

namespace coolpapers::search {

// A look at the clock every this many documents weighed by one term: a few microseconds of
// matching between looks.
constexpr std::uint32_t kWeighedBetweenLooks = 256;

double DeadlineWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                                   Xapian::termcount uniqterms) const {
  if (++weighed_ % kWeighedBetweenLooks == 0 && std::chrono::steady_clock::now() > deadline_) {
    throw SearchDeadlinePassed{};
  }
  return BM25Weight::get_sumpart(wdf, doclen, uniqterms);
}

// Xapian clones the scheme for each term of the query; each clone keeps the same deadline.
DeadlineWeight* DeadlineWeight::clone() const { return new DeadlineWeight(deadline_); }

}  // namespace coolpapers::search
