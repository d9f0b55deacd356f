#include "cli/config_file.h"

#include <charconv>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <system_error>

#include "core/category.h"
#include "core/toml_file.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

using std::chrono::milliseconds;

// Chains reads so that the first failure is the one reported.
class FirstError {
 public:
  FirstError& operator<<(Result<void> result) {
    if (!result && ok_) {
      ok_ = false;
      error_ = std::move(result.error());
    }
    return *this;
  }
  Result<void> result() const {
    if (ok_) return {};
    return std::unexpected(error_);
  }

 private:
  bool ok_ = true;
  Error error_;
};

// Reads the keys of one TOML table, remembering which were read so that whatever is left
// over (a typo, a key from another version) can be reported instead of silently ignored.
class TableReader {
 public:
  TableReader(const toml::table* table, std::string path, std::string file)
      : table_(table), path_(std::move(path)), file_(std::move(file)) {}

  Result<void> String(std::string_view key, std::string& out) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* value = node.as_string();
      if (value == nullptr) return Expected(key, "a string");
      out = value->get();
      return {};
    });
  }

  Result<void> Bool(std::string_view key, bool& out) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* value = node.as_boolean();
      if (value == nullptr) return Expected(key, "true or false");
      out = value->get();
      return {};
    });
  }

  Result<void> Int(std::string_view key, int& out, int min, int max) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* value = node.as_integer();
      if (value == nullptr || value->get() < min || value->get() > max) {
        return Expected(key, "a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max));
      }
      out = static_cast<int>(value->get());
      return {};
    });
  }

  Result<void> Int64(std::string_view key, int64_t& out, int64_t min, int64_t max) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* value = node.as_integer();
      if (value == nullptr || value->get() < min || value->get() > max) {
        return Expected(key, "a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max));
      }
      out = value->get();
      return {};
    });
  }

  // A rate as "<name>_per_minute" and "<name>_burst" (whole numbers; a rate of 0 is no limit).
  Result<void> Bucket(std::string_view name, web::BucketRate& out) {
    int per_minute = static_cast<int>(out.per_minute);
    int burst = static_cast<int>(out.burst);
    FirstError first;
    first << Int(std::string(name) + "_per_minute", per_minute, 0, 1'000'000)
          << Int(std::string(name) + "_burst", burst, 1, 1'000'000);
    out = {.per_minute = static_cast<double>(per_minute), .burst = static_cast<double>(burst)};
    return first.result();
  }

  Result<void> Strings(std::string_view key, std::vector<std::string>& out) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* array = node.as_array();
      if (array == nullptr) return Expected(key, "a list of strings");
      std::vector<std::string> strings;
      for (const toml::node& item : *array) {
        const auto* text = item.as_string();
        if (text == nullptr) return Expected(key, "a list of strings");
        strings.push_back(text->get());
      }
      out = std::move(strings);
      return {};
    });
  }

  Result<void> Duration(std::string_view key, milliseconds& out) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* value = node.as_string();
      if (value == nullptr) return Expected(key, "a duration like \"5m\"");
      Result<milliseconds> parsed = ParseDuration(value->get());
      if (!parsed) return Expected(key, "a duration like \"5m\", got \"" + value->get() + "\"");
      out = *parsed;
      return {};
    });
  }

  Result<void> Categories(std::string_view key, std::vector<std::string>& out) {
    return Read(key, [&](const toml::node& node) -> Result<void> {
      const auto* array = node.as_array();
      if (array == nullptr) return Expected(key, "a list of arXiv categories");
      std::vector<std::string> categories;
      for (const toml::node& item : *array) {
        const auto* name = item.as_string();
        const Category* category = name == nullptr ? nullptr : FindCategory(name->get());
        if (category == nullptr) {
          return Expected(key, "a list of arXiv categories such as \"cs.AI\"" +
                                   (name == nullptr ? std::string() : ", got \"" + name->get() + "\""));
        }
        categories.emplace_back(category->id);
      }
      if (categories.empty()) return Expected(key, "at least one category");
      out = std::move(categories);
      return {};
    });
  }

  // The sub-table `key` ([http], [jobs.arxiv]); nullptr when absent (all defaults).
  Result<const toml::table*> Section(std::string_view key) {
    const toml::table* section = nullptr;
    Result<void> read = Read(key, [&](const toml::node& node) -> Result<void> {
      section = node.as_table();
      if (section == nullptr) return Expected(key, "a table: [" + Qualified(key) + "]");
      return {};
    });
    if (!read) return std::unexpected(read.error());
    return section;
  }

  // The keys present but never read, as "section.key" in a message; {} when none.
  Result<void> NoUnknownKeys() const {
    if (table_ == nullptr) return {};
    for (const auto& [key, node] : *table_) {
      if (read_.contains(std::string(key.str()))) continue;
      return Fail(ErrorCode::kInvalidArgument,
                  file_ + ": unknown setting " + Qualified(key.str()) +
                      " (docs/configuration.md lists every setting)");
    }
    return {};
  }

 private:
  Result<void> Read(std::string_view key,
                    const std::function<Result<void>(const toml::node&)>& convert) {
    read_.insert(std::string(key));
    if (table_ == nullptr) return {};
    const toml::node* node = table_->get(key);
    if (node == nullptr) return {};
    return convert(*node);
  }

  std::unexpected<Error> Expected(std::string_view key, const std::string& what) const {
    return Fail(ErrorCode::kInvalidArgument, file_ + ": " + Qualified(key) + ": expected " + what);
  }

  std::string Qualified(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  const toml::table* table_;
  std::string path_;
  std::string file_;
  std::set<std::string> read_;
};

