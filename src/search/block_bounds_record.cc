#include "search/block_bounds_record.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "search/word_tiers.h"

namespace coolpapers::search {
namespace {

// Where the index keeps them (Xapian metadata): the bounds, and the documents replaced since
// they were built (their old parts no longer bound them).
constexpr std::string_view kBlockBoundsKey = "coolpapers.block_bounds";
constexpr std::string_view kBlockBoundsChangedKey = "coolpapers.block_bounds_changed";

// "<format> <revision> <covered_through>": unique per build, and gives the bounds' last id
// cheaply; bounds of another format (BlockBounds::kFormat) count as none, so they are built again.
constexpr std::string_view kBlockBoundsIdKey = "coolpapers.block_bounds_id";

// Words in at least this many papers get tiers, whatever the index's size: far rarer ones than
// the block bounds' terms (one paper in 50). Xapian reads the length of every document of a
// word's matches, each from its chunk of the lengths' list: at 2.7M papers, a word of 800 to
// 2,000 papers spread over the ids took it 4.7 to 8.7 ms, one of 12-13,000 13-14 ms, while its
// tiers give its page from a few dozen documents (tier_match.h). At 2.7M papers, 31,568 words
// and 5.2 GB (5,489 words and 4.7 GB when only words of one paper in 200 had tiers: an AND of
// a word in 1-2% of the papers with a common one took Xapian 14 ms, "Measurement of LLM").
// ANDs with such words were measured too: the 251 of the benchmark's 2- and 3-word queries
// with a word under one paper in 200 that the tiers read took 2.8 and 5.1 ms on average, against
// 5.6 and 6.1 ms when Xapian read them.
constexpr Xapian::doccount kFewestTieredPapers = 300;

// The word tiers' file names: this, then the id with '-' for ' '.
constexpr std::string_view kWordTiersPrefix = "word-tiers-";

std::vector<Xapian::docid> ParseDocids(std::string_view text) {
  std::vector<Xapian::docid> docids;
  while (!text.empty()) {
    Xapian::docid docid = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), docid);
    if (ec != std::errc()) break;
    docids.push_back(docid);
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (!text.empty()) text.remove_prefix(1);
  }
  return docids;
}

}  // namespace

BlockBoundsRecord ReadBlockBoundsRecord(const Xapian::Database& database) {
  BlockBoundsRecord record;
  record.id = database.get_metadata(std::string(kBlockBoundsIdKey));
  const std::string format = std::string(BlockBounds::kFormat) + " ";
  if (!record.id.starts_with(format)) return {};  // none, or of another format
  const std::vector<Xapian::docid> numbers =
      ParseDocids(std::string_view(record.id).substr(format.size()));
  if (numbers.size() != 2) return {};  // damaged: as if none
  record.covered_through = numbers[1];
  record.replaced = ParseDocids(database.get_metadata(std::string(kBlockBoundsChangedKey)));
  std::ranges::sort(record.replaced);
  return record;
}

std::optional<BlockBounds> ReadBlockBounds(const Xapian::Database& database) {
  return BlockBounds::Parse(database.get_metadata(std::string(kBlockBoundsKey)));
}

void NoteReplaced(BlockBoundsRecord& record, Xapian::docid docid) {
  if (record.id.empty() || docid > record.covered_through) return;
  const auto at = std::ranges::lower_bound(record.replaced, docid);
  if (at != record.replaced.end() && *at == docid) return;
  record.replaced.insert(at, docid);
  record.replaced_unsaved = true;
}

void SaveReplaced(Xapian::WritableDatabase& database, BlockBoundsRecord& record) {
  if (!record.replaced_unsaved) return;
  record.replaced_unsaved = false;
  if (record.replaced.size() > kMaxReplaced) {
    for (const std::string_view key : {kBlockBoundsKey, kBlockBoundsIdKey, kBlockBoundsChangedKey}) {
      database.set_metadata(std::string(key), "");  // an empty value deletes the key
    }
    record = {};
    return;
  }
  std::string text;
  for (const Xapian::docid docid : record.replaced) {
    if (!text.empty()) text += ' ';
    text += std::to_string(docid);
  }
  database.set_metadata(std::string(kBlockBoundsChangedKey), text);
}

std::optional<BlockBoundsRecord> StoreNewBlockBounds(Xapian::WritableDatabase& database,
                                                     const std::filesystem::path& database_dir,
                                                     const BlockBounds::Options& options,
                                                     std::stop_token stop) {
  const std::optional<BlockBounds> built = BlockBounds::Build(database, options, stop);
  if (!built) return std::nullopt;
  const BlockBounds& bounds = *built;
  BlockBoundsRecord record;
  record.id = std::string(BlockBounds::kFormat) + " " + std::to_string(database.get_revision()) +
              " " + std::to_string(bounds.covered_through());
  record.covered_through = bounds.covered_through();
  const Xapian::doccount tier_min_termfreq =
      options.min_termfreq > 0 ? options.min_termfreq
                               : kFewestTieredPapers;
  if (!WordTiers::Write(database, tier_min_termfreq, WordTiersPath(database_dir, record), stop)) {
    return std::nullopt;
  }
  database.set_metadata(std::string(kBlockBoundsKey), bounds.Serialised());
  database.set_metadata(std::string(kBlockBoundsChangedKey), "");
  database.set_metadata(std::string(kBlockBoundsIdKey), record.id);
  return record;
}

std::filesystem::path WordTiersPath(const std::filesystem::path& database_dir,
                                    const BlockBoundsRecord& record) {
  std::string name = std::string(kWordTiersPrefix) + record.id;
  std::ranges::replace(name, ' ', '-');
  return database_dir / name;
}

void RemoveOtherWordTiers(const std::filesystem::path& database_dir,
                          const BlockBoundsRecord& record) {
  const std::filesystem::path keep = WordTiersPath(database_dir, record);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(database_dir, ec)) {
    if (entry.path().filename().string().starts_with(kWordTiersPrefix) && entry.path() != keep) {
      std::error_code ignored;  // one left behind is removed by the next build
      std::filesystem::remove(entry.path(), ignored);
    }
  }
}

bool BlockBoundsAreStale(const Xapian::Database& database, const BlockBoundsRecord& record) {
  const Xapian::doccount papers = database.get_doccount();
  if (papers < kPapersWorthBounds) return false;
  if (record.id.empty()) return true;
  const Xapian::docid last = database.get_lastdocid();
  const std::size_t unbounded =
      (last > record.covered_through ? last - record.covered_through : 0) + record.replaced.size();
  return unbounded > std::max<std::size_t>(1'000, papers / 100);
}

}  // namespace coolpapers::search
