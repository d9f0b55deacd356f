// Word tiers (word_tiers.h): every posting of a common word is kept once, in the tier its
// weight puts it, with its two document parts as BM25 computes them; tiers read back exactly or
// not at all. How searches use them is tested against Xapian in block_search_test.cc.
#include "search/word_tiers.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "search/block_bounds.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

// Titles and abstracts of a common stem ("model"), a common exact word ("graph") and a rare
// one, a stop word in titles alone ("for": abstracts do not index stop words), in documents of
// lengths and wdfs that cycle through different periods.
Xapian::WritableDatabase TieredIndex() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (Xapian::termcount i = 0; i < 900; ++i) {
    Xapian::Document document;
    if (i % 3 != 0) document.add_term("ZSmodel", 1 + i % 4);
    if (i % 5 != 1) document.add_term("ZXAmodel", 1 + i % 7);
    if (i % 4 == 0) document.add_term("Sgraph", 3);
    if (i % 2 == 0) document.add_term("XAgraph", 1 + i % 9);
    if (i % 150 == 0) document.add_term("Srare");
    if (i % 6 == 0) document.add_term("Sfor", 1 + i % 2);
    document.add_term("XAfiller", 1 + i % 37);
    database.add_document(document);
  }
  database.commit();
  return database;
}

constexpr Xapian::doccount kCommon = 100;

// What a tier must hold for a document: its kept title and abstract parts.
using Parts = std::pair<std::uint16_t, std::uint16_t>;

std::map<Xapian::docid, Parts> ExpectedParts(const Xapian::Database& database,
                                             const std::string& title_term,
                                             const std::string& abstract_term) {
  const double average = database.get_avlength();
  std::map<Xapian::docid, Parts> expected;
  for (auto it = database.postlist_begin(title_term); it != database.postlist_end(title_term);
       ++it) {
    expected[*it].first = KeptPart(Bm25DocumentPart(it.get_wdf(), it.get_doclength(), average));
  }
  for (auto it = database.postlist_begin(abstract_term);
       it != database.postlist_end(abstract_term); ++it) {
    expected[*it].second = KeptPart(Bm25DocumentPart(it.get_wdf(), it.get_doclength(), average));
  }
  return expected;
}

TEST(WordTiers, HoldEveryPostingOfACommonWordOnceWithItsParts) {
  const coolpapers::testing::TempDir dir;
  const Xapian::WritableDatabase database = TieredIndex();
  const std::filesystem::path file = dir.path() / "tiers";
  ASSERT_TRUE(WordTiers::Write(database, kCommon, file));
  const std::optional<WordTiers> tiers = WordTiers::Open(file);
  ASSERT_TRUE(tiers);
  EXPECT_EQ(tiers->covered_through(), 900u);
  EXPECT_EQ(tiers->word_count(), 3u);
  EXPECT_EQ(tiers->WordOf("Srare"), nullptr);    // too rare
  EXPECT_EQ(tiers->WordOf("XAgraph"), nullptr);  // words go by their title term
  const std::optional<WordTiers::Mapping> mapping = tiers->Map();
  ASSERT_TRUE(mapping);
  for (const auto& [title_term, abstract_term] :
       {std::pair<std::string, std::string>{"ZSmodel", "ZXAmodel"},
        {"Sgraph", "XAgraph"},
        {"Sfor", "XAfor"}}) {
    const WordTiers::Word* word = tiers->WordOf(title_term);
    ASSERT_NE(word, nullptr) << title_term;
    EXPECT_EQ(word->abstract_term, abstract_term);
    // A word of titles alone has no abstract term part: its weight is its title's.
    EXPECT_EQ(word->abstract_term_part == 0, database.get_termfreq(abstract_term) == 0);
    const std::map<Xapian::docid, Parts> expected =
        ExpectedParts(database, title_term, abstract_term);
    std::map<Xapian::docid, Parts> kept;
    std::vector<double> lightest_of_tier;
    std::vector<double> heaviest_of_tier;
    const auto weight = [&](Parts parts) {  // normalised, as the tiers order them
      return (word->title_term_part * parts.first + word->abstract_term_part * parts.second) /
             (word->title_term_part + word->abstract_term_part);
    };
    for (const WordTiers::Tier& tier : word->tiers) {
      const auto ids = mapping->Ids(tier);
      const auto titles = mapping->TitleParts(tier);
      const auto abstracts = mapping->AbstractParts(tier);
      double lightest = 1e9;
      double heaviest = 0;
      std::uint16_t largest_title = 0;
      std::uint16_t largest_abstract = 0;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
          EXPECT_LT(ids[i - 1], ids[i]) << title_term << ": in id order";
        }
        EXPECT_TRUE(kept.emplace(ids[i], Parts{titles[i], abstracts[i]}).second)
            << title_term << ": document " << ids[i] << " in two tiers";
        lightest = std::min(lightest, weight({titles[i], abstracts[i]}));
        heaviest = std::max(heaviest, weight({titles[i], abstracts[i]}));
        largest_title = std::max(largest_title, titles[i]);
        largest_abstract = std::max(largest_abstract, abstracts[i]);
      }
      EXPECT_EQ(tier.largest_title_part, largest_title);
      EXPECT_EQ(tier.largest_abstract_part, largest_abstract);
      // The first id of every block of kIdsPerBlock.
      std::vector<std::uint32_t> heads;
      for (std::size_t i = 0; i < ids.size(); i += WordTiers::kIdsPerBlock) heads.push_back(ids[i]);
      const auto kept_heads = mapping->BlockHeads(tier);
      EXPECT_EQ(std::vector<std::uint32_t>(kept_heads.begin(), kept_heads.end()), heads)
          << title_term;
      // Rounded up from the exact weight, as the parts were: within a unit of theirs.
      if (!ids.empty()) {
        EXPECT_GE(tier.largest_weight + 1.0, heaviest);
      }
      lightest_of_tier.push_back(lightest);
      heaviest_of_tier.push_back(heaviest);
    }
    EXPECT_EQ(kept, expected) << title_term;
    // Heaviest first: no document of a tier outweighs one of the tier before (within the
    // rounding of the kept parts, one unit each).
    for (std::size_t tier = 1; tier < heaviest_of_tier.size(); ++tier) {
      if (heaviest_of_tier[tier] == 0) continue;
      EXPECT_LE(heaviest_of_tier[tier], lightest_of_tier[tier - 1] + 1) << title_term;
    }
    // The heaviest 1/64 first, and so on.
    EXPECT_EQ(word->tiers[0].count, (expected.size() + 63) / 64) << title_term;
  }
}

