// Block bounds (block_bounds.h): every kept part bounds the documents of its block, words bound
// their two fields together, and the bounds read back exactly as written.
#include "search/block_bounds.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <optional>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

namespace coolpapers::search {
namespace {

// A small index of titles (S) and abstracts (XA) of a few words, with wdfs and lengths that vary.
Xapian::WritableDatabase SmallIndex(int documents) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::mt19937 random(7);
  const std::vector<std::string> words = {"model", "graph", "robot", "speech", "vision"};
  for (int i = 0; i < documents; ++i) {
    Xapian::Document document;
    for (const std::string& word : words) {
      if (random() % 3 == 0) document.add_term("S" + word, 1 + random() % 3);
      if (random() % 2 == 0) document.add_term("XA" + word, 1 + random() % 5);
    }
    document.add_term("Sfiller", 1 + random() % 40);  // lengths vary
    document.add_boolean_term("XCcs.CL");
    database.add_document(document);
  }
  database.commit();
  return database;
}

const BlockBounds::Options kSmall{.max_blocks = 16, .min_termfreq = 20};

TEST(BlockBounds, EveryPartBoundsTheDocumentsOfItsBlock) {
  const Xapian::WritableDatabase database = SmallIndex(500);
  const BlockBounds bounds = *BlockBounds::Build(database, kSmall);
  ASSERT_EQ(bounds.covered_through(), 500u);
  ASSERT_LE(bounds.block_count(), 16u);
  const double average = database.get_avlength();
  int checked = 0;
  for (const std::string term : {"Smodel", "XAgraph", "Sfiller"}) {
    const std::optional<BlockParts> parts = bounds.PartsOf(term);
    ASSERT_TRUE(parts) << term;
    std::vector<bool> seen(bounds.block_count(), false);
    for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
      const std::uint32_t block = bounds.BlockOf(*it);
      seen[block] = true;
      EXPECT_GE((*parts)[block] / kPartScale,
                Bm25DocumentPart(it.get_wdf(), it.get_doclength(), average))
          << term << " in document " << *it;
      ++checked;
    }
    for (std::uint32_t block = 0; block < bounds.block_count(); ++block) {
      EXPECT_EQ((*parts)[block] != 0, seen[block]) << term << " block " << block;
    }
  }
  EXPECT_GT(checked, 300);
  // Boolean terms weigh nothing and get no parts.
  EXPECT_FALSE(bounds.PartsOf("XCcs.CL"));
}

TEST(BlockBounds, AStopCutsTheBuildShort) {
  const Xapian::WritableDatabase database = SmallIndex(100);
  std::stop_source stopping;
  stopping.request_stop();
  EXPECT_FALSE(BlockBounds::Build(database, kSmall, stopping.get_token()));
}

TEST(BlockBounds, AWordBoundsItsTitleAndAbstractTogether) {
  const Xapian::WritableDatabase database = SmallIndex(500);
  const BlockBounds bounds = *BlockBounds::Build(database, kSmall);
  const std::optional<BlockBounds::WordParts> word = bounds.WordPartsOf("Srobot");
  ASSERT_TRUE(word);
  EXPECT_EQ(word->abstract_term, "XArobot");
  const double average = database.get_avlength();
  std::map<Xapian::docid, double> weight;  // the word's weight, by document
  for (const auto& [term, term_part] : {std::pair{"Srobot", word->title_term_part},
                                        std::pair{"XArobot", word->abstract_term_part}}) {
    for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
      weight[*it] += term_part * Bm25DocumentPart(it.get_wdf(), it.get_doclength(), average);
    }
  }
  const double scale = word->title_term_part + word->abstract_term_part;
  std::vector<double> best(bounds.block_count(), 0);
  for (const auto& [docid, w] : weight) {
    const std::uint32_t block = bounds.BlockOf(docid);
    EXPECT_GE(word->parts[block] / kPartScale * scale, w) << docid;
    best[block] = std::max(best[block], w);
  }
  // Tight: each block's part is its best document's, rounded up by at most a unit.
  for (std::uint32_t block = 0; block < bounds.block_count(); ++block) {
    EXPECT_NEAR(word->parts[block] / kPartScale * scale, best[block], 2 * scale / kPartScale);
  }
  EXPECT_EQ(AbstractTwin("ZSmodel"), "ZXAmodel");
  EXPECT_EQ(AbstractTwin("Smodels"), "XAmodels");
  EXPECT_FALSE(AbstractTwin("XAmodel"));
}

