#include "web/metrics/prometheus_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace coolpapers::web {
namespace {

// Label values escape backslashes, line feeds and double quotes; HELP text the first two.
void AppendEscaped(std::string& out, std::string_view text, bool quotes) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

void AppendNumber(std::string& out, double value) {
  if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
    return;
  }
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  char buffer[32];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    // The shortest text that reads back as the same double: 0.0005, not 0.00050000000000000001.
    for (int precision = 6; precision <= 17; ++precision) {
      std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
      if (std::strtod(buffer, nullptr) == value) break;
    }
  }
  out += buffer;
}

}  // namespace

void PrometheusText::Family(std::string_view name, std::string_view type, std::string_view help) {
  out_ += "# HELP ";
  out_ += name;
  out_ += ' ';
  AppendEscaped(out_, help, /*quotes=*/false);
  out_ += "\n# TYPE ";
  out_ += name;
  out_ += ' ';
  out_ += type;
  out_ += '\n';
}

void PrometheusText::Sample(std::string_view name, std::span<const MetricLabel> labels,
                            double value) {
  out_ += name;
  if (!labels.empty()) {
    out_ += '{';
    bool first = true;
    for (const auto& [label, label_value] : labels) {
      if (!first) out_ += ',';
      first = false;
      out_ += label;
      out_ += "=\"";
      AppendEscaped(out_, label_value, /*quotes=*/true);
      out_ += '"';
    }
    out_ += '}';
  }
  out_ += ' ';
  AppendNumber(out_, value);
  out_ += '\n';
}

void PrometheusText::Histogram(std::string_view name, std::span<const MetricLabel> labels,
                               std::span<const double> bounds, std::span<const uint64_t> counts,
                               double sum) {
  const std::string bucket = std::string(name) + "_bucket";
  std::vector<MetricLabel> with_bound(labels.begin(), labels.end());
  with_bound.emplace_back("le", "");
  uint64_t cumulative = 0;
  std::string bound_text;
  for (size_t i = 0; i <= bounds.size(); ++i) {
    cumulative += i < counts.size() ? counts[i] : 0;
    bound_text.clear();
    AppendNumber(bound_text, i < bounds.size() ? bounds[i] : INFINITY);
    with_bound.back().second = bound_text;
    Sample(bucket, with_bound, static_cast<double>(cumulative));
  }
  Sample(std::string(name) + "_sum", labels, sum);
  Sample(std::string(name) + "_count", labels, static_cast<double>(cumulative));
}

}  // namespace coolpapers::web
