// The index's block cache (index_block_cache.h): whole blocks kept and answered again, shared
// by the descriptors of one file and gone with the last; other reads passed to the file; at most
// its bound held, the blocks asked again kept longest; a block this process writes read from the
// file again, even when the write comes while it is being read; and Xapian, reading through the
// process's cache, answering as its own writer left the index.
#include "search/index_block_cache.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

// The file reads the cache makes, counted; `during_read` runs after the bytes are read and
// before the cache sees them (a write arriving meanwhile).
int file_reads = 0;
std::function<void()> during_read;

ssize_t CountedRead(int descriptor, void* buffer, std::size_t count, off_t offset) {
  ++file_reads;
  const ssize_t read = ::pread(descriptor, buffer, count, offset);
  if (during_read) during_read();
  return read;
}

// A block whose every byte is `fill`.
std::string Block(char fill) { return std::string(kBlockBytes, fill); }

class IndexBlockCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_reads = 0;
    during_read = nullptr;
    std::string content;
    for (char fill = 'a'; fill < 'a' + 10; ++fill) content += Block(fill);  // blocks 0-9
    const int out = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(out, 0);
    ASSERT_EQ(::write(out, content.data(), content.size()), static_cast<ssize_t>(content.size()));
    ::close(out);
  }
  void TearDown() override { during_read = nullptr; }

  int OpenToRead() const {
    const int descriptor = ::open(path_.c_str(), O_RDONLY);
    EXPECT_GE(descriptor, 0);
    return descriptor;
  }

  // Block `block` read through `cache` on `descriptor`.
  static std::string ReadBlock(IndexBlockCache& cache, int descriptor, int block) {
    std::string bytes(kBlockBytes, '\0');
    EXPECT_EQ(cache.Read(descriptor, bytes.data(), kBlockBytes, off_t{block} * kBlockBytes),
              static_cast<ssize_t>(kBlockBytes));
    return bytes;
  }

  const coolpapers::testing::TempDir dir_;
  const std::string path_ = (dir_.path() / "postlist.glass").string();
};

TEST_F(IndexBlockCacheTest, AnswerAKeptBlockWithoutReadingTheFile) {
  IndexBlockCache cache(4 * kBlockBytes, &CountedRead);
  const int descriptor = OpenToRead();
  cache.Opened(descriptor);
  EXPECT_EQ(ReadBlock(cache, descriptor, 3), Block('d'));
  EXPECT_EQ(ReadBlock(cache, descriptor, 3), Block('d'));
  EXPECT_EQ(file_reads, 1);
  const IndexBlockCacheCounts counts = cache.Counts();
  EXPECT_EQ(counts.hits, 1);
  EXPECT_EQ(counts.misses, 1);
  EXPECT_EQ(counts.blocks, 1);
  EXPECT_EQ(counts.most_bytes, 4 * kBlockBytes);
  cache.Closed(descriptor);
  ::close(descriptor);
}

TEST_F(IndexBlockCacheTest, PassOtherReadsAndOtherDescriptorsToTheFile) {
  IndexBlockCache cache(4 * kBlockBytes, &CountedRead);
  const int opened = OpenToRead();
  const int not_opened = OpenToRead();
  cache.Opened(opened);
  std::string part(5, '\0');
  for (int twice = 0; twice < 2; ++twice) {
    EXPECT_EQ(cache.Read(opened, part.data(), part.size(), kBlockBytes - 2), 5);  // unaligned
    EXPECT_EQ(part, "aabbb");
    EXPECT_EQ(ReadBlock(cache, not_opened, 1), Block('b'));
  }
  EXPECT_EQ(file_reads, 4);
  EXPECT_EQ(cache.Counts().passed, 2);
  EXPECT_EQ(cache.Counts().blocks, 0);
  cache.Closed(opened);
  ::close(opened);
  ::close(not_opened);
}

