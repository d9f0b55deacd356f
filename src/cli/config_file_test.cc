#include "cli/config_file.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "cli/data_dir.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::cli {
namespace {

using std::chrono::milliseconds;
using testing::TempDir;

class ConfigFileTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& text) {
    std::filesystem::path file = dir_.path() / "coolpapers.toml";
    std::ofstream(file) << text;
    return file;
  }
  TempDir dir_;
};

TEST(ParseDurationTest, ReadsEveryUnit) {
  EXPECT_EQ(ParseDuration("250ms").value(), milliseconds(250));
  EXPECT_EQ(ParseDuration("3s").value(), milliseconds(3'000));
  EXPECT_EQ(ParseDuration("5m").value(), milliseconds(300'000));
  EXPECT_EQ(ParseDuration("2h").value(), milliseconds(7'200'000));
  EXPECT_EQ(ParseDuration("0s").value(), milliseconds(0));
}

TEST(ParseDurationTest, RejectsWhatIsNotADuration) {
  for (std::string_view bad : {"", "5", "s", "5 m", "-3s", "3d", "1.5s", "99999999999999999h"}) {
    Result<milliseconds> parsed = ParseDuration(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(parsed.error().message.find("250ms, 3s, 5m, 2h"), std::string::npos);
  }
}

TEST_F(ConfigFileTest, NoFileGivesTheDefaults) {
  Result<Config> config = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_TRUE(config->harvest_enabled);  // the main job runs out of the box
  EXPECT_EQ(config->arxiv_min_interval, milliseconds(3'000));
  EXPECT_EQ(config->harvest.feed_base_url, "https://rss.arxiv.org/atom/");
  EXPECT_EQ(config->arxiv_jobs.kind, store::JobKind::kArxiv);
}

TEST_F(ConfigFileTest, ReadsEverySection) {
  Write(R"(
[http]
contact_email = "lab@example.org"
timeout = "30s"
retry_attempts = 3
[arxiv]
min_interval = "250ms"
feed_base_url = "http://127.0.0.1:9/atom/"
api_url = "http://127.0.0.1:9/api/query"
oai_url = "http://127.0.0.1:9/oai"
api_batch_size = 50
[harvest]
enabled = false
categories = ["cs.AI", "stat.ML"]
poll_interval = "2s"
[jobs.arxiv]
workers = 2
initial_backoff = "100ms"
[site]
admin_token = "s3cret"
faq_label = "Kimi"
feedback_url = "https://example.org/feedback"
[metrics]
token = "scrape-me"
)");
  // Found beside the data when no file is named.
  Result<Config> config = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->http.contact_email, "lab@example.org");
  EXPECT_EQ(config->http.total_timeout, milliseconds(30'000));
  EXPECT_EQ(config->retry.max_attempts, 3);
  EXPECT_EQ(config->arxiv_min_interval, milliseconds(250));
  EXPECT_EQ(config->harvest.feed_base_url, "http://127.0.0.1:9/atom/");
  EXPECT_EQ(config->harvest.api_url, "http://127.0.0.1:9/api/query");
  EXPECT_EQ(config->harvest.oai_url, "http://127.0.0.1:9/oai");
  EXPECT_EQ(config->harvest.api_batch_size, 50);
  EXPECT_FALSE(config->harvest_enabled);  // on unless turned off
  EXPECT_EQ(config->harvest.categories, (std::vector<std::string>{"cs.AI", "stat.ML"}));
  EXPECT_EQ(config->harvest.poll_interval, milliseconds(2'000));
  EXPECT_EQ(config->arxiv_jobs.workers, 2);
  EXPECT_EQ(config->arxiv_jobs.initial_backoff, milliseconds(100));
  EXPECT_EQ(config->admin_token, "s3cret");
  EXPECT_EQ(config->faq_label, "Kimi");
  EXPECT_EQ(config->feedback_url, "https://example.org/feedback");
  EXPECT_EQ(MetricsToken(*config), "scrape-me");
}

TEST_F(ConfigFileTest, MetricsTokenFallsBackToTheAdminToken) {
  Write("[site]\nadmin_token = \"s3cret\"\n");
  Result<Config> config = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(MetricsToken(*config), "s3cret");
  Write("[metrics]\ntokn = \"x\"\n");
  Result<Config> typo = LoadConfig(std::nullopt, dir_.path());
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("metrics.tokn"), std::string::npos) << typo.error().message;
}

TEST_F(ConfigFileTest, SiteLabelAndFeedbackLinkHaveDefaultsAndLimits) {
  Result<Config> defaults = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(defaults) << defaults.error().message;
  EXPECT_EQ(defaults->faq_label, "FAQ");
  EXPECT_EQ(defaults->feedback_url, "");
  const struct {
    std::string site;
    std::string faq_label;
    std::string feedback_url;
  } kValid[] = {
      {"faq_label = \"K\"", "K", ""},
      {"faq_label = \"0123456789abcdef\"", "0123456789abcdef", ""},
      {"faq_label = \"问答问答问答问答问答问答问答问答\"", "问答问答问答问答问答问答问答问答", ""},  // 16
      {"feedback_url = \"http://127.0.0.1:8/f\"", "FAQ", "http://127.0.0.1:8/f"},
      {"feedback_url = \"\"", "FAQ", ""},
  };
  for (const auto& c : kValid) {
    Result<Config> config = LoadConfigFile(Write("[site]\n" + c.site + "\n"));
    ASSERT_TRUE(config) << c.site << ": " << config.error().message;
    EXPECT_EQ(config->faq_label, c.faq_label) << c.site;
    EXPECT_EQ(config->feedback_url, c.feedback_url) << c.site;
  }
}

// Issue #17: [store] url chooses the backend; the data folder's SQLite file otherwise.
TEST_F(ConfigFileTest, StoreUrlChoosesTheStore) {
  Result<Config> defaults = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->store_url, "");
  Result<store::StoreLocation> sqlite = StoreLocationOf(dir_.path(), defaults->store_url);
  ASSERT_TRUE(sqlite);
  EXPECT_EQ(sqlite->sqlite_path, dir_.path() / "coolpapers.sqlite");

  Result<Config> pg = LoadConfigFile(Write("[store]\nurl = \"postgresql://app@db/papers\"\n"));
  ASSERT_TRUE(pg) << pg.error().message;
  Result<store::StoreLocation> location = StoreLocationOf(dir_.path(), pg->store_url);
  ASSERT_TRUE(location);
  EXPECT_EQ(location->kind, store::StoreLocation::Kind::kPostgres);
  EXPECT_EQ(location->pg_url, "postgresql://app@db/papers");

  Result<Config> typo = LoadConfigFile(Write("[store]\nurl = \"postgress://db/papers\"\n"));
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("store.url"), std::string::npos) << typo.error().message;
}

// Issue #14: the OpenReview login comes from [openreview] or, winning, the environment.
TEST_F(ConfigFileTest, OpenReviewLoginFromTheFileOrTheEnvironment) {
  const std::filesystem::path file =
      Write("[openreview]\nusername = \"file@example.org\"\npassword = \"from-file\"\n");
  ::unsetenv("OPENREVIEW_USERNAME");
  ::unsetenv("OPENREVIEW_PASSWORD");
  Result<Config> from_file = LoadConfig(file, dir_.path());
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_file->openreview.username, "file@example.org");
  EXPECT_EQ(from_file->openreview.password, "from-file");
  EXPECT_TRUE(from_file->openreview.Complete());

  ::setenv("OPENREVIEW_USERNAME", "env@example.org", 1);
  ::setenv("OPENREVIEW_PASSWORD", "from-env", 1);
  Result<Config> from_env = LoadConfig(file, dir_.path());
  ::unsetenv("OPENREVIEW_USERNAME");
  ::unsetenv("OPENREVIEW_PASSWORD");
  ASSERT_TRUE(from_env);
  EXPECT_EQ(from_env->openreview.username, "env@example.org");
  EXPECT_EQ(from_env->openreview.password, "from-env");

  TempDir without_file;
  EXPECT_FALSE(LoadConfig(std::nullopt, without_file.path())->openreview.Complete());
  EXPECT_FALSE(LoadConfigFile(Write("[openreview]\nuser = \"x\"\n")));
}

// Issue #18: what strangers may cost is configurable, with defaults when [limits] is absent.
TEST_F(ConfigFileTest, LimitsHaveDefaultsAndAreRead) {
  Result<Config> defaults = LoadConfig(std::nullopt, dir_.path());
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->limits.rates.search.per_minute, 30);
  EXPECT_EQ(defaults->limits.rates.token.per_minute, 5);
  EXPECT_EQ(defaults->limits.model_budget.daily_generations, 2000);
  EXPECT_TRUE(defaults->limits.rates.trusted_proxies.empty());
  EXPECT_EQ(defaults->limits.rates.refusal_hold, std::chrono::seconds(1));

  Result<Config> config = LoadConfigFile(Write(
      "[limits]\ntrusted_proxies = [\"127.0.0.1\", \"::1\"]\nsearches_per_minute = 6\n"
      "searches_burst = 3\nmodel_requests_per_minute = 0\nclick_readers_per_client = 1\n"
      "daily_generations = 50\ndaily_tokens = 3000000000\npending_fetches = 10\n"
      "pending_fetches_per_client = 2\nmax_connections = 500\nmax_connections_per_client = 20\n"
      "stream_lifetime = \"5m\"\nstream_heartbeat = \"20s\"\nfaq_streams_per_paper = 50\n"
      "faq_streams_per_client = 4\ntoken_attempts_per_minute = 2\ntoken_attempts_burst = 3\n"
      "refusal_hold = \"250ms\"\n"));
  ASSERT_TRUE(config) << config.error().message;
  const LimitsSettings& limits = config->limits;
  EXPECT_EQ(limits.rates.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(limits.rates.search.per_minute, 6);
  EXPECT_EQ(limits.rates.search.burst, 3);
  EXPECT_EQ(limits.rates.model.per_minute, 0);
  EXPECT_EQ(limits.rates.click_readers_per_client, 1);
  EXPECT_EQ(limits.model_budget.daily_generations, 50);
  EXPECT_EQ(limits.model_budget.daily_tokens, 3'000'000'000);
  EXPECT_EQ(limits.fetches.max_pending, 10);
  EXPECT_EQ(limits.fetches.max_pending_per_client, 2);
  EXPECT_EQ(limits.max_connections, 500);
  EXPECT_EQ(limits.max_connections_per_client, 20);
  EXPECT_EQ(limits.stream_lifetime, std::chrono::minutes(5));
  EXPECT_EQ(limits.stream_heartbeat, std::chrono::seconds(20));
  EXPECT_EQ(limits.rates.faq_streams_per_paper, 50);
  EXPECT_EQ(limits.rates.faq_streams_per_client, 4);
  EXPECT_EQ(limits.rates.token.per_minute, 2);
  EXPECT_EQ(limits.rates.token.burst, 3);
  EXPECT_EQ(limits.rates.refusal_hold, std::chrono::milliseconds(250));

  Result<Config> typo = LoadConfigFile(Write("[limits]\nsearch_per_minute = 6\n"));
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("unknown setting limits.search_per_minute"),
            std::string::npos);
  Result<Config> proxies = LoadConfigFile(Write("[limits]\ntrusted_proxies = \"127.0.0.1\"\n"));
  ASSERT_FALSE(proxies);
  EXPECT_NE(proxies.error().message.find("limits.trusted_proxies: expected a list of strings"),
            std::string::npos);
}

// Each bad file names the file and the setting, so the deployer knows what to fix.
TEST_F(ConfigFileTest, ErrorsNameTheSetting) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"[harvest]\npoll_interval = \"5\"\n", "harvest.poll_interval: expected a duration"},
      {"[harvest]\ncategories = [\"cs.XX\"]\n",
       "harvest.categories: expected a list of arXiv categories"},
      {"[harvest]\nenabled = \"yes\"\n", "harvest.enabled: expected true or false"},
      {"[jobs.arxiv]\nworkers = 0\n", "jobs.arxiv.workers: expected a whole number from 1"},
      {"[harvest]\npoll_intervall = \"5m\"\n", "unknown setting harvest.poll_intervall"},
      {"[harvests]\n", "unknown setting harvests"},
      {"[jobs.pdfs]\n", "unknown setting jobs.pdfs"},
      {"harvest = 3\n", "harvest: expected a table"},
      {"[http\n", "coolpapers.toml:1:"},
      {"[site]\nfaq_label = \"\"\n", "site.faq_label: expected 1 to 16 characters"},
      {"[site]\nfaq_label = \"0123456789abcdefg\"\n", "site.faq_label: expected 1 to 16"},
      {"[site]\nfaq_label = 3\n", "site.faq_label: expected a string"},
      {"[site]\nfeedback_url = \"mailto:me@example.org\"\n",
       "site.feedback_url: expected an http(s) URL"},
      {"[site]\nfeedback_url = \"javascript:alert(1)\"\n",
       "site.feedback_url: expected an http(s)"},
      {"[site]\nfeedback = \"https://example.org\"\n", "unknown setting site.feedback"},
  };
  for (const Case& c : cases) {
    std::filesystem::path file = Write(c.text);
    Result<Config> config = LoadConfigFile(file);
    ASSERT_FALSE(config) << c.text;
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(config.error().message.find(c.expected), std::string::npos)
        << c.text << " -> " << config.error().message;
    EXPECT_NE(config.error().message.find("coolpapers.toml"), std::string::npos);
  }
}

TEST_F(ConfigFileTest, ANamedFileMustExist) {
  Result<Config> config = LoadConfig(dir_.path() / "missing.toml", dir_.path());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("missing.toml does not exist"), std::string::npos);
}

}  // namespace
}  // namespace coolpapers::cli
