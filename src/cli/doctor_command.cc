#include "cli/doctor_command.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <string>

#include "core/clock.h"
#include "cli/config_file.h"
#include "cli/instance.h"
#include "web/api/status_json.h"

namespace coolpapers::cli {
namespace {

using nlohmann::json;

constexpr int kExitHealthy = 0;
constexpr int kExitFailed = 1;
constexpr int kExitProblems = 3;

std::string Counts(const json& counts) {
  return std::to_string(counts["new"].get<int64_t>()) + " new, " +
         std::to_string(counts["cross"].get<int64_t>()) + " cross, " +
         std::to_string(counts["replace"].get<int64_t>()) + " replace";
}

void PrintDay(const json& day) {
  std::printf("  %-10s %s  %-10s feed %s; stored %s; checked %s\n",
              day["category"].get<std::string>().c_str(), day["day"].get<std::string>().c_str(),
              day["complete"].get<bool>() ? "complete" : "INCOMPLETE",
              Counts(day["feed"]).c_str(), Counts(day["stored"]).c_str(),
              day["checked"].get<std::string>().c_str());
  if (!day["complete"].get<bool>()) {
    std::printf("             %s\n", day["note"].get<std::string>().c_str());
  }
}

}  // namespace

int RunDoctorCommand(const DoctorOptions& options) {
  Result<std::unique_ptr<Instance>> instance =
      LoadAndOpenInstance(options.data_dir, options.config_file, options.store, {},
                          StoreAccess::kExisting);
  if (!instance) {
    PrintError(instance.error());
    return kExitFailed;
  }
  Instance& in = **instance;
  const bool harvest_enabled = in.config.harvest_enabled;
  Result<int64_t> papers = in.store->PaperCount();
  if (!papers) {
    PrintError(papers.error());
    return kExitFailed;
  }
  web::StatusContext context;
  context.venues = in.venues.get();
  context.harvest_enabled = harvest_enabled;
  context.now = WallMilliseconds(RealClock());
  context.details = true;
  Result<std::string> status_text = web::RenderStatusJson(*in.harvest_state, *in.jobs, context);
  if (!status_text) {
    PrintError(status_text.error());
    return kExitFailed;
  }
  const json status = json::parse(*status_text);

  std::printf("data      %s (%lld papers)\n", in.data_dir.string().c_str(),
              static_cast<long long>(*papers));
  std::printf("store     %s\n", in.store_location.Describe().c_str());  // no password shown
  std::printf("harvest   %s, %zu categories from %s\n",
              harvest_enabled ? "enabled in serve" : "disabled ([harvest] enabled = false)",
              in.config.harvest.categories.size(), in.config.harvest.feed_base_url.c_str());
  std::printf("contact   %s (sent to arXiv in the User-Agent)\n",
              in.config.http.contact_email.c_str());
  // Venue fetches from OpenReview need a login; whose is not shown, nor the password.
  std::printf("openreview %s\n", in.config.openreview.Complete()
                                      ? "login set (venue fetches of OpenReview editions)"
                                      : ("no login: " + harvest::MissingOpenReviewCredentials())
                                            .c_str());

  int problems = 0;
  const json& categories = status["harvest"]["categories"];
  std::printf("\nnewest harvested day per category (%zu):\n", categories.size());
  if (categories.empty()) std::printf("  none yet: run `coolpapers harvest --daily` or serve\n");
  for (const json& day : categories) PrintDay(day);
  const json& incomplete = status["harvest"]["incomplete_days"];
  if (!incomplete.empty()) {
    problems += static_cast<int>(incomplete.size());
    std::printf("\nincomplete days (%zu), retried by the harvester:\n", incomplete.size());
    for (const json& day : incomplete) PrintDay(day);
  }

  std::printf("\njobs:\n");
  for (const auto& [kind, states] : status["jobs"].items()) {
    std::printf("  %-6s %lld queued, %lld running, %lld done, %lld failed\n", kind.c_str(),
                static_cast<long long>(states["queued"].get<int64_t>()),
                static_cast<long long>(states["running"].get<int64_t>()),
                static_cast<long long>(states["done"].get<int64_t>()),
                static_cast<long long>(states["failed"].get<int64_t>()));
  }
  const json& failures = status["recent_failures"];
  if (!failures.empty()) {
    problems += static_cast<int>(failures.size());
    std::printf("\nlatest failed jobs (`coolpapers jobs --state failed` lists them all):\n");
    for (const json& job : failures) {
      std::printf("  #%lld %s %s after %d attempts: %s\n",
                  static_cast<long long>(job["id"].get<int64_t>()),
                  job["kind"].get<std::string>().c_str(), job["key"].get<std::string>().c_str(),
                  job["attempts"].get<int>(), job["last_error"].get<std::string>().c_str());
    }
  }
  if (status.contains("venues")) {
    const json& differing = status["venues"]["coverage_differs"];
    std::printf("\nvenue editions: %lld stored",
                static_cast<long long>(status["venues"]["editions"].get<int64_t>()));
    if (differing.empty()) {
      std::printf(", each with the official count of accepted papers or none stated\n");
    } else {
      // Not counted as problems: a partial edition is a fact about the data (fetch it again
      // with `coolpapers venue fetch`), not a fault of the instance.
      std::printf("; %zu %s from the official count of accepted papers:\n", differing.size(),
                  differing.size() == 1 ? "differs" : "differ");
      for (const json& edition : differing) {
        std::printf("  %-16s %s\n", edition["edition"].get<std::string>().c_str(),
                    edition["coverage"].get<std::string>().c_str());
      }
    }
  }
  std::printf("\n%s\n", problems == 0 ? "no problems found" : "problems found (see above)");
  return problems == 0 ? kExitHealthy : kExitProblems;
}

}  // namespace coolpapers::cli
