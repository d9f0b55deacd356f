// The instance's configuration file (TOML), read by every command. Everything has a default,
// so no file at all is a valid configuration. Example (docs/configuration.md lists every key):
//
//   [http]
//   contact_email = "me@example.org"     # sent in the User-Agent; arXiv asks harvesters for it
//   timeout = "120s"
//   [arxiv]
//   min_interval = "3s"                   # politeness per arXiv host
//   feed_base_url = "https://rss.arxiv.org/atom/"
//   [harvest]
//   enabled = true                        # `serve` keeps the store current
//   categories = ["cs.AI", "cs.CL"]       # default: all of cs plus stat.ML
//   poll_interval = "5m"
//   [jobs.arxiv]
//   workers = 1
//   initial_backoff = "5s"
//   [pdf]
//   cache_max_mb = 2048                   # the PDF cache's bound; least recently used go first
//   [metrics]
//   token = "..."                         # /metrics for scrapers elsewhere (default: admin_token)
//   [site]
//   faq_label = "Kimi"                    # the [FAQ] button's label, 1 to 16 characters
//   feedback_url = "https://github.com/me/coolpapers/issues"   # default: no feedback link
//   [llm]                                 # the FAQ's model; without it the FAQ is extractive
//   base_url = "https://api.moonshot.cn/v1"
//   model = "moonshot-v1-128k"            # the key comes from $COOLPAPERS_LLM_API_KEY
//   [store]
//   url = "postgresql://coolpapers@db/papers"  # default: sqlite:DATA/coolpapers.sqlite
//   [translate]                           # readers may read titles and abstracts in Chinese
//   enabled = true                        # translated by the [llm] server
//   model = "moonshot-v1-8k"              # default: the [llm] model
//   [limits]                              # what strangers may cost (docs/limits.md)
//   trusted_proxies = ["127.0.0.1"]       # whose X-Forwarded-For names the client
//   daily_generations = 2000              # model calls a day, whatever is asked
//
// Durations are strings with a unit: "250ms", "3s", "5m", "2h".
#ifndef COOLPAPERS_CLI_CONFIG_FILE_H_
#define COOLPAPERS_CLI_CONFIG_FILE_H_

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "llm/llm_client.h"
#include "pdf/pdf_fetcher.h"
#include "harvest/harvest_options.h"
#include "harvest/venue_harvester.h"
#include "jobs/queued_fetch.h"
#include "jobs/worker_pool.h"
#include "llm/model_budget.h"
#include "net/http_client.h"
#include "net/retry_policy.h"
#include "web/rate_limiter.h"

