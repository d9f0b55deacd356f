#include "ingest/venue/simple_yaml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::ingest {
namespace {

using ::testing::Contains;
using ::testing::Pair;

TEST(SimpleYaml, ReadsScalarsNestedKeysAndSkipsSequences) {
  const auto values = ReadSimpleYaml(
      "---\n"
      "# a comment\n"
      "booktitle: Proceedings of the Fifteenth International Conference on Artificial Intelligence\n"
      "  and Statistics\n"
      "year: '2012'\n"
      "start: &1 2025-09-27\n"
      "quoted: \"a \\\"b\\\"\"\n"
      "single: 'it''s'\n"
      "sections:\n"
      "- name: Oral\n"
      "  title: Oral\n"
      "conference:\n"
      "  name: Conference on Robot Learning\n"
      "  location: Seoul, Korea  # where\n"
      "  dates:\n"
      "  - *1\n"
      "description: |\n"
      "  Line one\n"
      "    indented\n"
      "\n"
      "  Line three\n"
      "url: https://proceedings.mlr.press\n");
  EXPECT_THAT(values, Contains(Pair("booktitle",
                                    "Proceedings of the Fifteenth International Conference on "
                                    "Artificial Intelligence and Statistics")));
  EXPECT_THAT(values, Contains(Pair("year", "2012")));
  EXPECT_THAT(values, Contains(Pair("start", "2025-09-27")));
  EXPECT_THAT(values, Contains(Pair("quoted", "a \"b\"")));
  EXPECT_THAT(values, Contains(Pair("single", "it's")));
  EXPECT_THAT(values, Contains(Pair("conference.name", "Conference on Robot Learning")));
  EXPECT_THAT(values, Contains(Pair("conference.location", "Seoul, Korea")));
  EXPECT_THAT(values, Contains(Pair("description", "Line one\nindented\n\nLine three")));
  EXPECT_THAT(values, Contains(Pair("url", "https://proceedings.mlr.press")));
  EXPECT_FALSE(values.contains("sections.name"));
  EXPECT_FALSE(values.contains("name"));
}

}  // namespace
}  // namespace coolpapers::ingest