Result<void> ReadHttp(const toml::table* table, const std::string& file, Config& config) {
  TableReader http(table, "http", file);
  FirstError first;
  first << http.String("contact_email", config.http.contact_email)
        << http.String("project_url", config.http.project_url)
        << http.Duration("connect_timeout", config.http.connect_timeout)
        << http.Duration("timeout", config.http.total_timeout)
        << http.Int("retry_attempts", config.retry.max_attempts, 1, 100)
        << http.Duration("retry_initial_backoff", config.retry.initial_backoff)
        << http.Duration("retry_max_backoff", config.retry.max_backoff)
        << http.NoUnknownKeys();
  return first.result();
}

Result<void> ReadArxiv(const toml::table* table, const std::string& file, Config& config) {
  TableReader arxiv(table, "arxiv", file);
  FirstError first;
  first << arxiv.Duration("min_interval", config.arxiv_min_interval)
        << arxiv.String("feed_base_url", config.harvest.feed_base_url)
        << arxiv.String("api_url", config.harvest.api_url)
        << arxiv.String("oai_url", config.harvest.oai_url)
        << arxiv.Int("api_batch_size", config.harvest.api_batch_size, 1, 2000)
        << arxiv.NoUnknownKeys();
  return first.result();
}

Result<void> ReadHarvest(const toml::table* table, const std::string& file, Config& config) {
  TableReader harvest(table, "harvest", file);
  FirstError first;
  first << harvest.Bool("enabled", config.harvest_enabled)
        << harvest.Categories("categories", config.harvest.categories)
        << harvest.Duration("poll_interval", config.harvest.poll_interval)
        << harvest.Duration("idle_poll_interval", config.harvest.idle_poll_interval)
        << harvest.Duration("window", config.harvest.window)
        << harvest.Duration("incomplete_retry", config.harvest.incomplete_retry)
        << harvest.NoUnknownKeys();
  return first.result();
}

Result<void> ReadPool(const toml::table* table, const std::string& path, const std::string& file,
                      jobs::WorkerPoolOptions& pool) {
  TableReader jobs(table, path, file);
  FirstError first;
  first << jobs.Int("workers", pool.workers, 1, 64)
        << jobs.Duration("min_interval", pool.min_interval)
        << jobs.Duration("job_timeout", pool.job_timeout)
        << jobs.Duration("lease", pool.lease)
        << jobs.Int("max_attempts", pool.max_attempts, 1, 1000)
        << jobs.Duration("initial_backoff", pool.initial_backoff)
        << jobs.Duration("max_backoff", pool.max_backoff)
        << jobs.Duration("idle_poll", pool.idle_poll)
        << jobs.NoUnknownKeys();
  return first.result();
}

