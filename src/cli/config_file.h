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
//
// Durations are strings with a unit: "250ms", "3s", "5m", "2h".
#ifndef COOLPAPERS_CLI_CONFIG_FILE_H_
#define COOLPAPERS_CLI_CONFIG_FILE_H_

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "harvest/harvest_options.h"
#include "jobs/worker_pool.h"
#include "net/http_client.h"
#include "net/retry_policy.h"

namespace coolpapers::cli {

struct Config {
  net::CurlHttpClientOptions http;
  net::RetryOptions retry;                            // [http] retry_attempts, retry_backoff...
  std::chrono::milliseconds arxiv_min_interval{3000};  // [arxiv] min_interval
  harvest::HarvestOptions harvest;                    // [arxiv] URLs, [harvest] the rest
  bool harvest_enabled = false;                       // [harvest] enabled
  jobs::WorkerPoolOptions arxiv_jobs;                 // [jobs.arxiv]
  std::string admin_token;                            // [site] admin_token: the magic token
};

// The configuration in `file`. Errors (kInvalidArgument) name the file, the key and what is
// expected: `coolpapers.toml: harvest.poll_interval: expected a duration like "5m", got "5"`.
// Unknown keys are errors too, so a typo does not silently fall back to a default.
[[nodiscard]] Result<Config> LoadConfigFile(const std::filesystem::path& file);

// `explicit_file` when given (it must exist); otherwise DATA_DIR/coolpapers.toml when it
// exists; otherwise the defaults.
[[nodiscard]] Result<Config> LoadConfig(const std::optional<std::filesystem::path>& explicit_file,
                                        const std::filesystem::path& data_dir);

// "250ms", "3s", "5m", "2h" -> milliseconds. kInvalidArgument otherwise.
[[nodiscard]] Result<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace coolpapers::cli

#endif  // COOLPAPERS_CLI_CONFIG_FILE_H_