namespace coolpapers::cli {

// [pdf]: paper PDFs downloaded for readers (/pdf/<id>) and the FAQ.
struct PdfSettings {
  std::string source = std::string(pdf::kDefaultPdfSource);  // {id} and {version} replaced
  std::filesystem::path cache_dir;  // "" means DATA/pdf
  int cache_max_mb = 2048;          // the cache's bound in MiB
};

// [llm]: the FAQ's language model, any OpenAI-compatible server. No base_url: no model, and
// the FAQ is extractive.
struct LlmSettings {
  llm::LlmOptions options;  // base_url, model, api_key, limits and timeouts
  // The environment variable that holds the API key; it wins over api_key in the file, so
  // the key need not be written in a file at all.
  std::string api_key_env = "COOLPAPERS_LLM_API_KEY";
  int max_tokens = 0;  // per answer; 0: the server's default
  bool configured() const { return !options.base_url.empty(); }
};

// [translate]: titles and abstracts translated into Chinese by the [llm] server, for readers who
// turn it on in the settings. Off by default: every translation is a paid model call.
struct TranslateSettings {
  bool enabled = false;
  std::string model;  // "" means the [llm] model
};

// [faq]: the questions (docs/faq.md) and the generation pool.
struct FaqSettings {
  std::filesystem::path questions_file;  // "" means the built-in questions
};

// [limits]: what strangers may cost (docs/limits.md): per-client buckets on the costly routes,
// the daily model budget, waiting fetches, connections and FAQ streams.
struct LimitsSettings {
  web::RateLimits rates;  // buckets, trusted_proxies, click_readers_per_client, faq_streams_*
  llm::ModelBudgetLimits model_budget;  // daily_generations, daily_tokens
  jobs::FetchLimits fetches;            // pending_fetches, pending_fetches_per_client
  int max_connections = 0;              // 0: three quarters of the open-file limit
  int max_connections_per_client = 64;  // trusted proxies are not capped
  std::chrono::milliseconds stream_lifetime{std::chrono::minutes(30)};
  std::chrono::milliseconds stream_heartbeat{std::chrono::seconds(15)};
};

struct Config {
  net::CurlHttpClientOptions http;
  net::RetryOptions retry;                            // [http] retry_attempts, retry_backoff...
  std::chrono::milliseconds arxiv_min_interval{3000};  // [arxiv] min_interval
  harvest::HarvestOptions harvest;                    // [arxiv] URLs, [harvest] the rest
  bool harvest_enabled = true;                        // [harvest] enabled (serve --no-harvest)
  jobs::WorkerPoolOptions arxiv_jobs;                 // [jobs.arxiv]
  std::string admin_token;                            // [site] admin_token: the magic token
  // [metrics] token: besides clients on this machine, who may read /metrics (Authorization:
  // Bearer <token>); "" falls back to admin_token (MetricsToken).
  std::string metrics_token;
  std::string faq_label = "FAQ";  // [site] faq_label: the [FAQ] button's label, 1..16 characters
  std::string feedback_url;       // [site] feedback_url: http(s) URL of the feedback link; ""
                                  //   means none
  PdfSettings pdf;                                    // [pdf]
  jobs::WorkerPoolOptions pdf_jobs{.kind = store::JobKind::kPdf};  // [pdf] workers
  LlmSettings llm;                                    // [llm]
  FaqSettings faq;                                    // [faq]
  TranslateSettings translate;                        // [translate]; needs [llm]
  LimitsSettings limits;                              // [limits]
  // [store] url: "sqlite:PATH" or "postgresql://..." (store/store_location.h); "" means
  // sqlite:DATA/coolpapers.sqlite. Commands' --store wins over it.
  std::string store_url;
  // [openreview] username, password (or OPENREVIEW_USERNAME, OPENREVIEW_PASSWORD): the login
  // venue fetches from OpenReview need. Never logged.
  harvest::OpenReviewCredentials openreview;
  // [faq] workers, job_timeout: generations run at once and how long one may take (six
  // questions, each a long model call).
  jobs::WorkerPoolOptions faq_jobs{
      .kind = store::JobKind::kLlm, .workers = 2, .job_timeout = std::chrono::minutes(45)};
};

// The token /metrics accepts: [metrics] token, else [site] admin_token ("" when neither).
inline const std::string& MetricsToken(const Config& config) {
  return config.metrics_token.empty() ? config.admin_token : config.metrics_token;
}

// The configuration in `file`. Errors (kInvalidArgument) name the file, the key and what is
// expected: `coolpapers.toml: harvest.poll_interval: expected a duration like "5m", got "5"`.
// Unknown keys are errors too, so a typo does not silently fall back to a default.
[[nodiscard]] Result<Config> LoadConfigFile(const std::filesystem::path& file);

// `explicit_file` when given (it must exist); otherwise DATA_DIR/coolpapers.toml when it
// exists; otherwise the defaults. Then ApplyEnvironment.
[[nodiscard]] Result<Config> LoadConfig(const std::optional<std::filesystem::path>& explicit_file,
                                        const std::filesystem::path& data_dir);

// Takes the LLM's API key from the environment variable config.llm.api_key_env, and the
// OpenReview login from OPENREVIEW_USERNAME and OPENREVIEW_PASSWORD, each when set and not
// empty.
void ApplyEnvironment(Config& config);

// "250ms", "3s", "5m", "2h" -> milliseconds. kInvalidArgument otherwise.
[[nodiscard]] Result<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_CONFIG_FILE_H_
