#include "cli/serve_command.h"

#include <cstdio>
#include <memory>

#include "cli/data_dir.h"
#include "store/sqlite_store.h"
#include "web/server.h"
#include "web/site.h"

namespace coolpapers::cli {

int RunServeCommand(const ServeOptions& options) {
  if (Result<void> made = EnsureDataDir(options.data_dir); !made) {
    std::fprintf(stderr, "coolpapers: %s\n", made.error().message.c_str());
    return 1;
  }
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(StorePath(options.data_dir));
  if (!store) {
    std::fprintf(stderr, "coolpapers: %s\n", store.error().message.c_str());
    if (!store.error().detail.empty()) std::fprintf(stderr, "  (%s)\n", store.error().detail.c_str());
    return 1;
  }
  web::Site site(**store);

  web::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.threads = options.threads;
  Result<std::unique_ptr<web::Server>> server =
      web::Server::Start(server_options, [&site](const web::Request& request) { return site.Handle(request); });
  if (!server) {
    std::fprintf(stderr, "coolpapers: %s\n", server.error().message.c_str());
    return 1;
  }
  const bool ipv6 = options.host.find(':') != std::string::npos;
  std::fprintf(stderr, "coolpapers: serving http://%s%s%s:%u/ (data: %s)\n", ipv6 ? "[" : "",
               options.host.c_str(), ipv6 ? "]" : "", static_cast<unsigned>((*server)->port()),
               options.data_dir.string().c_str());
  (*server)->Wait();
  std::fprintf(stderr, "coolpapers: stopped\n");
  return 0;
}

}  // namespace coolpapers::cli
