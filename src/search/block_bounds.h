// How much BM25 weight each common term can give a document, block by block: the documents are
// cut into blocks of consecutive ids, and for every term in at least `min_termfreq` documents
// the index keeps, per block, the largest document part of its weight (below). A search then
// reads only the blocks whose best possible weight can still reach the page (block_plan.h);
// Xapian 1.4 reads a common word's whole posting list, 34 ms at 2.7M papers (issue 19).
//
// The document part of BM25Weight's weight, wdf / (k1 (b normlen + 1 - b) + wdf), is in (0, 1);
// it is kept rounded up to 1/65,535, 0 meaning "no posting in this block". It is computed with
// the average length at the build; a search under a larger average multiplies by the ratio
// (Bm25DriftFactor), which keeps it an upper bound. Internal to src/search (exposes Xapian).
#ifndef COOLPAPERS_SEARCH_BLOCK_BOUNDS_H_
#define COOLPAPERS_SEARCH_BLOCK_BOUNDS_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coolpapers::search {

// A kept part of 1 is a document part of 1 / kPartScale.
inline constexpr double kPartScale = 65535;

// Xapian::BM25Weight's default parameters, which every search uses (searcher.cc).
inline constexpr double kBm25K1 = 1;
inline constexpr double kBm25K3 = 1;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLen = 0.5;

// BM25Weight's term part for a term in `termfreq` of `doccount` documents, `wqf` times in the
// query: idf (softened as Xapian does for terms in over a third of the documents) × query
// frequency factor × (k1 + 1). A document's weight from the term is this × the document part.
double Bm25TermPart(Xapian::doccount doccount, Xapian::doccount termfreq, Xapian::termcount wqf);

// BM25Weight's document part for `wdf` in a document of `length` under `average_length`.
double Bm25DocumentPart(Xapian::termcount wdf, Xapian::termcount length, double average_length);

// The length of every document by id, up to the last id (0 for ids without a document).
std::vector<Xapian::termcount> DocumentLengths(const Xapian::Database& database);

// A word common in titles and abstracts together (its two terms in at least min_termfreq
// documents): a plain query word searches both fields, and a document's weight for it is the
// sum of the two fields' weights. Its term parts as at the build (Bm25TermPart, wqf 1).
struct CommonWord {
  std::string title_term;
  std::string abstract_term;
  double title_term_part = 0;
  double abstract_term_part = 0;  // 0: a word of titles alone (TitleOnlyWords::kListed)
};
// Whether CommonWords also lists the words of titles that no abstract has: stop words, which
// abstracts do not index, and which a query of them alone searches in titles ("Do", "Are").
enum class TitleOnlyWords { kLeftOut, kListed };
std::vector<CommonWord> CommonWords(const Xapian::Database& database,
                                    Xapian::doccount min_termfreq,
                                    TitleOnlyWords title_only = TitleOnlyWords::kLeftOut);

// Writes the word's terms and term parts, each a varint (varint.h) or a varint-sized text, as
// the block bounds and the word tiers serialise them.
void PutCommonWord(std::string& out, const CommonWord& word);

// Calls `visit(docid, title document part, abstract document part)` (Bm25DocumentPart; 0
// for a field without the word) for every document with either of `word`'s terms, in id order.
void ForEachWordPosting(const Xapian::Database& database, const CommonWord& word,
                        std::span<const Xapian::termcount> lengths, double average_length,
                        const std::function<void(Xapian::docid, double, double)>& visit);

// A normalised part as kept: rounded up to 1 / kPartScale, so that it still bounds the exact
// one; 1 at least (0 is "none").
std::uint16_t KeptPart(double part);

// The wdf whose document part (Bm25DocumentPart for `length` and `average_length`, those the part
// was made with) KeptPart keeps as `kept`: 0 for a kept part of 0 (no posting). nullopt when no
// wdf or more than one is kept alike: parts of wdfs past a few hundred are closer than
// 1 / kPartScale, and the largest part is every wdf's past one. Lets a search weigh a document
// exactly from kept parts alone (tier_match.cc), the wdf being a whole number.
std::optional<Xapian::termcount> WdfOfKeptPart(std::uint16_t kept, Xapian::termcount length,
                                               double average_length);

// A term's kept parts, one per block (rounded-up document parts × kPartScale; 0: no posting
// in the block), read in place from the serialised bounds (two bytes each, low byte first).
class BlockParts {
 public:
  explicit BlockParts(const unsigned char* data) : data_(data) {}
  std::uint16_t operator[](std::uint32_t block) const {
    return static_cast<std::uint16_t>(data_[2 * block] | data_[2 * block + 1] << 8);
  }