// Every document's length, as Xapian has it, up to the last id at the build.
TEST(WordTiers, KeepEveryDocumentsLength) {
  const coolpapers::testing::TempDir dir;
  Xapian::WritableDatabase database = TieredIndex();
  database.delete_document(7);  // an id without a document
  database.commit();
  const std::filesystem::path file = dir.path() / "tiers";
  ASSERT_TRUE(WordTiers::Write(database, kCommon, file));
  const std::optional<WordTiers> tiers = WordTiers::Open(file);
  ASSERT_TRUE(tiers);
  const std::optional<WordTiers::Mapping> mapping = tiers->Map();
  ASSERT_TRUE(mapping);
  for (Xapian::docid docid = 1; docid <= 900; ++docid) {
    EXPECT_EQ(mapping->DocumentLength(docid), docid == 7 ? 0 : database.get_doclength(docid))
        << docid;
  }
  EXPECT_EQ(mapping->DocumentLength(901), std::nullopt);  // past the build
  EXPECT_EQ(mapping->DocumentLength(0), std::nullopt);
}

// A seek finds what a binary search of the ids from the same place finds, with the block heads
// and without, whatever the distance: one place on, within the block, blocks away, past the end;
// and ids either side of 2^31, which a signed comparison would put in the wrong order.
TEST(SeekTo, FindsTheFirstIdAtLeastTheOneSought) {
  std::mt19937 random(19);
  for (const std::uint32_t first : {0u, 0x7fffc000u}) {
    for (const std::size_t size : {0, 1, 63, 64, 65, 1000, 20000}) {
      std::vector<std::uint32_t> ids;
      std::uint32_t id = first;
      for (std::size_t i = 0; i < size; ++i) ids.push_back(id += 1 + random() % 9);
      std::vector<std::uint32_t> heads;
      for (std::size_t i = 0; i < ids.size(); i += WordTiers::kIdsPerBlock) heads.push_back(ids[i]);
      for (int trial = 0; trial < 3000; ++trial) {
        const std::size_t from = size == 0 ? 0 : random() % (size + 1);
        const std::uint32_t sought =
            first + static_cast<std::uint32_t>(random() % (id - first + 20));
        const auto expected = static_cast<std::size_t>(
            std::lower_bound(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.end(), sought) -
            ids.begin());
        EXPECT_EQ(SeekTo(ids, heads, from, sought), expected)
            << "size " << size << ", from " << from << ", id " << sought;
        EXPECT_EQ(SeekTo(ids, {}, from, sought), expected)
            << "no heads: size " << size << ", from " << from << ", id " << sought;
      }
    }
  }
}

