#include "search/block_bounds.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "search/term_prefixes.h"
#include "search/varint.h"

namespace coolpapers::search {
namespace {

// The header of serialised bounds: the format, then the numbers Parse reads back.
void PutHeader(std::string& out, int shift, Xapian::docid covered_through,
               Xapian::doccount min_termfreq, double average_length) {
  out = BlockBounds::kFormat;
  PutVarint(out, static_cast<std::uint64_t>(shift));
  PutVarint(out, covered_through);
  PutVarint(out, min_termfreq);
  std::uint64_t average_bits = 0;
  std::memcpy(&average_bits, &average_length, sizeof average_bits);
  PutVarint(out, average_bits);
}

}  // namespace

// Sixteen bits: the best matches of a common word differ in the third digit, which eight bits
// blurred (the best blocks could not be told apart).
std::uint16_t KeptPart(double part) {
  return static_cast<std::uint16_t>(std::clamp(std::ceil(part * kPartScale), 1.0, kPartScale));
}

std::optional<Xapian::termcount> WdfOfKeptPart(std::uint16_t kept, Xapian::termcount length,
                                               double average_length) {
  if (kept == 0) return 0;
  if (kept >= kPartScale) return std::nullopt;  // every wdf's part past some rounds up to 1
  // A part is wdf / (d + wdf), d the length's share of the denominator (Bm25DocumentPart), so
  // the wdf of a part p is p d / (1 - p); the kept part covers the parts above (kept - 1) /
  // kPartScale up to kept / kPartScale.
  const double d = Bm25DocumentPart(1, length, average_length);
  const double denominator_share = (1 - d) / d;  // d above, from the part of a wdf of 1
  const auto wdf_of = [&](double part) { return part * denominator_share / (1 - part); };
  const double lowest = std::floor(wdf_of((kept - 1) / kPartScale));
  const double highest = std::ceil(wdf_of(kept / kPartScale));
  constexpr double kMostTried = 8;  // parts that close together are not told apart anyway
  if (highest - lowest > kMostTried) return std::nullopt;
  std::optional<Xapian::termcount> found;
  for (double wdf = std::max(1.0, lowest); wdf <= highest; ++wdf) {
    const auto candidate = static_cast<Xapian::termcount>(wdf);
    if (KeptPart(Bm25DocumentPart(candidate, length, average_length)) != kept) continue;
    if (found) return std::nullopt;  // two wdfs kept alike
    found = candidate;
  }
  return found;
}

std::vector<Xapian::termcount> DocumentLengths(const Xapian::Database& database) {
  std::vector<Xapian::termcount> lengths(database.get_lastdocid() + 1, 0);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    lengths[*it] = it.get_doclength();
  }
  return lengths;
}

std::vector<CommonWord> CommonWords(const Xapian::Database& database,
                                    Xapian::doccount min_termfreq, TitleOnlyWords title_only) {
  std::vector<CommonWord> words;
  const Xapian::doccount doccount = database.get_doccount();
  // Only title terms have an abstract twin: their two prefixes, in the index's term order
  // ("S" before "ZS"), rather than all its terms (55k of 3.1M at 2.7M papers: 0.06 s, not 1.3).
  for (const std::string& prefix : {std::string(kTitlePrefix), "Z" + std::string(kTitlePrefix)}) {
    for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix);
         ++term) {
      const std::string title_term = *term;
      const std::optional<std::string> abstract_term = AbstractTwin(title_term);
      if (!abstract_term) continue;
      const Xapian::doccount abstract_termfreq = database.get_termfreq(*abstract_term);
      const bool in_abstracts = abstract_termfreq > 0;
      // Boolean terms have no wdf: they never weigh anything.
      if (term.get_termfreq() + abstract_termfreq < min_termfreq ||
          database.get_collection_freq(title_term) == 0 ||
          (in_abstracts && database.get_collection_freq(*abstract_term) == 0) ||
          (!in_abstracts && title_only == TitleOnlyWords::kLeftOut)) {
        continue;
      }
      words.push_back({title_term, *abstract_term,
                       Bm25TermPart(doccount, term.get_termfreq(), 1),
                       in_abstracts ? Bm25TermPart(doccount, abstract_termfreq, 1) : 0.0});
    }
  }
  return words;
}

void PutCommonWord(std::string& out, const CommonWord& word) {
  PutVarint(out, word.title_term.size());
  out += word.title_term;
  PutVarint(out, word.abstract_term.size());
  out += word.abstract_term;
  PutVarint(out, std::bit_cast<std::uint64_t>(word.title_term_part));
  PutVarint(out, std::bit_cast<std::uint64_t>(word.abstract_term_part));
}