TEST_F(IndexBlockCacheTest, ShareAFilesBlocksAndDropThemWithItsLastDescriptor) {
  IndexBlockCache cache(4 * kBlockBytes, &CountedRead);
  const int first = OpenToRead();
  const int second = OpenToRead();
  cache.Opened(first);
  cache.Opened(second);
  EXPECT_EQ(ReadBlock(cache, first, 2), Block('c'));
  EXPECT_EQ(ReadBlock(cache, second, 2), Block('c'));
  EXPECT_EQ(file_reads, 1) << "the second descriptor reads the first's block";
  cache.Closed(first);
  ::close(first);
  EXPECT_EQ(cache.Counts().blocks, 1);
  cache.Closed(second);
  ::close(second);
  EXPECT_EQ(cache.Counts().blocks, 0);
}

TEST_F(IndexBlockCacheTest, HoldAtMostTheBoundKeepingTheBlocksAskedAgain) {
  IndexBlockCache cache(4 * kBlockBytes + 100, &CountedRead);  // 4 whole blocks
  const int descriptor = OpenToRead();
  cache.Opened(descriptor);
  for (int block = 0; block < 4; ++block) ReadBlock(cache, descriptor, block);
  EXPECT_EQ(ReadBlock(cache, descriptor, 0), Block('a'));  // asked again
  EXPECT_EQ(file_reads, 4);
  EXPECT_EQ(ReadBlock(cache, descriptor, 4), Block('e'));  // the first not asked again goes: 1
  EXPECT_EQ(cache.Counts().blocks, 4);
  EXPECT_EQ(file_reads, 5);
  EXPECT_EQ(ReadBlock(cache, descriptor, 0), Block('a'));
  EXPECT_EQ(file_reads, 5) << "block 0, asked again, stayed";
  EXPECT_EQ(ReadBlock(cache, descriptor, 1), Block('b'));
  EXPECT_EQ(file_reads, 6) << "block 1 was let go";
  for (int block = 0; block < 10; ++block) {
    EXPECT_EQ(ReadBlock(cache, descriptor, block), Block(static_cast<char>('a' + block)));
    EXPECT_LE(cache.Counts().blocks, 4);
  }
  cache.Closed(descriptor);
  ::close(descriptor);
}

TEST_F(IndexBlockCacheTest, ReadABlockThisProcessWroteFromTheFileAgain) {
  IndexBlockCache cache(4 * kBlockBytes, &CountedRead);
  const int reader = OpenToRead();
  cache.Opened(reader);
  EXPECT_EQ(ReadBlock(cache, reader, 5), Block('f'));
  EXPECT_EQ(ReadBlock(cache, reader, 6), Block('g'));
  const int writer = ::open(path_.c_str(), O_RDWR);  // the writer's own descriptor, not Opened
  ASSERT_GE(writer, 0);
  const std::string written = Block('F');
  ASSERT_EQ(::pwrite(writer, written.data(), written.size(), 5 * kBlockBytes),
            static_cast<ssize_t>(kBlockBytes));
  cache.Written(writer, 5 * kBlockBytes, kBlockBytes);
  EXPECT_EQ(cache.Counts().forgotten, 1);
  EXPECT_EQ(ReadBlock(cache, reader, 5), Block('F'));
  EXPECT_EQ(ReadBlock(cache, reader, 6), Block('g'));
  EXPECT_EQ(file_reads, 3) << "block 6 was not written: still kept";
  ::close(writer);
  cache.Closed(reader);
  ::close(reader);
}

