// Every common word's postings, split by weight into tiers: a file beside the index that lets a
// search of a common word, or of several (an AND), find its best matches without reading all of
// them (tier_match.h). Xapian 1.4 reads every posting of an AND's words: "Language models" at 2.7M
// papers is 1.3M matches and 35 ms, while its page needs the few documents where both words
// weigh most. Block bounds (block_bounds.h) could not bound such a search: the sum of each
// word's best in a block of ids is far above any one document's (issue 19).
//
// A word is its title and abstract terms together (as a plain query word searches both), or its
// title term alone for a word no abstract has (a stop word: abstracts do not index them). Each
// posting keeps the word's two BM25 document parts at the build (Bm25DocumentPart: title and
// abstract, rounded up to 1/65,535 as the block bounds keep them; 0 for a field without it),
// which bound the document's weight for the word under any term parts; the exact title forms
// of a stem weigh at most the stem's title part. A word's postings are cut into tiers by their
// weight at the build (the heaviest 1/64, the next 3/64, the next 12/64, the rest), each tier
// in id order, with its largest title part, abstract part and weight. Internal to src/search (exposes
// Xapian types).
#ifndef COOLPAPERS_SEARCH_WORD_TIERS_H_
#define COOLPAPERS_SEARCH_WORD_TIERS_H_

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <unordered_map>

namespace coolpapers::search {

class WordTiers {
 public:
  static constexpr int kTiers = 4;
  static constexpr std::size_t kIdsPerBlock = 64;

  struct Tier {
    std::uint64_t offset = 0;  // of its ids in the file; their title, then abstract parts follow
    std::uint32_t count = 0;
    std::uint16_t largest_title_part = 0;
    std::uint16_t largest_abstract_part = 0;
    // The largest weight at the build, normalised by the term parts: (title part × title
    // document part + abstract part × abstract document part) / (title part + abstract part)
    // (BlockBounds::WordParts), kept as the parts are. Bounds a tier far closer than the sum of
    // its largest parts, which different documents have.
    std::uint16_t largest_weight = 0;
  };
  struct Word {
    std::string abstract_term;
    // The word's two term parts at the build (Bm25TermPart, wqf 1).
    double title_term_part = 0;
    double abstract_term_part = 0;
    std::array<Tier, kTiers> tiers;
  };

  // Writes the tiers of every word common in titles and abstracts together (in at least
  // `min_termfreq` documents: CommonWords, with the words of titles alone), and every
  // document's length, of `database` as committed into
  // `file` (through a temporary file renamed into place, so a crash leaves no half file).
  // False when `stop` was requested first (nothing written). Throws Xapian::Error; a file that
  // cannot be written is a Xapian::DatabaseError too, since it fails the bounds' build.
  static bool Write(const Xapian::Database& database, Xapian::doccount min_termfreq,
                    const std::filesystem::path& file, std::stop_token stop = {});

  // The tiers in `file`, or nullopt when it is absent or not tiers of this format. The pages of
  // it that searches touch may stay in the process's resident memory up to `most_resident` more
  // bytes (Mapping, ResidentMappings); by default an eighth of the file, at most
  // kMostResidentBytes (serve's memory targets: 150 MB with 40k papers, whose tiers are 56 MB,
  // 300 MB with 2.7M, 5.3 GB).
  static constexpr std::size_t kMostResidentBytes = std::size_t{48} << 20;
  static std::optional<WordTiers> Open(const std::filesystem::path& file,
                                       std::optional<std::size_t> most_resident = std::nullopt);

  WordTiers(WordTiers&&) noexcept;
  WordTiers& operator=(WordTiers&&) noexcept;
  ~WordTiers();

  // The word whose title term is `title_term` (S or ZS prefixed), if it has tiers.
  const Word* WordOf(const std::string& title_term) const;
  // The last document id at the build: later ones have no postings here.
  Xapian::docid covered_through() const { return covered_through_; }
  double average_length() const { return average_length_; }
  std::size_t word_count() const { return words_.size(); }