void ForEachWordPosting(const Xapian::Database& database, const CommonWord& word,
                        std::span<const Xapian::termcount> lengths, double average_length,
                        const std::function<void(Xapian::docid, double, double)>& visit) {
  auto title = database.postlist_begin(word.title_term);
  auto abstract = database.postlist_begin(word.abstract_term);
  const auto title_end = database.postlist_end(word.title_term);
  const auto abstract_end = database.postlist_end(word.abstract_term);
  while (title != title_end || abstract != abstract_end) {
    const Xapian::docid docid = abstract == abstract_end ? *title
                                : title == title_end     ? *abstract
                                                         : std::min(*title, *abstract);
    double title_part = 0;
    double abstract_part = 0;
    if (title != title_end && *title == docid) {
      title_part = Bm25DocumentPart(title.get_wdf(), lengths[docid], average_length);
      ++title;
    }
    if (abstract != abstract_end && *abstract == docid) {
      abstract_part = Bm25DocumentPart(abstract.get_wdf(), lengths[docid], average_length);
      ++abstract;
    }
    visit(docid, title_part, abstract_part);
  }
}

double Bm25TermPart(Xapian::doccount doccount, Xapian::doccount termfreq, Xapian::termcount wqf) {
  double idf = (static_cast<double>(doccount) - termfreq + 0.5) / (termfreq + 0.5);
  if (idf < 2) idf = idf * 0.5 + 1;  // as BM25Weight::init: never negative
  const double query_factor = (kBm25K3 + 1) * wqf / (kBm25K3 + wqf);
  return std::log(idf) * query_factor * (kBm25K1 + 1);
}

double Bm25DocumentPart(Xapian::termcount wdf, Xapian::termcount length, double average_length) {
  const double length_factor = average_length == 0 ? 0 : 1 / average_length;
  const double normlen = std::max(length * length_factor, kBm25MinNormLen);
  const double wdf_double = wdf;
  return wdf_double / (kBm25K1 * (normlen * kBm25B + (1 - kBm25B)) + wdf_double);
}

double Bm25DriftFactor(const BlockBounds& bounds, double average_length) {
  // A longer average shortens every normalised length by the ratio, and the denominator at
  // most by the same ratio (normlen's floor only lengthens it).
  if (bounds.average_length() <= 0 || average_length <= bounds.average_length()) return 1;
  return average_length / bounds.average_length();
}

std::optional<BlockBounds> BlockBounds::Build(const Xapian::Database& database,
                                              const Options& options, std::stop_token stop) {
  const Xapian::docid covered_through = database.get_lastdocid();
  int shift = 0;
  while ((static_cast<std::uint64_t>(covered_through) >> shift) > options.max_blocks) ++shift;
  const std::uint32_t block_count = covered_through == 0 ? 0 : ((covered_through - 1) >> shift) + 1;
  const Xapian::doccount min_termfreq =
      options.min_termfreq > 0 ? options.min_termfreq
                               : std::max({1U, 4 * block_count, database.get_doccount() / 50});
  const double average_length = database.get_avlength();

  const std::vector<Xapian::termcount> lengths = DocumentLengths(database);
  // Written in place (no copy of megabytes): the header, the terms and their parts ending with
  // an empty term, then the words.
  std::string serialised;
  PutHeader(serialised, shift, covered_through, min_termfreq, average_length);
  std::vector<std::uint16_t> parts(block_count);
  const auto put_parts = [&] {
    for (const std::uint16_t part : parts) {
      serialised.push_back(static_cast<char>(part & 0xff));
      serialised.push_back(static_cast<char>(part >> 8));
    }
  };

  for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term) {
    if (term.get_termfreq() < min_termfreq) continue;
    if (stop.stop_requested()) return std::nullopt;
    const std::string name = *term;
    // Boolean serialised (categories, days, ids) have no wdf: they never weigh anything.
    if (database.get_collection_freq(name) == 0) continue;
    std::ranges::fill(parts, 0);
    for (auto posting = database.postlist_begin(name); posting != database.postlist_end(name);
         ++posting) {
      const Xapian::docid docid = *posting;
      std::uint16_t& kept = parts[(docid - 1) >> shift];
      kept = std::max(kept, KeptPart(Bm25DocumentPart(posting.get_wdf(), lengths[docid],
                                                      average_length)));
    }
    PutVarint(serialised, name.size());
    serialised += name;
    put_parts();
  }
  PutVarint(serialised, 0);
  // Words common in titles and abstracts together: the best weight of the two, per block.
  const std::vector<CommonWord> words = CommonWords(database, min_termfreq);
  PutVarint(serialised, words.size());
  for (const CommonWord& word : words) {
    if (stop.stop_requested()) return std::nullopt;
    std::ranges::fill(parts, 0);
    const double both = word.title_term_part + word.abstract_term_part;
    ForEachWordPosting(database, word, lengths, average_length,
                       [&](Xapian::docid docid, double title_part, double abstract_part) {
                         const double weight = word.title_term_part * title_part +
                                               word.abstract_term_part * abstract_part;
                         std::uint16_t& kept = parts[(docid - 1) >> shift];
                         kept = std::max(kept, KeptPart(weight / both));
                       });
    PutCommonWord(serialised, word);
    put_parts();
  }
  return Parse(std::move(serialised));
}

