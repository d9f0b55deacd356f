// The [pdf] table of the configuration file.
#include <fstream>

#include <gtest/gtest.h>

#include "cli/config_file.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::cli {
namespace {

Result<Config> LoadText(const coolpapers::testing::TempDir& dir, const std::string& text) {
  const std::filesystem::path file = dir.path() / "coolpapers.toml";
  std::ofstream(file) << text;
  return LoadConfigFile(file);
}

TEST(PdfConfig, DefaultsToArxivAndTwoGibibytes) {
  const Config config;
  EXPECT_EQ(config.pdf.source, "https://arxiv.org/pdf/{id}v{version}");
  EXPECT_TRUE(config.pdf.cache_dir.empty());
  EXPECT_EQ(config.pdf.cache_max_mb, 2048);
  EXPECT_EQ(config.pdf_jobs.kind, store::JobKind::kPdf);
  EXPECT_EQ(config.pdf_jobs.workers, 1);
}

TEST(PdfConfig, ReadsEveryKey) {
  coolpapers::testing::TempDir dir;
  Result<Config> config = LoadText(dir, R"(
[pdf]
source = "http://127.0.0.1:9/pdf/{id}v{version}"
cache_dir = "/srv/pdf"
cache_max_mb = 64
workers = 3
)");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->pdf.source, "http://127.0.0.1:9/pdf/{id}v{version}");
  EXPECT_EQ(config->pdf.cache_dir, "/srv/pdf");
  EXPECT_EQ(config->pdf.cache_max_mb, 64);
  EXPECT_EQ(config->pdf_jobs.workers, 3);
  EXPECT_EQ(config->pdf_jobs.kind, store::JobKind::kPdf);
}

TEST(PdfConfig, RejectsBadValuesAndUnknownKeysNamingThem) {
  const struct {
    std::string text;
    std::string message;
  } kCases[] = {
      {"[pdf]\nsource = \"https://arxiv.org/pdf/\"\n", "pdf.source: expected an http(s) URL"},
      {"[pdf]\nsource = 3\n", "pdf.source: expected a string"},
      {"[pdf]\ncache_max_mb = 0\n", "pdf.cache_max_mb: expected a whole number from 1"},
      {"[pdf]\nworkers = 100\n", "pdf.workers: expected a whole number from 1 to 64"},
      {"[pdf]\ncache_size = 5\n", "unknown setting pdf.cache_size"},
      {"pdf = 5\n", "pdf: expected a table"},
  };
  for (const auto& c : kCases) {
    coolpapers::testing::TempDir dir;
    Result<Config> config = LoadText(dir, c.text);
    ASSERT_FALSE(config) << c.text;
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(config.error().message.find(c.message), std::string::npos)
        << config.error().message;
  }
}

}  // namespace
}  // namespace coolpapers::cli
