// The instance's state for /metrics, read when scraped from what the site was given
// (site_services.h): the job queue's depth by kind and state, the worker pools' runs and
// failures per kind, how the harvest stands, and what each model client spent.
#ifndef COOLPAPERS_WEB_METRICS_INSTANCE_METRICS_H_
#define COOLPAPERS_WEB_METRICS_INSTANCE_METRICS_H_

#include "core/error.h"
#include "web/metrics/prometheus_text.h"
#include "web/site_services.h"

namespace coolpapers::web {

// Appends the families of every service present (a missing one's are left out, except
// coolpapers_harvest_enabled, 0 then). Times are Unix timestamps in seconds, so alerts compute
// ages with time(). Errors: the store's.
[[nodiscard]] Result<void> AppendInstanceMetrics(PrometheusText& out,
                                                 const SiteServices& services);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_METRICS_INSTANCE_METRICS_H_