 private:
  const unsigned char* data_;
};

class BlockBounds {
 public:
  // Written first by Serialise; another one does not Parse. Bump it with any change of layout.
  static constexpr std::string_view kFormat = "cpbb7";  // 7: tiers with block heads

  struct Options {
    // Blocks hold a power of two of ids, the smallest that makes at most this many blocks.
    std::uint32_t max_blocks = 4096;
    // Terms in at least this many documents get parts; 0: 2% of the documents (at 2.7M papers
    // 2,800 terms, 15 MB), and at least four per block. A search reads the postings of its
    // rarer terms instead (block_plan.h), which costs at most about what reading blocks saves
    // only for the commonest.
    Xapian::doccount min_termfreq = 0;
  };

  // Reads every weighted term of `database` in at least min_termfreq documents (17 s at 2.7M
  // papers); nullopt as soon as `stop` is requested (a stopping serve waits for no build).
  // Throws Xapian::Error.
  static std::optional<BlockBounds> Build(const Xapian::Database& database,
                                          const Options& options, std::stop_token stop = {});

  // Serialised() back; nullopt when it is not bounds of this format (another one, damaged).
  static std::optional<BlockBounds> Parse(std::string serialised);
  // The bounds as kept in the index; their only copy in memory (the parts are read from it).
  const std::string& Serialised() const { return *serialised_; }

  // The block of document `docid` (ids start at 1).
  std::uint32_t BlockOf(Xapian::docid docid) const { return (docid - 1) >> shift_; }
  // The first and last ids of `block`.
  Xapian::docid FirstOf(std::uint32_t block) const { return (block << shift_) + 1; }
  Xapian::docid LastOf(std::uint32_t block) const { return (block + 1) << shift_; }

  // The last document id at the build: later ones have no parts.
  Xapian::docid covered_through() const { return covered_through_; }
  // Blocks with parts: those of ids 1..covered_through.
  std::uint32_t block_count() const { return block_count_; }
  Xapian::doccount min_termfreq() const { return min_termfreq_; }
  double average_length() const { return average_length_; }

  // The parts of `term`, or nullopt for a term that had none (rarer than min_termfreq, or not
  // in the index).
  std::optional<BlockParts> PartsOf(const std::string& term) const;

  // A word common in titles and abstracts together (its two terms in min_termfreq documents
  // or more): a plain query word searches both fields (an OR of its title and abstract terms),
  // and a document's weight for it is the sum of the two. The sum of each field's best weight
  // in a block is far above any one document's (the best title is not the best abstract), so
  // the word's parts bound the two together: the largest (title_term_part × title document
  // part + abstract_term_part × abstract document part) / (title_term_part +
  // abstract_term_part) in the block, the term parts as at the build (Bm25TermPart, wqf 1).
  // Measured at 2.7M papers for "training": 727 blocks of 2,637 reach its page's weight by the
  // sum of the fields' parts, 25 by the word's.
  struct WordParts {
    std::string_view abstract_term;
    double title_term_part = 0;
    double abstract_term_part = 0;
    BlockParts parts;
  };
  // The word parts of the word whose title term is `title_term` (S or ZS prefixed), if it has.
  std::optional<WordParts> WordPartsOf(const std::string& title_term) const;

  // How many terms have parts (for logs and benchmarks).
  std::size_t term_count() const { return parts_.size(); }

 private:
  BlockBounds() = default;

  // Held by pointer so that parts_'s views stay valid when the bounds are moved.
  std::unique_ptr<const std::string> serialised_;
  int shift_ = 0;
  Xapian::docid covered_through_ = 0;
  std::uint32_t block_count_ = 0;
  Xapian::doccount min_termfreq_ = 0;
  double average_length_ = 0;
  std::unordered_map<std::string_view, const unsigned char*> parts_;  // into serialised_
  std::unordered_map<std::string_view, WordParts> words_;  // by title term; into serialised_
};

// The abstract term of the same word as title term `title_term` ("Smodels" → "XAmodels",
// "ZSmodel" → "ZXAmodel"); nullopt for a term of another field.
std::optional<std::string> AbstractTwin(std::string_view title_term);

// By how much the kept parts must be raised to bound the weights under `average_length` now.
double Bm25DriftFactor(const BlockBounds& bounds, double average_length);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_BLOCK_BOUNDS_H_
