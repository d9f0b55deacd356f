#include "web/pages/paper_page.h"

#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;
using testing::HostilePaper;
using testing::SamplePaper;

TEST(PaperPage, CarriesHighwireMetaTagsForZotero) {
  Paper paper = SamplePaper("2401.06769", {"cs.CL"});
  paper.title = "Attention & Memory";
  const std::string page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_title\" content=\"Attention &amp; Memory\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_author\" content=\"Lovelace, Ada\">\n"
                              "<meta name=\"citation_author\" content=\"Babbage, Charles\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_date\" content=\"2025/05/13\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_online_date\" content=\"2025/05/14\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_pdf_url\" content=\"https://arxiv.org/pdf/2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_arxiv_id\" content=\"2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"description\" content=\"We study $x^2$ on 2401.06769.\">"));
  EXPECT_THAT(page, HasSubstr("<meta property=\"og:title\" content=\"Attention &amp; Memory\">"));
  EXPECT_THAT(page, HasSubstr("<title>Attention &amp; Memory</title>"));
  EXPECT_THAT(page, HasSubstr("<div class=\"panel paper\" id=\"2401.06769\">"));
  EXPECT_THAT(page, HasSubstr("<body id=\"arxiv\""));
}

// What Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js",
// 2024-06) makes of a page's meta tags, by the rules docs/citations.md lists: the item type
// from a Highwire type tag, else from z:itemType (its RDF reader), else journalArticle; the
// HIGHWIRE_MAPPINGS fields; citation_author split at its first comma when it has one
// (ZU.cleanAuthor with useComma), else at its last space; citation_online_date only when there
// is no citation_date; then the preprint's base-field mapping (publisher -> repository,
// number -> archiveID).
struct ZoteroCreator {
  std::string last_name;
  std::string first_name;
  bool operator==(const ZoteroCreator&) const = default;
};
struct ZoteroItem {
  std::map<std::string, std::string> fields;
  std::vector<ZoteroCreator> creators;
};

ZoteroItem ReadAsEmbeddedMetadata(const std::string& page) {
  std::multimap<std::string, std::string> tags;
  const std::regex meta(R"re(<meta name="([^"]+)" content="([^"]*)">)re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), meta); it != std::sregex_iterator();
       ++it) {
    std::string value = (*it)[2];
    for (auto [entity, text] : {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"},
                                {"&gt;", ">"}, {"&#39;", "'"}}) {
      for (size_t at = value.find(entity); at != std::string::npos; at = value.find(entity, at)) {
        value.replace(at, std::string_view(entity).size(), text);
        at += std::string_view(text).size();
      }
    }
    tags.emplace((*it)[1], value);
  }
  auto first = [&](const std::string& name) {
    const auto it = tags.find(name);
    return it == tags.end() ? std::string() : it->second;
  };
  ZoteroItem item;
  std::string type = "journalArticle";
  if (tags.contains("z:itemType")) type = first("z:itemType");
  if (tags.contains("citation_conference_title")) type = "conferencePaper";
  if (tags.contains("citation_journal_title")) type = "journalArticle";
  item.fields["itemType"] = type;
  const std::map<std::string, std::string> highwire = {
      {"citation_title", "title"},         {"citation_date", "date"},
      {"citation_publisher", "publisher"}, {"citation_technical_report_number", "number"},
      {"citation_doi", "DOI"},             {"citation_public_url", "url"},
      {"citation_abstract", "abstractNote"}, {"citation_conference_title", "conferenceName"}};
  for (const auto& [tag, field] : highwire) {
    if (tags.contains(tag)) item.fields[field] = first(tag);
  }
  if (!item.fields.contains("date") && tags.contains("citation_online_date")) {
    item.fields["date"] = first("citation_online_date");
  }
  if (type == "preprint") {
    for (auto [base, field] : {std::pair{"publisher", "repository"}, {"number", "archiveID"}}) {
      if (auto node = item.fields.extract(base)) item.fields[field] = node.mapped();
    }
  }
  // One author tag is split at ";" and, when that gives one name with a space on both sides of
  // a comma, at the comma too (processHighwireCreators); empty and punctuation-only parts drop.
  std::vector<std::string> names;
  auto [begin, end] = tags.equal_range("citation_author");
  for (auto it = begin; it != end; ++it) {
    std::vector<std::string> parts(1);  // as JavaScript's split: "a;" is {"a", ""}
    for (const char c : it->second) {
      if (c == ';') {
        parts.emplace_back();
      } else {
        parts.back() += c;
      }
    }
    const size_t comma = it->second.find(',');
    if (parts.size() == 1 && std::next(begin) == end && comma != std::string::npos &&
        it->second.substr(0, comma).find(' ') != std::string::npos &&
        it->second.substr(comma + 1).find_first_not_of(' ') < it->second.substr(comma + 1).rfind(' ')) {
      parts = {it->second.substr(0, comma), it->second.substr(comma + 1)};
    }
    for (const std::string& part : parts) {
      if (part.find_first_not_of(" ,-.;") != std::string::npos) names.push_back(part);
    }
  }
  for (std::string name : names) {
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    const bool use_comma = name.find(',') != std::string::npos;
    while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
    const size_t split = use_comma ? name.find(',') : name.rfind(' ');
    if (split == std::string::npos) {
      item.creators.push_back({name, ""});
    } else if (use_comma) {
      item.creators.push_back({name.substr(0, split), name.substr(name.find_first_not_of(' ', split + 1))});
    } else {
      item.creators.push_back({name.substr(split + 1), name.substr(0, split)});
    }
  }
  return item;
}