// How much of `file`'s mapping in this process is resident, in kB (/proc/self/smaps), or -1
// when it is not mapped.
long MappedResidentKb(const std::filesystem::path& file) {
  std::ifstream smaps("/proc/self/smaps");
  bool in_file = false;
  for (std::string line; std::getline(smaps, line);) {
    if (line.ends_with(" " + file.string())) {
      in_file = true;
    } else if (in_file && line.starts_with("Rss:")) {
      return std::stol(line.substr(4));
    }
  }
  return -1;
}

// Every search of `tiers` reads a word's ids (the pages of its tiers) and every document's length
// (kept in memory: not the file's pages); returns what it read.
std::pair<std::size_t, Xapian::termcount> SearchEveryPage(const WordTiers& tiers) {
  const std::optional<WordTiers::Mapping> mapping = tiers.Map();
  std::size_t ids = 0;
  for (const WordTiers::Tier& tier : tiers.WordOf("ZSmodel")->tiers) {
    for (const std::uint32_t id : mapping->Ids(tier)) ids += id;
  }
  Xapian::termcount lengths = 0;
  for (Xapian::docid docid = 1; docid <= 900; ++docid) lengths += *mapping->DocumentLength(docid);
  return {ids, lengths};
}

TEST(WordTiers, StayMappedBetweenSearchesUpToTheirBound) {
  const coolpapers::testing::TempDir dir;
  const std::filesystem::path kept = dir.path() / "kept";
  const std::filesystem::path bounded = dir.path() / "bounded";
  ASSERT_TRUE(WordTiers::Write(TieredIndex(), kCommon, kept));
  std::filesystem::copy_file(kept, bounded);

  // Under the bound (far above a small file): the pages a search read stay.
  std::pair<std::size_t, Xapian::termcount> read;
  {
    const std::optional<WordTiers> under = WordTiers::Open(kept, WordTiers::kMostResidentBytes);
    ASSERT_TRUE(under);
    read = SearchEveryPage(*under);
    EXPECT_GT(read.first, 0u);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(SearchEveryPage(*under), read);
    EXPECT_GT(MappedResidentKb(kept), 0) << "the pages read are resident";
  }  // closed: its bound no longer counts (one bound for every mapping: ResidentMappings)

  // Past it (0 bytes): they are let go, on a thread of their own, every few searches; the file
  // stays mapped and reads the same.
  const std::optional<WordTiers> past = WordTiers::Open(bounded, /*most_resident=*/0);
  ASSERT_TRUE(past);
  bool let_go = false;
  for (int i = 0; i < 500 && !let_go; ++i) {
    EXPECT_EQ(SearchEveryPage(*past), read);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    let_go = MappedResidentKb(bounded) == 0;
  }
  EXPECT_TRUE(let_go) << MappedResidentKb(bounded) << " kB of the file still resident";
  EXPECT_EQ(SearchEveryPage(*past), read);
}

TEST(WordTiers, AreReadBackOrNotAtAll) {
  const coolpapers::testing::TempDir dir;
  const std::filesystem::path file = dir.path() / "tiers";
  EXPECT_FALSE(WordTiers::Open(file));  // none yet
  ASSERT_TRUE(WordTiers::Write(TieredIndex(), kCommon, file));
  ASSERT_TRUE(WordTiers::Open(file));
  const auto size = std::filesystem::file_size(file);

  const std::filesystem::path cut = dir.path() / "cut";
  std::filesystem::copy_file(file, cut);
  std::filesystem::resize_file(cut, size - 3);
  EXPECT_FALSE(WordTiers::Open(cut)) << "a file cut short";

  const std::filesystem::path damaged = dir.path() / "damaged";
  std::filesystem::copy_file(file, damaged);
  {
    std::fstream bytes(damaged, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(static_cast<std::streamoff>(size - 20));  // the directory's last number
    bytes.put('\x7f');
  }
  EXPECT_FALSE(WordTiers::Open(damaged)) << "a damaged directory";
}

TEST(WordTiers, AStopLeavesNoFile) {
  const coolpapers::testing::TempDir dir;
  const std::filesystem::path file = dir.path() / "tiers";
  std::stop_source stop;
  stop.request_stop();
  EXPECT_FALSE(WordTiers::Write(TieredIndex(), kCommon, file, stop.get_token()));
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "no temporary file left";
}

}  // namespace
}  // namespace coolpapers::search