Result<void> ReadPdf(const toml::table* table, const std::string& file, Config& config) {
  TableReader pdf(table, "pdf", file);
  FirstError first;
  std::string cache_dir = config.pdf.cache_dir.string();
  first << pdf.String("source", config.pdf.source) << pdf.String("cache_dir", cache_dir)
        << pdf.Int("cache_max_mb", config.pdf.cache_max_mb, 1, 1'000'000)
        << pdf.Int("workers", config.pdf_jobs.workers, 1, 64) << pdf.NoUnknownKeys();
  if (Result<void> read = first.result(); !read) return read;
  config.pdf.cache_dir = cache_dir;
  // Checked now, with a sample id, so a bad template fails at start rather than per download.
  if (!pdf::MakePdfUrl(config.pdf.source, ArxivId::Parse("2401.06769v1").value())) {
    return Fail(ErrorCode::kInvalidArgument,
                file + ": pdf.source: expected an http(s) URL with {id} and {version}, like \"" +
                    std::string(pdf::kDefaultPdfSource) + "\", got \"" + config.pdf.source + "\"");
  }
  return {};
}

Result<void> ReadLlm(const toml::table* table, const std::string& file, Config& config) {
  TableReader llm(table, "llm", file);
  llm::LlmOptions& options = config.llm.options;
  int context_tokens = static_cast<int>(options.context_tokens);
  FirstError first;
  first << llm.String("base_url", options.base_url) << llm.String("model", options.model)
        << llm.String("api_key", options.api_key)
        << llm.String("api_key_env", config.llm.api_key_env)
        << llm.Int("max_concurrency", options.max_concurrency, 1, 64)
        << llm.Duration("timeout", options.call_timeout)
        << llm.Duration("stall_timeout", options.stall_timeout)
        << llm.Int("retry_attempts", options.retry_attempts, 1, 100)
        << llm.Int("context_tokens", context_tokens, 1000, 10'000'000)
        << llm.Int("max_tokens", config.llm.max_tokens, 0, 1'000'000) << llm.NoUnknownKeys();
  if (Result<void> read = first.result(); !read) return read;
  options.context_tokens = static_cast<size_t>(context_tokens);
  const bool http = options.base_url.starts_with("http://") || options.base_url.starts_with("https://");
  if (!options.base_url.empty() && !http) {
    return Fail(ErrorCode::kInvalidArgument,
                file + ": llm.base_url: expected an http(s) URL such as "
                       "\"https://api.openai.com/v1\", got \"" + options.base_url + "\"");
  }
  if (!options.base_url.empty() && options.model.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                file + ": llm.model: expected the model's name (llm.base_url is set)");
  }
  return {};
}

Result<void> ReadTranslate(const toml::table* table, const std::string& file, Config& config) {
  TableReader translate(table, "translate", file);
  FirstError first;
  first << translate.Bool("enabled", config.translate.enabled)
        << translate.String("model", config.translate.model) << translate.NoUnknownKeys();
  return first.result();
}

// [store] url: where the store is (store/store_location.h); checked here, so a typo is reported
// with the file and the key rather than when a command opens the store.
Result<void> ReadStore(const toml::table* table, const std::string& file, Config& config) {
  TableReader store(table, "store", file);
  FirstError first;
  first << store.String("url", config.store_url) << store.NoUnknownKeys();
  if (Result<void> read = first.result(); !read) return read;
  if (config.store_url.empty()) return {};
  if (auto location = store::ParseStoreLocation(config.store_url); !location) {
    return Fail(ErrorCode::kInvalidArgument, file + ": store.url: " + location.error().message);
  }
  return {};
}

// [openreview] username, password: the login OpenReview's API has required since 2026 (venue
// fetches); the environment's OPENREVIEW_USERNAME and OPENREVIEW_PASSWORD win over them.
Result<void> ReadOpenReview(const toml::table* table, const std::string& file, Config& config) {
  TableReader openreview(table, "openreview", file);
  FirstError first;
  first << openreview.String("username", config.openreview.username)
        << openreview.String("password", config.openreview.password)
        << openreview.NoUnknownKeys();
  return first.result();
}

Result<void> ReadFaq(const toml::table* table, const std::string& file, Config& config) {
  TableReader faq(table, "faq", file);
  std::string questions = config.faq.questions_file.string();
  FirstError first;
  first << faq.String("questions", questions)
        << faq.Int("workers", config.faq_jobs.workers, 1, 64)
        << faq.Duration("job_timeout", config.faq_jobs.job_timeout)
        << faq.Duration("lease", config.faq_jobs.lease) << faq.NoUnknownKeys();
  config.faq.questions_file = questions;
  return first.result();
}

