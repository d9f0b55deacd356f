// The model's tables of the configuration file: [pdf], [llm], [faq] and [translate].
#include <cstdlib>
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

TEST(LlmConfig, NoModelUnlessConfigured) {
  const Config config;
  EXPECT_FALSE(config.llm.configured());
  EXPECT_EQ(config.llm.api_key_env, "COOLPAPERS_LLM_API_KEY");
  EXPECT_EQ(config.faq_jobs.kind, store::JobKind::kLlm);
  EXPECT_TRUE(config.faq.questions_file.empty());
}

TEST(LlmConfig, ReadsEveryKey) {
  coolpapers::testing::TempDir dir;
  Result<Config> config = LoadText(dir, R"(
[llm]
base_url = "http://127.0.0.1:8000/v1"
model = "qwen2.5-7b-instruct"
api_key = "from-file"
api_key_env = "MY_KEY"
max_concurrency = 3
timeout = "2m"
stall_timeout = "20s"
retry_attempts = 5
context_tokens = 32000
max_tokens = 800
[faq]
questions = "faq.toml"
workers = 4
job_timeout = "1h"
)");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_TRUE(config->llm.configured());
  EXPECT_EQ(config->llm.options.base_url, "http://127.0.0.1:8000/v1");
  EXPECT_EQ(config->llm.options.model, "qwen2.5-7b-instruct");
  EXPECT_EQ(config->llm.options.api_key, "from-file");
  EXPECT_EQ(config->llm.api_key_env, "MY_KEY");
  EXPECT_EQ(config->llm.options.max_concurrency, 3);
  EXPECT_EQ(config->llm.options.call_timeout, std::chrono::minutes(2));
  EXPECT_EQ(config->llm.options.stall_timeout, std::chrono::seconds(20));
  EXPECT_EQ(config->llm.options.retry_attempts, 5);
  EXPECT_EQ(config->llm.options.context_tokens, 32000u);
  EXPECT_EQ(config->llm.max_tokens, 800);
  EXPECT_EQ(config->faq.questions_file, "faq.toml");
  EXPECT_EQ(config->faq_jobs.workers, 4);
  EXPECT_EQ(config->faq_jobs.job_timeout, std::chrono::hours(1));
}

TEST(LlmConfig, TheEnvironmentsKeyWinsOverTheFiles) {
  coolpapers::testing::TempDir dir;
  std::ofstream(dir.path() / "coolpapers.toml")
      << "[llm]\nbase_url = \"http://127.0.0.1:1/v1\"\nmodel = \"m\"\napi_key = \"from-file\"\n"
         "api_key_env = \"COOLPAPERS_TEST_LLM_KEY\"\n";
  ::setenv("COOLPAPERS_TEST_LLM_KEY", "from-env", 1);
  Result<Config> config = LoadConfig(std::nullopt, dir.path());
  ::unsetenv("COOLPAPERS_TEST_LLM_KEY");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->llm.options.api_key, "from-env");

  Result<Config> unset = LoadConfig(std::nullopt, dir.path());
  ASSERT_TRUE(unset) << unset.error().message;
  EXPECT_EQ(unset->llm.options.api_key, "from-file");
}

TEST(LlmConfig, RejectsBadValuesNamingThem) {
  const struct {
    std::string text;
    std::string message;
  } kCases[] = {
      {"[llm]\nbase_url = \"api.openai.com\"\nmodel = \"m\"\n", "llm.base_url: expected an http(s) URL"},
      {"[llm]\nbase_url = \"https://api.openai.com/v1\"\n", "llm.model: expected the model's name"},
      {"[llm]\nmax_concurrency = 0\n", "llm.max_concurrency: expected a whole number from 1"},
      {"[llm]\ntimeout = \"5\"\n", "llm.timeout: expected a duration"},
      {"[llm]\ntemperature = 0.2\n", "unknown setting llm.temperature"},
      {"[faq]\nworkers = 0\n", "faq.workers: expected a whole number from 1"},
      {"[faq]\nquestion = \"x\"\n", "unknown setting faq.question"},
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

TEST(TranslateConfig, OffUnlessEnabledAndNeedsTheModel) {
  EXPECT_FALSE(Config().translate.enabled);
  coolpapers::testing::TempDir dir;
  Result<Config> config = LoadText(dir, R"(
[llm]
base_url = "http://127.0.0.1:9/v1"
model = "big-model"
[translate]
enabled = true
model = "small-model"
)");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_TRUE(config->translate.enabled);
  EXPECT_EQ(config->translate.model, "small-model");

  Result<Config> without_model = LoadText(dir, "[translate]\nenabled = true\n");
  ASSERT_FALSE(without_model);
  EXPECT_NE(without_model.error().message.find("translate.enabled: translations need a model"),
            std::string::npos)
      << without_model.error().message;
  Result<Config> unknown = LoadText(dir, "[translate]\nlanguage = \"fr\"\n");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("translate.language"), std::string::npos)
      << unknown.error().message;
}

}  // namespace
}  // namespace coolpapers::cli
