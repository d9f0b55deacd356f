// Writes Prometheus' text exposition format (version 0.0.4), the body of /metrics: for each
// metric family a # HELP and a # TYPE line, then its samples, `name{label="value",...} 12`.
// Label values are escaped as the format asks (\\, \", \n); numbers are written so a parser
// reads them back exactly (integers as integers, +Inf for the last histogram bucket).
#ifndef COOLPAPERS_WEB_METRICS_PROMETHEUS_TEXT_H_
#define COOLPAPERS_WEB_METRICS_PROMETHEUS_TEXT_H_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace coolpapers::web {

// The Content-Type of the format.
inline constexpr std::string_view kPrometheusTextType = "text/plain; version=0.0.4; charset=utf-8";

using MetricLabel = std::pair<std::string_view, std::string_view>;  // {"route", "home"}

class PrometheusText {
 public:
  // Starts a family. `type` is "counter", "gauge" or "histogram"; a counter's name ends in
  // _total. Every sample written after it until the next Family belongs to it.
  void Family(std::string_view name, std::string_view type, std::string_view help);
  // One sample of the current family: `name` is the family's, or for a histogram its _bucket,
  // _sum or _count series.
  void Sample(std::string_view name, std::span<const MetricLabel> labels, double value);
  void Sample(std::string_view name, std::initializer_list<MetricLabel> labels, double value) {
    Sample(name, std::span<const MetricLabel>(labels.begin(), labels.size()), value);
  }

  // One histogram's series: a _bucket per upper bound (cumulative counts, bounds ascending)
  // and +Inf, then _sum and _count. `counts[i]` is the number of observations in
  // (bounds[i-1], bounds[i]]; counts has one more element than bounds (above the last).
  void Histogram(std::string_view name, std::span<const MetricLabel> labels,
                 std::span<const double> bounds, std::span<const uint64_t> counts, double sum);

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_METRICS_PROMETHEUS_TEXT_H_
