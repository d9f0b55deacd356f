#include "cli/mcp_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "faq/stored_faq_service.h"
#include "mcp/mcp_server.h"
#include "search/searcher.h"
#include "store/store_location.h"
#include "web/site.h"

namespace coolpapers::cli {
namespace {

int ReportError(const Error& error) {
  PrintError(error);
  return 1;
}

}  // namespace

int RunMcpCommand(const McpOptions& options) {
  Result<store::StoreLocation> location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) return ReportError(location.error());
  if (Result<void> ready = PrepareStore(options.data_dir, *location, StoreAccess::kExisting); !ready) {
    return ReportError(ready.error());
  }
  Result<std::unique_ptr<store::Store>> store = store::OpenStoreAt(*location);
  if (!store) return ReportError(store.error());
  Result<std::unique_ptr<store::FaqStore>> faq_store = store::OpenFaqStoreAt(*location);
  if (!faq_store) return ReportError(faq_store.error());
  faq::StoredFaqService faq(**store, **faq_store);

  web::SiteServices services;
  services.faq = &faq;
  Result<std::unique_ptr<search::Searcher>> searcher = search::Searcher::Open(IndexPath(options.data_dir));
  if (searcher) {
    services.searcher = searcher->get();
  } else {
    std::fprintf(stderr, "coolpapers: no search index (%s): search and related will answer an error "
                         "(`coolpapers index rebuild` makes one)\n",
                 searcher.error().message.c_str());
  }
  web::Site site(**store, {}, std::move(services));
  mcp::McpServer server([&site](const web::Request& request) { return site.Handle(request); },
                        COOLPAPERS_VERSION);
  std::ios::sync_with_stdio(false);
  server.Serve(std::cin, std::cout);
  return 0;
}

}  // namespace coolpapers::cli
