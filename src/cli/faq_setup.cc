#include "cli/faq_setup.h"

#include <cstdint>
#include <string>
#include <utility>

#include "cli/data_dir.h"
#include "faq/faq_questions.h"
#include "llm/metered_llm_client.h"
#include "net/host_politeness.h"
#include "store/store_location.h"

namespace coolpapers::cli {

Result<PdfParts> OpenPdfParts(Instance& instance) {
  const PdfSettings& settings = instance.config.pdf;
  // `/` keeps an absolute cache_dir as it is and puts a relative one under the data folder.
  const std::filesystem::path dir =
      instance.data_dir / (settings.cache_dir.empty() ? "pdf" : settings.cache_dir);
  Result<std::unique_ptr<pdf::PdfCache>> cache =
      pdf::PdfCache::Open(dir, static_cast<uint64_t>(settings.cache_max_mb) << 20);
  if (!cache) return std::unexpected(cache.error());
  // The PDF host gets arXiv's politeness too (arxiv.org is not among the harvester's hosts).
  if (std::string host = net::HostOf(settings.source); !host.empty()) {
    instance.politeness->SetRule(
        host, net::HostRule{instance.config.arxiv_min_interval, /*single_connection=*/true});
  }
  PdfParts parts;
  parts.cache = *std::move(cache);
  parts.fetcher = std::make_unique<pdf::PdfFetcher>(*parts.cache, *instance.arxiv, *instance.jobs,
                                                    settings.source);
  return parts;
}

namespace {

// The client, counting into `usage` when given.
std::unique_ptr<llm::LlmClient> Metered(std::unique_ptr<llm::LlmClient> client, ModelUsage* usage) {
  if (usage == nullptr) return client;
  return std::make_unique<llm::MeteredLlmClient>(std::move(client), *usage);
}

}  // namespace

Result<FaqParts> OpenFaqParts(Instance& instance, pdf::PdfFetcher& pdfs, ModelUsage* usage) {
  FaqParts parts;
  Result<std::unique_ptr<store::FaqStore>> faq_store =
      store::OpenFaqStoreAt(instance.store_location);
  if (!faq_store) return std::unexpected(faq_store.error());
  parts.store = *std::move(faq_store);

  if (const std::filesystem::path& file = instance.config.faq.questions_file; !file.empty()) {
    Result<faq::FaqQuestionSet> questions = faq::LoadFaqQuestions(instance.data_dir / file);
    if (!questions) return std::unexpected(questions.error());
    parts.generator.questions = *std::move(questions);
  }
  const LlmSettings& llm = instance.config.llm;
  if (llm.configured()) {
    Result<std::unique_ptr<llm::LlmClient>> client = llm::MakeOpenAiLlmClient(llm.options);
    if (!client) return std::unexpected(client.error());
    parts.llm = Metered(*std::move(client), usage);
  }
  parts.generator.llm = parts.llm.get();
  parts.generator.context_tokens = llm.options.context_tokens;
  parts.generator.max_tokens = llm.max_tokens;
  // A venue paper's PDF comes from its source's own site (PdfFetcher::EnableVenues).
  parts.generator.load_pdf = [&pdfs](const FaqPaper& paper, std::stop_token stop) {
    return paper.is_venue() ? pdfs.LoadVenue(paper.venue(), std::move(stop))
                            : pdfs.Load(paper.arxiv(), std::move(stop));
  };
  return parts;
}

Result<TranslationParts> OpenTranslationParts(Instance& instance, ModelUsage* usage) {
  TranslationParts parts;
  const TranslateSettings& settings = instance.config.translate;
  if (!settings.enabled) return parts;
  Result<std::unique_ptr<store::TranslationStore>> translations =
      store::OpenTranslationStoreAt(instance.store_location);
  if (!translations) return std::unexpected(translations.error());
  llm::LlmOptions options = instance.config.llm.options;
  if (!settings.model.empty()) options.model = settings.model;
  Result<std::unique_ptr<llm::LlmClient>> client = llm::MakeOpenAiLlmClient(std::move(options));
  if (!client) return std::unexpected(client.error());
  parts.store = *std::move(translations);
  parts.llm = Metered(*std::move(client), usage);
  return parts;
}

}  // namespace coolpapers::cli