Result<void> ReadLimits(const toml::table* table, const std::string& file, Config& config) {
  TableReader limits(table, "limits", file);
  LimitsSettings& settings = config.limits;
  web::RateLimits& rates = settings.rates;
  FirstError first;
  first << limits.Strings("trusted_proxies", rates.trusted_proxies)
        << limits.Bucket("renders", rates.render) << limits.Bucket("searches", rates.search)
        << limits.Bucket("pdfs", rates.pdf)
        << limits.Bucket("model_requests", rates.model) << limits.Bucket("clicks", rates.click)
        << limits.Bucket("token_attempts", rates.token)
        << limits.Int("click_readers_per_client", rates.click_readers_per_client, 0, 1'000'000)
        << limits.Int64("daily_generations", settings.model_budget.daily_generations, 0,
                        1'000'000'000)
        << limits.Int64("daily_tokens", settings.model_budget.daily_tokens, 0,
                        1'000'000'000'000)
        << limits.Int("pending_fetches", settings.fetches.max_pending, 0, 1'000'000)
        << limits.Int("pending_fetches_per_client", settings.fetches.max_pending_per_client, 0,
                      1'000'000)
        << limits.Int("max_connections", settings.max_connections, 0, 10'000'000)
        << limits.Int("max_connections_per_client", settings.max_connections_per_client, 0,
                      10'000'000)
        << limits.Duration("refusal_hold", rates.refusal_hold)
        << limits.Duration("stream_lifetime", settings.stream_lifetime)
        << limits.Duration("stream_heartbeat", settings.stream_heartbeat)
        << limits.Int("faq_streams_per_paper", rates.faq_streams_per_paper, 0, 10'000'000)
        << limits.Int("faq_streams_per_client", rates.faq_streams_per_client, 0, 10'000'000)
        << limits.NoUnknownKeys();
  return first.result();
}

// Characters as a reader counts them: UTF-8 code points, so "问答" is 2, not 6.
size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

Result<void> ReadMetrics(const toml::table* table, const std::string& file, Config& config) {
  TableReader metrics(table, "metrics", file);
  FirstError first;
  first << metrics.String("token", config.metrics_token) << metrics.NoUnknownKeys();
  return first.result();
}

constexpr size_t kMaxFaqLabel = 16;  // the label sits in every card's button row

Result<void> ReadSite(const toml::table* table, const std::string& file, Config& config) {
  TableReader site(table, "site", file);
  FirstError first;
  first << site.String("admin_token", config.admin_token)
        << site.String("faq_label", config.faq_label)
        << site.String("feedback_url", config.feedback_url) << site.NoUnknownKeys();
  if (Result<void> read = first.result(); !read) return read;
  const size_t label_length = CountCodePoints(config.faq_label);
  if (label_length == 0 || label_length > kMaxFaqLabel) {
    return Fail(ErrorCode::kInvalidArgument,
                file + ": site.faq_label: expected 1 to " + std::to_string(kMaxFaqLabel) +
                    " characters such as \"Kimi\", got \"" + config.faq_label + "\"");
  }
  const std::string& url = config.feedback_url;
  if (!url.empty() && !url.starts_with("http://") && !url.starts_with("https://")) {
    return Fail(ErrorCode::kInvalidArgument,
                file + ": site.feedback_url: expected an http(s) URL such as "
                       "\"https://github.com/me/coolpapers/issues\", got \"" + url + "\"");
  }
  return {};
}

}  // namespace

Result<milliseconds> ParseDuration(std::string_view text) {
  auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument, "invalid duration \"" + std::string(text) +
                                                 "\": expected a number and a unit: 250ms, 3s, 5m, 2h");
  };
  int64_t amount = 0;
  const char* end = text.data() + text.size();
  auto [rest, ec] = std::from_chars(text.data(), end, amount);
  if (ec != std::errc() || rest == text.data() || amount < 0) return invalid();
  static const std::map<std::string_view, int64_t> kUnitMs = {
      {"ms", 1}, {"s", 1'000}, {"m", 60'000}, {"h", 3'600'000}};
  auto unit = kUnitMs.find(std::string_view(rest, end - rest));
  if (unit == kUnitMs.end()) return invalid();
  if (amount > INT64_MAX / unit->second / 1000) return invalid();  // absurd values, not overflow
  return milliseconds(amount * unit->second);
}