std::optional<std::string> AbstractTwin(std::string_view title_term) {
  const std::string stemmed_title = "Z" + std::string(kTitlePrefix);  // the stemmer's "Z"
  if (title_term.starts_with(stemmed_title)) {
    return "Z" + std::string(kAbstractPrefix) + std::string(title_term.substr(stemmed_title.size()));
  }
  if (title_term.starts_with(kTitlePrefix)) {
    return std::string(kAbstractPrefix) + std::string(title_term.substr(kTitlePrefix.size()));
  }
  return std::nullopt;
}

std::optional<BlockBounds::WordParts> BlockBounds::WordPartsOf(const std::string& title_term) const {
  const auto found = words_.find(title_term);
  if (found == words_.end()) return std::nullopt;
  return found->second;
}

std::optional<BlockParts> BlockBounds::PartsOf(const std::string& term) const {
  const auto found = parts_.find(term);
  if (found == parts_.end()) return std::nullopt;
  return BlockParts(found->second);
}

std::optional<BlockBounds> BlockBounds::Parse(std::string serialised) {
  BlockBounds bounds;
  bounds.serialised_ = std::make_unique<const std::string>(std::move(serialised));
  std::string_view in = *bounds.serialised_;
  if (!in.starts_with(kFormat)) return std::nullopt;
  in.remove_prefix(kFormat.size());
  const auto shift = TakeVarint(in);
  const auto covered = TakeVarint(in);
  const auto min_termfreq = TakeVarint(in);
  const auto average_bits = TakeVarint(in);
  if (!shift || !covered || !min_termfreq || !average_bits || *shift > 31 ||
      *covered > UINT32_MAX || *min_termfreq > UINT32_MAX) {
    return std::nullopt;
  }
  bounds.shift_ = static_cast<int>(*shift);
  bounds.covered_through_ = static_cast<Xapian::docid>(*covered);
  bounds.block_count_ =
      bounds.covered_through_ == 0 ? 0 : bounds.BlockOf(bounds.covered_through_) + 1;
  bounds.min_termfreq_ = static_cast<Xapian::doccount>(*min_termfreq);
  std::memcpy(&bounds.average_length_, &*average_bits, sizeof bounds.average_length_);
  const std::size_t parts_size = 2 * std::size_t{bounds.block_count_};
  while (true) {
    const auto size = TakeVarint(in);
    if (!size) return std::nullopt;
    if (*size == 0) break;  // the end of the terms
    if (in.size() < *size + parts_size) return std::nullopt;
    const std::string_view term = in.substr(0, *size);
    in.remove_prefix(*size);
    bounds.parts_.emplace(term, reinterpret_cast<const unsigned char*>(in.data()));
    in.remove_prefix(parts_size);
  }
  const auto words = TakeVarint(in);
  if (!words) return std::nullopt;
  for (std::uint64_t i = 0; i < *words; ++i) {
    const auto title_size = TakeVarint(in);
    if (!title_size || in.size() < *title_size) return std::nullopt;
    const std::string_view title_term = in.substr(0, *title_size);
    in.remove_prefix(*title_size);
    const auto abstract_size = TakeVarint(in);
    if (!abstract_size || in.size() < *abstract_size) return std::nullopt;
    const std::string_view abstract_term = in.substr(0, *abstract_size);
    in.remove_prefix(*abstract_size);
    const auto title_part = TakeVarint(in);
    const auto abstract_part = TakeVarint(in);
    if (!title_part || !abstract_part || in.size() < parts_size) return std::nullopt;
    bounds.words_.emplace(
        title_term,
        WordParts{abstract_term, std::bit_cast<double>(*title_part),
                  std::bit_cast<double>(*abstract_part),
                  BlockParts(reinterpret_cast<const unsigned char*>(in.data()))});
    in.remove_prefix(parts_size);
  }
  if (!in.empty()) return std::nullopt;
  return bounds;
}

}  // namespace coolpapers::search
