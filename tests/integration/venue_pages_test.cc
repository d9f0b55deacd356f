// Issue #14's pages on real samples: NAACL 2024 (the Anthology's XML) and CoRL 2025 (the PMLR
// bib) imported from ../shared/data/venues into one SQLite file, served by a Site as `serve`
// builds it, and read back as pages and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/venue/venue_importer.h"
#include "store/sqlite_store.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;

class FailOnMalformed : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine& line) override {
    ADD_FAILURE() << line.file << ":" << line.line << ": " << line.message;
  }
};

TEST(VenuePages, RealEditionsAnswerAsPagesAndJson) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  testing::TempDir dir;
  const std::filesystem::path file = dir.path() / "coolpapers.sqlite";
  auto store = store::OpenSqliteStore(file);
  ASSERT_TRUE(store) << store.error().message;
  auto venues = store::OpenSqliteVenueStore(file);
  ASSERT_TRUE(venues) << venues.error().message;
  FailOnMalformed observer;
  const std::vector<std::filesystem::path> files = {
      data / "venues/acl-anthology/2024.naacl.xml", data / "venues/pmlr/v305-corl2025/corl25.bib"};
  ASSERT_TRUE(ingest::ImportVenueFiles(**venues, files, observer));
  web::SiteServices services;
  services.venues = venues->get();
  web::Site site(**store, web::SiteOptions{}, services);
  auto get = [&site](std::string_view target) {
    return site.Handle(web::testing::GetRequest(target));
  };

  const web::Response naacl = get("/venue/NAACL.2024?group=Long&show=500");
  ASSERT_EQ(naacl.status, 200) << *naacl.body;
  EXPECT_THAT(*naacl.body, HasSubstr("Total: 487"));
  EXPECT_THAT(*naacl.body, HasSubstr("Naive Bayes-based Context Extension for Large Language Models"));
  EXPECT_THAT(*naacl.body, HasSubstr("<span class=\"author\">Qingyun Wang</span> <span "
                                     "class=\"affiliation\">(University of Illinois, Urbana "
                                     "Champaign)</span>"));

  const web::Response paper = get("/venue/2024.naacl-long.431@ACL");
  ASSERT_EQ(paper.status, 200);
  EXPECT_THAT(*paper.body, HasSubstr("<meta name=\"citation_title\" content=\"Naive Bayes-based "
                                     "Context Extension for Large Language Models\">"));
  EXPECT_THAT(*paper.body, HasSubstr("<meta name=\"z:itemType\" content=\"conferencePaper\">"));
  EXPECT_THAT(*paper.body,
              HasSubstr("<meta name=\"citation_pdf_url\" content=\"https://aclanthology.org/2024.naacl-long.431.pdf\">"));

  const web::Response corl = get("/api/venue/CoRL.2025?group=Oral&show=100");
  ASSERT_EQ(corl.status, 200) << *corl.body;
  const nlohmann::json edition = nlohmann::json::parse(*corl.body);
  EXPECT_EQ(edition["total"], 42);
  EXPECT_EQ(edition["papers"].size(), 42u);
  // A PMLR paper known by its OpenReview id too: both ids reach it.
  const std::string id = edition["papers"][0]["id"];
  ASSERT_FALSE(edition["papers"][0]["other_ids"].empty());
  const std::string other = edition["papers"][0]["other_ids"][0];
  const web::Response by_other = get("/api/venue/" + other);
  ASSERT_EQ(by_other.status, 200);
  EXPECT_EQ(nlohmann::json::parse(*by_other.body)["papers"][0]["id"], id);

  const web::Response home = get("/");
  EXPECT_THAT(*home.body, HasSubstr("<a href=\"/venue/CoRL.2025\">CoRL.2025</a>"));
  EXPECT_THAT(*home.body, HasSubstr("263 papers"));
  EXPECT_THAT(*home.body, HasSubstr("662 papers"));
}

}  // namespace
}  // namespace coolpapers