Result<Config> LoadConfigFile(const std::filesystem::path& file) {
  const std::string name = file.string();
  Result<toml::table> parsed = ParseTomlFile(name);
  if (!parsed) return std::unexpected(parsed.error());
  const toml::table& root = *parsed;

  Config config;
  TableReader top(&root, "", name);
  FirstError first;
  auto section = [&](TableReader& parent, std::string_view key,
                     const std::function<Result<void>(const toml::table*)>& read) {
    Result<const toml::table*> table = parent.Section(key);
    first << (table ? read(*table) : Result<void>(std::unexpected(table.error())));
  };
  section(top, "http", [&](const toml::table* t) { return ReadHttp(t, name, config); });
  section(top, "arxiv", [&](const toml::table* t) { return ReadArxiv(t, name, config); });
  section(top, "harvest", [&](const toml::table* t) { return ReadHarvest(t, name, config); });
  section(top, "site", [&](const toml::table* t) { return ReadSite(t, name, config); });
  section(top, "metrics", [&](const toml::table* t) { return ReadMetrics(t, name, config); });
  section(top, "pdf", [&](const toml::table* t) { return ReadPdf(t, name, config); });
  section(top, "llm", [&](const toml::table* t) { return ReadLlm(t, name, config); });
  section(top, "faq", [&](const toml::table* t) { return ReadFaq(t, name, config); });
  section(top, "translate", [&](const toml::table* t) { return ReadTranslate(t, name, config); });
  section(top, "store", [&](const toml::table* t) { return ReadStore(t, name, config); });
  section(top, "openreview", [&](const toml::table* t) { return ReadOpenReview(t, name, config); });
  section(top, "limits", [&](const toml::table* t) { return ReadLimits(t, name, config); });
  section(top, "jobs", [&](const toml::table* jobs_table) -> Result<void> {
    TableReader jobs(jobs_table, "jobs", name);
    FirstError pools;
    Result<const toml::table*> arxiv = jobs.Section("arxiv");
    pools << (arxiv ? ReadPool(*arxiv, "jobs.arxiv", name, config.arxiv_jobs)
                    : Result<void>(std::unexpected(arxiv.error())));
    pools << jobs.NoUnknownKeys();
    return pools.result();
  });
  first << top.NoUnknownKeys();
  if (Result<void> read = first.result(); !read) return std::unexpected(read.error());
  if (config.translate.enabled && !config.llm.configured()) {
    return Fail(ErrorCode::kInvalidArgument,
                name + ": translate.enabled: translations need a model: set llm.base_url and "
                       "llm.model");
  }
  config.arxiv_jobs.kind = store::JobKind::kArxiv;
  return config;
}

void ApplyEnvironment(Config& config) {
  const auto take = [](const char* variable, std::string& setting) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') setting = value;
  };
  take("OPENREVIEW_USERNAME", config.openreview.username);
  take("OPENREVIEW_PASSWORD", config.openreview.password);
  if (!config.llm.api_key_env.empty()) take(config.llm.api_key_env.c_str(), config.llm.options.api_key);
}

Result<Config> LoadConfig(const std::optional<std::filesystem::path>& explicit_file,
                          const std::filesystem::path& data_dir) {
  if (explicit_file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*explicit_file, ec)) {
      return Fail(ErrorCode::kInvalidArgument,
                  "configuration file " + explicit_file->string() + " does not exist");
    }
    Result<Config> config = LoadConfigFile(*explicit_file);
    if (config) ApplyEnvironment(*config);
    return config;
  }
  const std::filesystem::path beside_data = data_dir / "coolpapers.toml";
  std::error_code ec;
  Result<Config> config = std::filesystem::is_regular_file(beside_data, ec)
                              ? LoadConfigFile(beside_data)
                              : Result<Config>(Config{});
  if (config) ApplyEnvironment(*config);
  return config;
}

}  // namespace coolpapers::cli
