#include "bench/synthetic_corpus.h"

#include <cstdio>
#include <random>
#include <utility>

namespace coolpapers::bench {
namespace {

constexpr int64_t kPapersPerMonth = 15'000;
constexpr int kFirstYear = 2008;

// Appends the whitespace-separated words of `text` to `out`; returns how many.
int SplitWords(std::string_view text, std::vector<std::string_view>& out) {
  int count = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(" \n\t", at);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \n\t", start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    ++count;
    at = end;
  }
  return count;
}

std::string JoinRandom(const std::vector<std::string_view>& pool, int count, std::mt19937_64& rng) {
  std::string text;
  for (int i = 0; i < count && !pool.empty(); ++i) {
    if (i > 0) text += ' ';
    text += pool[rng() % pool.size()];
  }
  return text;
}

}  // namespace

SyntheticCorpus::SyntheticCorpus(std::vector<Paper> real) : real_(std::move(real)) {
  for (const Paper& paper : real_) {
    Pools& pools = pools_[paper.categories.empty() ? std::string() : paper.categories.front()];
    for (const std::string& author : paper.authors) pools.authors.push_back(author);
    shapes_.push_back(Shape{&pools, SplitWords(paper.title, pools.title_words),
                            SplitWords(paper.abstract, pools.abstract_words)});
  }
}

Paper SyntheticCorpus::Make(int64_t n) const {
  const std::size_t template_index = static_cast<std::size_t>(n) % real_.size();
  const Paper& model = real_[template_index];
  const Shape& shape = shapes_[template_index];
  std::mt19937_64 rng(0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(n + 1));

  const int64_t month = n / kPapersPerMonth;
  const int year = kFirstYear + static_cast<int>(month / 12);
  const auto month_of_year = static_cast<unsigned>(month % 12 + 1);
  const int64_t number = n % kPapersPerMonth + 1;
  char id[16];
  std::snprintf(id, sizeof id, "%02d%02u.%05lld", year % 100, month_of_year,
                static_cast<long long>(number));

  Paper paper;
  paper.id = id;
  paper.version = 1;
  paper.title = JoinRandom(shape.pools->title_words, shape.title_words, rng);
  paper.abstract = JoinRandom(shape.pools->abstract_words, shape.abstract_words, rng);
  for (std::size_t i = 0; i < model.authors.size(); ++i) {
    paper.authors.emplace_back(shape.pools->authors[rng() % shape.pools->authors.size()]);
  }
  paper.categories = model.categories;
  paper.first_listed =
      Date::FromYmd(year, month_of_year, static_cast<unsigned>(1 + (number - 1) * 28 / kPapersPerMonth));
  return paper;
}

}  // namespace coolpapers::bench
