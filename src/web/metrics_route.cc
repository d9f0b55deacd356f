// /metrics: the instance's counters and state in Prometheus' text format (site_metrics.h for
// the requests, the caches and the refusals; metrics/instance_metrics.h for the jobs, the
// harvest and the model). Served to loopback clients that came through no proxy, and to
// anyone presenting "Authorization: Bearer <token>" ([metrics] token, else [site]
// admin_token); others get 403. Never cached.
#include <string>
#include <string_view>

#include "web/http_status.h"
#include "web/metrics/instance_metrics.h"
#include "web/metrics/prometheus_text.h"
#include "web/route_context.h"
#include "web/site_metrics.h"

namespace coolpapers::web {
namespace {

constexpr std::string_view kBearer = "Bearer ";

bool MayRead(const Request& request, const std::string& token) {
  if (request.peer_loopback && !request.proxied) return true;
  if (token.empty() || !request.authorization.starts_with(kBearer)) return false;
  return SameSecret(request.authorization.substr(kBearer.size()), token);
}

}  // namespace

// 200 with the exposition; 404 error JSON when the instance counts nothing (services.metrics
// null); 403 error JSON for a client that may not read it; 503 when the store cannot be read.
Result<Response> HandleMetrics(const RouteContext& context) {
  const SiteServices& services = context.services;
  if (services.metrics == nullptr) {
    return MakeErrorResponse(404, "not_found", "this instance does not serve metrics",
                             ErrorFormat::kJson);
  }
  if (!MayRead(context.request, services.metrics_token)) {
    return MakeErrorResponse(
        403, "forbidden",
        "metrics are served to clients on this machine, or with \"Authorization: Bearer\" and "
        "the metrics token ([metrics] token)",
        ErrorFormat::kJson);
  }
  PrometheusText out;
  services.metrics->Append(out);
  if (Result<void> appended = AppendInstanceMetrics(out, services); !appended) {
    return MakeErrorResponse(503, ErrorCodeName(appended.error().code),
                             "the metrics cannot be read: " + appended.error().message,
                             ErrorFormat::kJson);
  }
  return MakeUncachedResponse(200, kPrometheusTextType, out.Take());
}

}  // namespace coolpapers::web