TEST(BlockBounds, ReadBackExactlyOrNotAtAll) {
  const Xapian::WritableDatabase database = SmallIndex(300);
  const BlockBounds bounds = *BlockBounds::Build(database, kSmall);
  const std::optional<BlockBounds> read = BlockBounds::Parse(bounds.Serialised());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->Serialised(), bounds.Serialised());
  EXPECT_EQ(read->block_count(), bounds.block_count());
  EXPECT_EQ(read->covered_through(), bounds.covered_through());
  EXPECT_EQ(read->average_length(), bounds.average_length());
  EXPECT_EQ(read->term_count(), bounds.term_count());
  for (std::uint32_t block = 0; block < bounds.block_count(); ++block) {
    EXPECT_EQ((*read->PartsOf("XAspeech"))[block], (*bounds.PartsOf("XAspeech"))[block]);
    EXPECT_EQ(read->WordPartsOf("Svision")->parts[block],
              bounds.WordPartsOf("Svision")->parts[block]);
  }
  const std::string& whole = bounds.Serialised();
  EXPECT_FALSE(BlockBounds::Parse(whole.substr(0, whole.size() - 1)));
  EXPECT_FALSE(BlockBounds::Parse(whole + "x"));
  EXPECT_FALSE(BlockBounds::Parse("cpbb1" + whole.substr(5)));
  EXPECT_FALSE(BlockBounds::Parse(""));
}

TEST(BlockBounds, MatchXapiansBm25) {
  // The formula the bounds rest on, checked against BM25Weight's own weights.
  const Xapian::WritableDatabase database = SmallIndex(200);
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query("XAmodel"));
  const Xapian::MSet matches = enquire.get_mset(0, 200);
  ASSERT_GT(matches.size(), 50u);
  const double term_part =
      Bm25TermPart(database.get_doccount(), database.get_termfreq("XAmodel"), 1);
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    const Xapian::Document document = it.get_document();
    auto term = document.termlist_begin();
    term.skip_to("XAmodel");
    EXPECT_NEAR(it.get_weight(),
                term_part * Bm25DocumentPart(term.get_wdf(), database.get_doclength(*it),
                                             database.get_avlength()),
                1e-12);
  }
}

TEST(BlockBounds, AKeptPartTellsItsWdfOrNothing) {
  // From the shortest document to one 40 times the average: the kept part of every wdf up to
  // 600 gives that wdf back, or nothing where parts are too close together to tell apart, never
  // another wdf; every wdf a title or abstract has (a few dozen at most) is told.
  constexpr double kAverage = 120;
  for (const Xapian::termcount length : {1u, 10u, 60u, 120u, 400u, 5000u}) {
    for (Xapian::termcount wdf = 1; wdf <= 600; ++wdf) {
      const std::uint16_t kept = KeptPart(Bm25DocumentPart(wdf, length, kAverage));
      const std::optional<Xapian::termcount> told = WdfOfKeptPart(kept, length, kAverage);
      if (wdf <= 60) {
        EXPECT_EQ(told, wdf) << "length " << length;
      } else if (told) {
        EXPECT_EQ(*told, wdf) << "length " << length;
      }
    }
  }
  EXPECT_EQ(WdfOfKeptPart(0, 100, kAverage), 0u);  // no posting
  EXPECT_FALSE(WdfOfKeptPart(65535, 100, kAverage));  // every large wdf rounds up to it
}

}  // namespace
}  // namespace coolpapers::search
