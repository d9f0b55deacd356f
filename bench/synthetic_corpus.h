// A corpus of arXiv's size made from the real records, for the search benchmarks at 2.7M papers
// (issue 6): synthetic paper n copies the shape of real paper n mod R (its categories and how
// many title words, abstract words and authors it has) and fills it with words drawn at random
// from every title, abstract and byline of that paper's primary category. Word frequencies per
// category, and so posting-list lengths, grow as they would in a bigger arXiv; phrases mostly
// do not survive the shuffle.
#ifndef COOLPAPERS_BENCH_SYNTHETIC_CORPUS_H_
#define COOLPAPERS_BENCH_SYNTHETIC_CORPUS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/paper.h"

namespace coolpapers::bench {

class SyntheticCorpus {
 public:
  // `real` must not be empty; the corpus keeps it (the word pools point into it).
  explicit SyntheticCorpus(std::vector<Paper> real);

  // Synthetic paper n (>= 0), the same for the same n on every run. Ids are new-style ids of
  // 2008-2022 ("0801.00001", 15,000 a month, never clashing with the real 25xx ids), first listed
  // on a day of their month.
  Paper Make(int64_t n) const;

  const std::vector<Paper>& real() const { return real_; }

 private:
  struct Pools {
    std::vector<std::string_view> title_words;
    std::vector<std::string_view> abstract_words;
    std::vector<std::string_view> authors;
  };
  struct Shape {
    const Pools* pools;
    int title_words;
    int abstract_words;
  };

  std::vector<Paper> real_;
  std::map<std::string, Pools> pools_;  // by primary category
  std::vector<Shape> shapes_;           // per real paper
};

}  // namespace coolpapers::bench

#endif  // COOLPAPERS_BENCH_SYNTHETIC_CORPUS_H_
