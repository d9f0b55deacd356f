#include "web/metrics/prometheus_text.h"

#include <gtest/gtest.h>

#include <array>

namespace coolpapers::web {
namespace {

TEST(PrometheusText, EscapesLabelValuesAndHelpAsTheFormatAsks) {
  PrometheusText out;
  out.Family("x_total", "counter", "a \\ b\nc \"quoted\"");
  out.Sample("x_total", {{"path", "a\\b\"c\nd"}, {"n", "1"}}, 3);
  out.Sample("x_total", {}, 0.25);
  EXPECT_EQ(out.text(),
            "# HELP x_total a \\\\ b\\nc \"quoted\"\n"
            "# TYPE x_total counter\n"
            "x_total{path=\"a\\\\b\\\"c\\nd\",n=\"1\"} 3\n"
            "x_total 0.25\n");
}

TEST(PrometheusText, WritesAHistogramsCumulativeBucketsSumAndCount) {
  PrometheusText out;
  const std::array<double, 2> bounds = {0.0005, 0.1};
  const std::array<uint64_t, 3> counts = {2, 0, 1};  // the last is above every bound
  const MetricLabel labels[] = {{"route", "home"}};
  out.Histogram("t_seconds", labels, bounds, counts, 1.5);
  EXPECT_EQ(out.text(),
            "t_seconds_bucket{route=\"home\",le=\"0.0005\"} 2\n"
            "t_seconds_bucket{route=\"home\",le=\"0.1\"} 2\n"
            "t_seconds_bucket{route=\"home\",le=\"+Inf\"} 3\n"
            "t_seconds_sum{route=\"home\"} 1.5\n"
            "t_seconds_count{route=\"home\"} 3\n");
}

}  // namespace
}  // namespace coolpapers::web