  // The file as one search reads it. The file stays mapped as long as the tiers: mapped for each
  // search, every page a search touched was a page fault, and a search of common words looks ids
  // up in lists all over a file of gigabytes (at 2.7M papers, the 1-word benchmark's p99 went
  // from 9.2-9.5 to 3.2-3.6 ms with one mapping). The pages searches touch count in the process's
  // resident memory, though (they are the kernel's cache all the same): past the bound of all
  // mapped search files, `most_resident` of which Open was given, they are let go
  // (ResidentMappings: off the search's thread; a search under way just touches its pages again).
  class Mapping {
   public:
    Mapping(Mapping&&) noexcept;
    Mapping& operator=(Mapping&&) = delete;
    ~Mapping();  // counts the search done (MappedFile::SearchDone)
    std::span<const std::uint32_t> Ids(const Tier& tier) const;
    std::span<const std::uint16_t> TitleParts(const Tier& tier) const;
    std::span<const std::uint16_t> AbstractParts(const Tier& tier) const;
    // The first id of each kIdsPerBlock of the tier's: a seek far along its ids looks among
    // these first (SeekTo), a 64th as many, close together, where a seek along the ids themselves
    // missed the processor's cache at each step (at 2.7M papers, 40% of the seeks' time).
    std::span<const std::uint32_t> BlockHeads(const Tier& tier) const;
    // A document's length at the build (0 for an id without a document); nullopt past
    // covered_through(). Xapian reads the lengths of a term's postings one at a time, each
    // from its chunk of the lengths' list: for a few thousand documents spread over 2.7M ids,
    // about all of it (10 ms). These are kept in memory (4 bytes a document), not read from
    // the mapping.
    std::optional<Xapian::termcount> DocumentLength(Xapian::docid docid) const;

   private:
    friend class WordTiers;
    struct MappedFile;
    Mapping(MappedFile* file, const unsigned char* data, std::uint64_t lengths_offset,
            Xapian::docid covered_through)
        : file_(file), data_(data), lengths_offset_(lengths_offset),
          covered_through_(covered_through) {}
    MappedFile* file_;  // nullptr once moved from
    const unsigned char* data_;
    std::uint64_t lengths_offset_;
    Xapian::docid covered_through_;
  };
  // nullopt when the file cannot be mapped (the search then reads Xapian's postings). The
  // mapping is valid while these tiers are (the searcher holds them for the search).
  std::optional<Mapping> Map() const;

 private:
  WordTiers() = default;

  std::uint64_t lengths_offset_ = 0;
  Xapian::docid covered_through_ = 0;
  double average_length_ = 0;
  std::unordered_map<std::string, Word> words_;  // by title term
  std::shared_ptr<Mapping::MappedFile> mapped_;  // nullptr when the file could not be mapped
};

// SeekTo's work past the ids it looks at one by one, from `from` on.
std::size_t SeekFar(std::span<const std::uint32_t> ids, std::span<const std::uint32_t> heads,
                    std::size_t from, std::uint32_t id);

// The first position at or after `from` in `ids` (ascending) whose id is at least `id`. The next
// few ids are looked at one by one (most seeks in a list denser than the one leading a search
// move a few places); further on, the seek gallops along `heads`, the list's block heads
// (WordTiers::Mapping::BlockHeads), then looks in the one block it found; along the ids
// themselves when `heads` is empty (a list without them). Inline, since most seeks end among
// those first few: the call was a fifth of the seeks' instructions at 2.7M papers.
inline std::size_t SeekTo(std::span<const std::uint32_t> ids,
                          std::span<const std::uint32_t> heads, std::size_t from,
                          std::uint32_t id) {
  constexpr std::size_t kNearIds = 8;
  for (const std::size_t near = std::min(ids.size(), from + kNearIds); from < near; ++from) {
    if (ids[from] >= id) return from;
  }
  return SeekFar(ids, heads, from, id);
}

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_WORD_TIERS_H_
