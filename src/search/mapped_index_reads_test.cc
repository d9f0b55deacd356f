// Xapian's reads of its tables from mappings (mapped_index_reads.h): the same answers as by
// pread(2), a writer's commits seen, only read-only glass tables mapped, and every mapping gone
// with the last descriptor that read through it; past the resident bound the pages are let go
// (resident_mappings.h) and the answers stay the same.
#include "search/mapped_index_reads.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "search/resident_mappings.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

// Documents enough for tables of many blocks: each of 3,000 has a few of 400 words, with
// positions, and its number as data.
void AddDocuments(Xapian::WritableDatabase& database, int first, int count) {
  for (int i = first; i < first + count; ++i) {
    Xapian::Document document;
    document.set_data("paper " + std::to_string(i));
    for (int word = 0; word < 12; ++word) {
      document.add_posting("Sw" + std::to_string((i * 7 + word * 13) % 400),
                           static_cast<Xapian::termpos>(word + 1));
    }
    database.add_document(document);
  }
  database.commit();
}

// The best 20 documents (their data and weights) of several queries, read through `database`.
std::vector<std::pair<std::string, double>> Answers(const Xapian::Database& database) {
  std::vector<std::pair<std::string, double>> answers;
  for (int word = 0; word < 400; word += 37) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR,
                                    Xapian::Query("Sw" + std::to_string(word)),
                                    Xapian::Query("Sw" + std::to_string((word + 5) % 400))));
    const Xapian::MSet matches = enquire.get_mset(0, 20);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      answers.emplace_back(it.get_document().get_data(), it.get_weight());
    }
  }
  return answers;
}

class MappedIndexReadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase database(index_.string(), Xapian::DB_CREATE);
    AddDocuments(database, 0, 3000);
  }
  void TearDown() override { MapIndexReads(false); }

  const coolpapers::testing::TempDir dir_;
  const std::filesystem::path index_ = dir_.path() / "index";
};

TEST_F(MappedIndexReadsTest, AnswerAsReadsFromTheFilesDo) {
  MapIndexReads(false);
  const MappedIndexReads before = CountMappedIndexReads();
  std::vector<std::pair<std::string, double>> by_pread;
  {
    const Xapian::Database database(index_.string());
    by_pread = Answers(database);
    EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped) << "off: none mapped";
  }
  ASSERT_FALSE(by_pread.empty());
  EXPECT_EQ(CountMappedIndexReads().reads_mapped, before.reads_mapped);

  MapIndexReads(true, std::size_t{64} << 20);
  {
    const Xapian::Database database(index_.string());
    EXPECT_EQ(Answers(database), by_pread);
    EXPECT_GT(CountMappedIndexReads().tables_mapped, before.tables_mapped);
    EXPECT_GT(CountMappedIndexReads().reads_mapped, before.reads_mapped);
    const Xapian::Database second(index_.string());  // another reader shares the mappings
    const std::int64_t tables = CountMappedIndexReads().tables_mapped;
    EXPECT_EQ(Answers(second), by_pread);
    EXPECT_EQ(CountMappedIndexReads().tables_mapped, tables);
  }
  EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped)
      << "closing the tables unmaps them";
}

TEST_F(MappedIndexReadsTest, SeeTheWritersCommits) {
  MapIndexReads(true, std::size_t{64} << 20);
  Xapian::Database reader(index_.string());
  const std::vector<std::pair<std::string, double>> first = Answers(reader);
  {
    Xapian::WritableDatabase writer(index_.string(), Xapian::DB_OPEN);
    AddDocuments(writer, 3000, 3000);  // the tables grow past what the reader mapped
  }
  ASSERT_TRUE(reader.reopen());  // Glass opens the tables again: mapped at their new size
  EXPECT_EQ(reader.get_doccount(), 6000u);
  const std::vector<std::pair<std::string, double>> after = Answers(reader);
  EXPECT_NE(after, first);
  MapIndexReads(false);
  EXPECT_EQ(Answers(Xapian::Database(index_.string())), after) << "as a reader by pread sees";
}

// Reads past the size a table had when it was opened (a writer grew it since) are pread(2)s.
TEST_F(MappedIndexReadsTest, ReadPastTheMappingFromTheFile) {
  MapIndexReads(true, std::size_t{64} << 20);
  const std::filesystem::path table = dir_.path() / "grown.glass";
  const auto write = [&](int flags, std::string_view bytes) {
    const int out = ::open(table.c_str(), O_WRONLY | O_CREAT | flags, 0600);
    ASSERT_GE(out, 0);
    ASSERT_EQ(::write(out, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    ::close(out);
  };
  write(O_TRUNC, std::string(4096, 'a'));
  const MappedIndexReads before = CountMappedIndexReads();
  const int in = ::open(table.c_str(), O_RDONLY);
  ASSERT_GE(in, 0);
  EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped + 1);
  write(O_APPEND, std::string(4096, 'b'));
  std::string read(8, '\0');
  EXPECT_EQ(::pread(in, read.data(), 8, 4092), 8);
  EXPECT_EQ(read, "aaaabbbb");
  EXPECT_EQ(::pread(in, read.data(), 4, 100), 4);
  EXPECT_EQ(read.substr(0, 4), "aaaa");
  EXPECT_EQ(CountMappedIndexReads().reads_passed, before.reads_passed + 1);
  EXPECT_EQ(CountMappedIndexReads().reads_mapped, before.reads_mapped + 1);
  ::close(in);
  EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped);
}

TEST_F(MappedIndexReadsTest, LeaveWritersAndOtherFilesAlone) {
  MapIndexReads(true, std::size_t{64} << 20);
  const MappedIndexReads before = CountMappedIndexReads();
  {
    Xapian::WritableDatabase writer(index_.string(), Xapian::DB_OPEN);
    AddDocuments(writer, 3000, 10);
    EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped);
  }
  const std::filesystem::path other = dir_.path() / "notes.txt";
  {
    const int out = ::open(other.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(out, 0);
    ASSERT_EQ(::write(out, "hello", 5), 5);
    ::close(out);
  }
  const int in = ::open(other.c_str(), O_RDONLY);
  ASSERT_GE(in, 0);
  char read[5] = {};
  EXPECT_EQ(::pread(in, read, sizeof read, 0), 5);
  EXPECT_EQ(std::string(read, sizeof read), "hello");
  ::close(in);
  EXPECT_EQ(CountMappedIndexReads().tables_mapped, before.tables_mapped);
  EXPECT_EQ(CountMappedIndexReads().reads_mapped, before.reads_mapped);
}

TEST_F(MappedIndexReadsTest, LetThePagesGoPastTheBoundAndReadTheSame) {
  MapIndexReads(false);
  const std::vector<std::pair<std::string, double>> by_pread =
      Answers(Xapian::Database(index_.string()));
  MapIndexReads(true, /*most_resident=*/0);
  const Xapian::Database database(index_.string());
  const std::int64_t releases = ResidentMappings::Process().releases();
  bool let_go = false;
  for (int i = 0; i < 500 && !let_go; ++i) {
    EXPECT_EQ(Answers(database), by_pread);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a release runs on its thread
    let_go = ResidentMappings::Process().releases() > releases;
  }
  EXPECT_TRUE(let_go);
  EXPECT_EQ(Answers(database), by_pread);
}

}  // namespace
}  // namespace coolpapers::search
