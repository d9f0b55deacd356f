#include "ingest/venue/bibtex_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(BibTexReader, ReadsBracedQuotedNumericAndConcatenatedValues) {
  const BibFile bib = ReadBibTex(
      "% a comment line\n"
      "@string{ conf = \"Conference on\" }\n"
      "@STRING(robots = {Robot Learning})\n"
      "@Comment{ ignored {nested} }\n"
      "@InProceedings{xie25,\n"
      "  Title = {Data {R}etrieval \"quoted\"},\n"
      "  booktitle = conf # \" \" # robots,\n"
      "  year = 2025,\n"
      "  month = oct,\n"
      "  note = \"a {\"}brace\"\n"
      "}\n");
  ASSERT_TRUE(bib.errors.empty()) << bib.errors[0].message;
  ASSERT_EQ(bib.entries.size(), 1u);
  const BibEntry& entry = bib.entries[0];
  EXPECT_EQ(entry.type, "inproceedings");
  EXPECT_EQ(entry.key, "xie25");
  EXPECT_EQ(entry.line, 5);
  EXPECT_THAT(entry.fields,
              ElementsAre(Pair("title", "Data {R}etrieval \"quoted\""),
                          Pair("booktitle", "Conference on Robot Learning"), Pair("year", "2025"),
                          Pair("month", "October"), Pair("note", "a {\"}brace")));
  EXPECT_EQ(entry.Field("missing"), "");
}

TEST(BibTexReader, ReportsABrokenEntryAndReadsOn) {
  const BibFile bib = ReadBibTex(
      "@article{one,\n  title = {Fine},\n}\n"
      "@article{two,\n  title = undefinedmacro,\n}\n"
      "@article{three,\n  title {no equals}\n}\n"
      "@article(four, title = \"Parenthesised\")\n");
  ASSERT_EQ(bib.entries.size(), 2u);
  EXPECT_EQ(bib.entries[0].key, "one");
  EXPECT_EQ(bib.entries[1].key, "four");
  EXPECT_EQ(bib.entries[1].Field("title"), "Parenthesised");
  ASSERT_EQ(bib.errors.size(), 2u);
  EXPECT_EQ(bib.errors[0].line, 4);
  EXPECT_THAT(bib.errors[0].message, HasSubstr("undefined macro \"undefinedmacro\""));
  EXPECT_EQ(bib.errors[1].line, 7);
  EXPECT_THAT(bib.errors[1].message, HasSubstr("expected \"=\""));
}

TEST(BibTexReader, TurnsTexIntoText) {
  EXPECT_EQ(BibTexToText("$\\pi_{0.5}$: a {V}ision--{L}anguage Model"),
            "$\\pi_{0.5}$: a Vision–Language Model");
  EXPECT_EQ(BibTexToText("Schr{\\\"o}dinger \\& Co.~at 50\\%"), "Schrödinger & Co. at 50%");
  EXPECT_EQ(BibTexToText("``Quoted''  ---\n  text"), "\"Quoted\" — text");
}

TEST(BibTexReader, SplitsAuthorsFirstNameFirst) {
  EXPECT_THAT(SplitBibTexNames("Black, Kevin and Lim, Joseph J. and {van der Berg}, A and "
                               "Jane Doe and King, Jr, Martin and {Barnes and Noble}"),
              ElementsAre("Kevin Black", "Joseph J. Lim", "A van der Berg", "Jane Doe",
                          "Martin King Jr", "Barnes and Noble"));
  EXPECT_THAT(SplitBibTexNames(""), ElementsAre());
}

}  // namespace
}  // namespace coolpapers::ingest