TEST_F(IndexBlockCacheTest, KeepNoBlockReadBeforeAWriteThatCameDuringTheRead) {
  IndexBlockCache cache(4 * kBlockBytes, &CountedRead);
  const int reader = OpenToRead();
  cache.Opened(reader);
  const int writer = ::open(path_.c_str(), O_RDWR);
  ASSERT_GE(writer, 0);
  during_read = [&] {  // the old bytes are read; the write lands before the cache keeps them
    during_read = nullptr;
    const std::string written = Block('H');
    ASSERT_EQ(::pwrite(writer, written.data(), written.size(), 7 * kBlockBytes),
              static_cast<ssize_t>(kBlockBytes));
    cache.Written(writer, 7 * kBlockBytes, kBlockBytes);
  };
  EXPECT_EQ(ReadBlock(cache, reader, 7), Block('h')) << "what the file had when read";
  EXPECT_EQ(cache.Counts().blocks, 0);
  EXPECT_EQ(ReadBlock(cache, reader, 7), Block('H'));
  ::close(writer);
  cache.Closed(reader);
  ::close(reader);
}

// Through the process's hooks (mapped_index_reads.cc) and Xapian, as serve reads: a reader's
// answers are those of the documents the process's own writer last committed, block reuse
// included (replacing every document frees the tables' blocks, which the next commit rewrites).
TEST(ProcessIndexBlockCache, XapianReadsWhatItsWriterCommitted) {
  const coolpapers::testing::TempDir dir;
  const std::string index = (dir.path() / "index").string();
  CacheIndexBlocks(std::size_t{16} << 20);  // the whole index
  const auto write = [&](Xapian::WritableDatabase& writer, const std::string& version) {
    for (Xapian::docid id = 1; id <= 3000; ++id) {
      Xapian::Document document;
      document.set_data(version + " " + std::to_string(id));
      for (int word = 0; word < 12; ++word) {
        document.add_posting(version + std::to_string((id * 7 + word * 13) % 400),
                             static_cast<Xapian::termpos>(word + 1));
      }
      writer.replace_document(id, document);
    }
    writer.commit();
  };
  // Every document the reader finds for the words of `version`, by their data.
  const auto found = [](const Xapian::Database& reader, const std::string& version) {
    std::vector<std::string> data;
    for (int word = 0; word < 400; word += 7) {
      Xapian::Enquire enquire(reader);
      enquire.set_query(Xapian::Query(version + std::to_string(word)));
      const Xapian::MSet matches = enquire.get_mset(0, 3000);
      for (auto it = matches.begin(); it != matches.end(); ++it) {
        data.push_back(it.get_document().get_data());
      }
    }
    return data;
  };
  std::size_t expected_matches = 0;  // (document, word) pairs of the words `found` asks for
  for (Xapian::docid id = 1; id <= 3000; ++id) {
    std::set<int> words;
    for (int word = 0; word < 12; ++word) words.insert((id * 7 + word * 13) % 400);
    expected_matches += std::count_if(words.begin(), words.end(),
                                      [](int word) { return word % 7 == 0; });
  }
  Xapian::WritableDatabase writer(index, Xapian::DB_CREATE);
  write(writer, "first");
  Xapian::Database reader(index);
  // Glass reopens its tables' files on reopen(): another reader keeps them open meanwhile, as
  // serve's readers do one another, so that the blocks kept are not dropped with them.
  const Xapian::Database other(index);
  const std::vector<std::string> first = found(reader, "first");
  ASSERT_EQ(first.size(), expected_matches);
  for (const std::string& data : first) ASSERT_EQ(data.rfind("first ", 0), 0u) << data;
  EXPECT_GT(CountIndexBlockCache().hits, 0);

  // Glass frees the first commit's blocks with the second, and writes later ones into them.
  write(writer, "second");
  write(writer, "third");
  write(writer, "fourth");
  ASSERT_TRUE(reader.reopen());
  EXPECT_GT(CountIndexBlockCache().forgotten, 0);
  EXPECT_TRUE(found(reader, "first").empty());
  const std::vector<std::string> last = found(reader, "fourth");
  EXPECT_EQ(last.size(), expected_matches) << "the same words, renamed";
  for (const std::string& data : last) ASSERT_EQ(data.rfind("fourth ", 0), 0u) << data;
}

}  // namespace
}  // namespace coolpapers::search
