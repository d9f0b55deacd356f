// The coolpapers binary: parses the command line and hands over to one subcommand. Nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/backup_command.h"
#include "cli/doctor_command.h"
#include "cli/faq_command.h"
#include "cli/harvest_command.h"
#include "cli/import_command.h"
#include "cli/index_command.h"
#include "cli/jobs_command.h"
#include "cli/mcp_command.h"
#include "cli/serve_command.h"
#include "cli/store_command.h"
#include "cli/venue_command.h"

int main(int argc, char** argv) try {
  using namespace coolpapers::cli;
  CLI::App app{"coolpapers: immersive arXiv paper discovery, self-hosted"};
  app.require_subcommand(1);
  // Every command that opens the store takes --store, which wins over [store] url.
  const auto add_store_option = [](CLI::App* command, std::string& store) {
    command->add_option("--store", store,
                        "The store: sqlite:PATH or postgresql://... (default: [store] url, "
                        "else DATA/coolpapers.sqlite)");
  };

  ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the site over HTTP");
  serve_cmd->add_option("--data", serve.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(serve_cmd, serve.store);
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port to listen on")->capture_default_str();
  serve_cmd->add_option("--threads", serve.threads, "Worker threads (0: one per core)")
      ->capture_default_str();
  serve_cmd->add_option("--config", serve.config_file,
                        "Configuration file (default: DATA/coolpapers.toml when present)");
  serve_cmd->add_flag("--harvest", serve.harvest,
                      "Harvest arXiv's daily announcements even if the configuration turns it off");
  serve_cmd->add_flag("--no-harvest", serve.no_harvest,
                      "Do not harvest arXiv's daily announcements (the default is to harvest)")
      ->excludes(serve_cmd->get_option("--harvest"));
  serve_cmd->add_option("--page-cache-mb", serve.page_cache_mb,
                        "Bound of the caches of rendered pages and search results together, in MiB "
                        "(three quarters for pages; 0: cache nothing, for benchmarks)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  serve_cmd->add_option("--index-map-mb", serve.index_map_mb,
                        "Read the search index from a mapping of its files, this many MiB of it "
                        "in memory at most (faster searches where the memory holds what they "
                        "read, e.g. 4096 at 2.7M papers; 0: read it from the files)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  serve_cmd->add_option("--index-cache-mb", serve.index_cache_mb,
                        "Keep this many MiB of the search index's most read blocks in memory "
                        "(default: a 64th of the index's size, at most 32; 0: none)")
      ->check(CLI::NonNegativeNumber);

  ImportOptions import;
  CLI::App* import_cmd =
      app.add_subcommand("import", "Import JSON Lines paper metadata (Kaggle or daily-listing shape)");
  import_cmd->add_option("--data", import.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(import_cmd, import.store);
  import_cmd->add_option("files", import.files, "JSON Lines files to import")->required();

  VenueOptions venue;
  CLI::App* venue_cmd = app.add_subcommand("venue", "Conference proceedings: import files, fetch editions, list them");
  venue_cmd->require_subcommand(1);
  CLI::App* venue_import_cmd = venue_cmd->add_subcommand(
      "import", "Import Paper Copilot JSON, ACL Anthology XML, PMLR BibTeX or OpenReview JSON");
  venue_import_cmd->add_option("--edition", venue.edition,
                               "Edition of Paper Copilot lists not named like iclr2024.json, e.g. ICLR.2024");
  venue_import_cmd->add_option("files", venue.files, "Venue files to import")->required();
  CLI::App* venue_list_cmd =
      venue_cmd->add_subcommand("list", "List the stored editions with their paper counts");
  CLI::App* venue_fetch_cmd = venue_cmd->add_subcommand(
      "fetch", "Queue the harvest of one edition from its source (serve runs it), e.g. ICLR.2025");
  venue_fetch_cmd->add_option("edition", venue.edition, "The edition, e.g. ICLR.2025")->required();
  venue_fetch_cmd->add_flag("--now", venue.fetch_now,
                            "Fetch and import it in this process instead of queueing it");
  venue_fetch_cmd->add_option("--config", venue.config_file,
                              "Configuration file (default: DATA/coolpapers.toml when present)");
  for (CLI::App* sub : {venue_import_cmd, venue_list_cmd, venue_fetch_cmd}) {
    sub->add_option("--data", venue.data_dir, "Data folder (store, index, caches)")
        ->capture_default_str();
    add_store_option(sub, venue.store);
  }

  IndexOptions index;
  CLI::App* index_cmd = app.add_subcommand("index", "Maintain the search index (DATA/index)");
  index_cmd->require_subcommand(1);
  index_cmd->add_option("--data", index.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(index_cmd, index.store);
  CLI::App* index_rebuild_cmd =
      index_cmd->add_subcommand("rebuild", "Rebuild the search index from the store");
  CLI::App* index_update_cmd = index_cmd->add_subcommand(
      "update", "Index the papers changed since the last update (serve does this itself)");
  for (CLI::App* sub : {index_rebuild_cmd, index_update_cmd}) {
    sub->add_option("--data", index.data_dir, "Data folder (store, index, caches)")
        ->capture_default_str();
    add_store_option(sub, index.store);
  }
  index_update_cmd->add_flag(
      "--bounds", index.rebound,
      "Build the block bounds and word tiers again even if current (they let a search of one "
      "word, or of two or three common words, read only the papers that can reach its page; "
      "update builds them when 1% of the papers changed)");

  JobsOptions jobs;
  CLI::App* jobs_cmd = app.add_subcommand("jobs", "List the job queue (arXiv fetches, PDFs, LLM calls)");
  jobs_cmd->add_option("--data", jobs.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(jobs_cmd, jobs.store);
  jobs_cmd->add_option("--kind", jobs.kind, "Only jobs of this kind: arxiv, pdf or llm");
  jobs_cmd->add_option("--state", jobs.state, "Only jobs in this state: queued, running, done or failed");
  jobs_cmd->add_option("--limit", jobs.limit, "At most this many jobs")->capture_default_str();

  DoctorOptions doctor;
  CLI::App* doctor_cmd =
      app.add_subcommand("doctor", "Show the instance's state: harvest, queue, recent failures");
  doctor_cmd->add_option("--data", doctor.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(doctor_cmd, doctor.store);
  doctor_cmd->add_option("--config", doctor.config_file,
                         "Configuration file (default: DATA/coolpapers.toml when present)");

  HarvestCommandOptions harvest;
  CLI::App* harvest_cmd = app.add_subcommand(
      "harvest", "Harvest arXiv now: today's feeds (--daily) or a backfill (--from/--until)");
  harvest_cmd->add_option("--data", harvest.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(harvest_cmd, harvest.store);
  harvest_cmd->add_option("--config", harvest.config_file,
                          "Configuration file (default: DATA/coolpapers.toml when present)");
  harvest_cmd->add_flag("--daily", harvest.daily,
                        "Check every configured category's feed once and report each day");
  harvest_cmd->add_option("--from", harvest.from, "Backfill from this day (YYYY-MM-DD)");
  harvest_cmd->add_option("--until", harvest.until, "Backfill until this day (YYYY-MM-DD)");

  FaqCommandOptions faq;
  CLI::App* faq_cmd = app.add_subcommand(
      "faq", "Answer the FAQ of one paper from its PDF (the model of [llm], or extractive)");
  faq_cmd->add_option("--data", faq.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(faq_cmd, faq.store);
  faq_cmd->add_option("--config", faq.config_file,
                      "Configuration file (default: DATA/coolpapers.toml when present)");
  faq_cmd->add_option("id", faq.id, "arXiv id, e.g. 2401.06769 or 2401.06769v1")->required();
  faq_cmd->add_option("--lang", faq.lang, "Language of the answers: en or zh")
      ->capture_default_str();
  faq_cmd->add_flag("--fresh", faq.fresh, "Generate again even when an answer is stored");

  McpOptions mcp;
  CLI::App* mcp_cmd = app.add_subcommand(
      "mcp", "Serve the Model Context Protocol on stdin/stdout: list-day, paper, search, related "
             "and FAQ tools for research agents (reads only)");
  mcp_cmd->add_option("--data", mcp.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(mcp_cmd, mcp.store);

  StoreCopyOptions store_copy;
  CLI::App* store_cmd = app.add_subcommand("store", "Manage the store itself");
  store_cmd->require_subcommand(1);
  CLI::App* store_copy_cmd = store_cmd->add_subcommand(
      "copy", "Copy a SQLite store into an empty PostgreSQL database, then check it row by row");
  store_copy_cmd->add_option("--from", store_copy.from, "The SQLite store: sqlite:PATH")
      ->required();
  store_copy_cmd->add_option("--to", store_copy.to, "The PostgreSQL database: postgresql://...")
      ->required();

  BackupOptions backup;
  CLI::App* backup_cmd = app.add_subcommand(
      "backup", "Copy the SQLite store to DEST while the instance runs (PostgreSQL: pg_dump)");
  backup_cmd->add_option("--data", backup.data_dir, "Data folder (store, index, caches)")
      ->capture_default_str();
  add_store_option(backup_cmd, backup.store);
  backup_cmd->add_option("destination", backup.destination, "The new file to write")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that print and succeed; every real one is a usage error.
    int printed = app.exit(e);
    return printed == 0 ? 0 : 2;
  }
  if (serve_cmd->parsed()) return RunServeCommand(serve);
  if (import_cmd->parsed()) return RunImportCommand(import);
  if (index_cmd->parsed()) {
    index.rebuild = index_rebuild_cmd->parsed();
    return RunIndexCommand(index);
  }
  if (venue_cmd->parsed()) {
    venue.list = venue_list_cmd->parsed();
    venue.fetch = venue_fetch_cmd->parsed();
    return RunVenueCommand(venue);
  }
  if (jobs_cmd->parsed()) return RunJobsCommand(jobs);
  if (mcp_cmd->parsed()) return RunMcpCommand(mcp);
  if (doctor_cmd->parsed()) return RunDoctorCommand(doctor);
  if (harvest_cmd->parsed()) return RunHarvestCommand(harvest);
  if (faq_cmd->parsed()) return RunFaqCommand(faq);
  if (store_copy_cmd->parsed()) return RunStoreCopyCommand(store_copy);
  if (backup_cmd->parsed()) return RunBackupCommand(backup);
  return 2;
} catch (const std::exception& e) {
  std::fprintf(stderr, "coolpapers: %s\n", e.what());
  return 1;
}
