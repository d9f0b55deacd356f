// The coolpapers binary: parses the command line and hands over to one subcommand. Nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/import_command.h"
#include "cli/serve_command.h"

int main(int argc, char** argv) try {
  using namespace coolpapers::cli;
  CLI::App app{"coolpapers: immersive arXiv paper discovery, self-hosted"};
  app.require_subcommand(1);

  ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the site over HTTP");
  serve_cmd->add_option("--data", serve.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port to listen on")->capture_default_str();
  serve_cmd->add_option("--threads", serve.threads, "Worker threads (0: one per core)")
      ->capture_default_str();

  ImportOptions import;
  CLI::App* import_cmd =
      app.add_subcommand("import", "Import JSON Lines paper metadata (Kaggle or daily-listing shape)");
  import_cmd->add_option("--data", import.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  import_cmd->add_option("files", import.files, "JSON Lines files to import")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that print and succeed; every real one is a usage error.
    int printed = app.exit(e);
    return printed == 0 ? 0 : 2;
  }
  if (serve_cmd->parsed()) return RunServeCommand(serve);
  if (import_cmd->parsed()) return RunImportCommand(import);
  return 2;
} catch (const std::exception& e) {
  std::fprintf(stderr, "coolpapers: %s\n", e.what());
  return 1;
}