TEST(PaperPage, ZoteroSavesAPreprintWithEveryArxivField) {
  Paper paper = SamplePaper("2401.06769");
  paper.version = 3;
  paper.authors = {"Aäron van den Oord", "Roberto M. Cesar Jr.", "Gemma Team", "Franz Gähler"};
  paper.affiliations = {"", "", "", "Institut für Theoretische Physik"};
  const ZoteroItem item = ReadAsEmbeddedMetadata(RenderPaperPage({{paper}, {}}, PageFrame{}));
  EXPECT_EQ(item.fields.at("itemType"), "preprint");
  EXPECT_EQ(item.fields.at("title"), "Paper 2401.06769");
  EXPECT_EQ(item.fields.at("archiveID"), "arXiv:2401.06769v3");
  EXPECT_EQ(item.fields.at("repository"), "arXiv");
  EXPECT_EQ(item.fields.at("DOI"), "10.48550/arXiv.2401.06769");
  EXPECT_EQ(item.fields.at("date"), "2025/05/13");
  EXPECT_EQ(item.fields.at("url"), "https://arxiv.org/abs/2401.06769");
  EXPECT_EQ(item.creators, (std::vector<ZoteroCreator>{{"van den Oord", "Aäron"},
                                                       {"Cesar Jr.", "Roberto M."},
                                                       {"Gemma Team", ""},
                                                       {"Gähler", "Franz"}}));
}

TEST(PaperPage, ZoteroReadsALoneAuthorAsOne) {
  Paper paper = SamplePaper("2401.06769");
  paper.authors = {"Roberto M. Cesar Jr."};
  const ZoteroItem item = ReadAsEmbeddedMetadata(RenderPaperPage({{paper}, {}}, PageFrame{}));
  EXPECT_EQ(item.creators, (std::vector<ZoteroCreator>{{"Cesar Jr.", "Roberto M."}}));
}

TEST(PaperPage, GivesZoteroTheStoredDoi) {
  Paper paper = SamplePaper("0704.0001");
  paper.doi = "10.1103/PhysRevD.76.013009";
  const ZoteroItem item = ReadAsEmbeddedMetadata(RenderPaperPage({{paper}, {}}, PageFrame{}));
  EXPECT_EQ(item.fields.at("DOI"), "10.1103/PhysRevD.76.013009");
}

TEST(PaperPage, DatesByTheFirstVersionElseByTheIdsMonth) {
  Paper paper = SamplePaper("2401.06769");
  paper.first_listed.reset();
  std::string page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_date\" content=\"2025/05/13\">"));
  EXPECT_THAT(page, Not(HasSubstr("citation_online_date")));
  // Listed in 2025 as a replacement, no version dates: the id's month, not the listing day.
  paper.first_listed = Day("2025-05-14");
  paper.versions.clear();
  page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_date\" content=\"2024/01\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_online_date\" content=\"2025/05/14\">"));
}

TEST(PaperPage, OnePaperSaysWhichVersionAndWhereItWasListed) {
  Paper paper = SamplePaper("2401.06769", {"cs.CL", "cs.AI"});
  paper.version = 2;
  const std::string page = RenderPaperPage({{paper}, {}}, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<span class=\"arxiv-id\">arXiv:2401.06769v2</span>"));
  EXPECT_THAT(page, HasSubstr("Listed <a class=\"listed-day\" href=\"/arxiv/cs.CL?date=2025-05-14\">"
                              "Wed, 14 May 2025</a> in <a class=\"listed-in\" "
                              "href=\"/arxiv/cs.CL?date=2025-05-14\">cs.CL</a>, <a class=\"listed-in\" "
                              "href=\"/arxiv/cs.AI?date=2025-05-14\">cs.AI</a>"));
  // Not a list card numbered "#1": the card names the paper.
  EXPECT_THAT(page, HasSubstr(">2401.06769</a> <a class=\"title-link\""));
  EXPECT_THAT(page, Not(HasSubstr(">#1</a>")));
  EXPECT_THAT(page, Not(HasSubstr("shared-heading")));
  EXPECT_THAT(page, HasSubstr("<p class=\"info paper-info\" data-faq=\"\">"));
  EXPECT_THAT(RenderPaperPage({{paper}, {}}, PageFrame{}, {"en", "zh"}),
              HasSubstr("<p class=\"info paper-info\" data-faq=\"en zh\">"));
}

TEST(PaperPage, ShowsSeveralPapersWithoutCitationTags) {
  const std::string page =
      RenderPaperPage({{SamplePaper("2401.06769"), SamplePaper("1406.2661")}, {"2401.99999"}},
                      PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("citation_title")));
  EXPECT_THAT(page, HasSubstr(">#1</a> <a class=\"title-link\" href=\"/arxiv/2401.06769\">"));
  EXPECT_THAT(page, HasSubstr(">#2</a> <a class=\"title-link\" href=\"/arxiv/1406.2661\">"));
  EXPECT_THAT(page, HasSubstr("Not found here: <a href=\"https://arxiv.org/abs/2401.99999\">"));
  EXPECT_THAT(page, HasSubstr("<h1 class=\"shared-heading\">2 papers, shared by link</h1>"));
  EXPECT_THAT(page, Not(HasSubstr("paper-info")));
}

TEST(PaperPage, EscapesHostileTextInCardsAndMetaTags) {
  const std::string page = RenderPaperPage({{HostilePaper()}, {}}, PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, HasSubstr("<meta name=\"citation_author\" content=\"onerror=alert(1)&gt;, &quot;&gt;&lt;img src=x\">"));
  EXPECT_THAT(page, HasSubstr("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img"));
}

}  // namespace
}  // namespace coolpapers::web
