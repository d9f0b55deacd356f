#include "ingest/import_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/venue_coverage.h"

namespace coolpapers::ingest {
namespace {

constexpr int kBarWidth = 20;

// The rate, or 0 before any time has passed (the first redraw comes at once).
double PerSecond(double amount, Seconds elapsed) {
  return elapsed.count() > 0 ? amount / elapsed.count() : 0;
}

double Fraction(const ImportCounts& counts) {
  if (counts.bytes_total <= 0) return 1;
  return std::clamp(static_cast<double>(counts.bytes_done) / counts.bytes_total, 0.0, 1.0);
}

// Seconds left at the current byte rate, or -1 when there is no rate yet.
double SecondsLeft(const ImportCounts& counts, Seconds elapsed) {
  const double byte_rate = PerSecond(static_cast<double>(counts.bytes_done), elapsed);
  if (byte_rate <= 0) return -1;
  return static_cast<double>(counts.bytes_total - counts.bytes_done) / byte_rate;
}

std::string Printf(const char* format, auto... values) {
  std::array<char, 256> buffer{};
  std::snprintf(buffer.data(), buffer.size(), format, values...);
  return buffer.data();
}

std::string FormatMegabytes(int64_t bytes) { return Printf("%.1f MB", bytes / 1e6); }

// "0:07", "12:30", or "?" before the rate is known.
std::string FormatClock(double seconds) {
  if (seconds < 0) return "?";
  const auto whole = static_cast<int64_t>(std::ceil(seconds));
  return Printf("%lld:%02lld", static_cast<long long>(whole / 60),
                static_cast<long long>(whole % 60));
}

}  // namespace

std::string FormatCount(int64_t count) { return FormatThousands(count); }

std::string RenderProgressBar(const ImportCounts& counts, Seconds elapsed) {
  const double fraction = Fraction(counts);
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "]";
  const double rate = PerSecond(static_cast<double>(counts.records), elapsed);
  return bar + Printf(" %3d%%", static_cast<int>(fraction * 100)) + "  " +
         FormatCount(counts.records) + " records  " +
         FormatCount(static_cast<int64_t>(rate)) + " rec/s  ETA " +
         FormatClock(SecondsLeft(counts, elapsed));
}

std::string RenderProgressLine(const ImportCounts& counts, Seconds elapsed) {
  const double rate = PerSecond(static_cast<double>(counts.records), elapsed);
  const double left = SecondsLeft(counts, elapsed);
  return "coolpapers: " + Printf("%d%%", static_cast<int>(Fraction(counts) * 100)) + " of " +
         FormatMegabytes(counts.bytes_total) + ", " + FormatCount(counts.records) +
         " records, " + FormatCount(static_cast<int64_t>(rate)) + " records/s, ETA " +
         (left < 0 ? "unknown" : Printf("%.0f s", std::ceil(left)));
}

std::string RenderImportTotals(const ImportCounts& counts, Seconds elapsed) {
  const double rate = PerSecond(static_cast<double>(counts.records), elapsed);
  return "coolpapers: imported " + std::to_string(counts.files_done) +
         (counts.files_done == 1 ? " file (" : " files (") + FormatMegabytes(counts.bytes_done) +
         ") in " + Printf("%.1f s", elapsed.count()) + ": " + FormatCount(counts.records) +
         " records, " + FormatCount(static_cast<int64_t>(rate)) + " records/s\n";
}

std::string RenderImportSummary(const ImportCounts& counts, Seconds elapsed) {
  const store::WriteSummary& written = counts.written;
  std::string text = RenderImportTotals(counts, elapsed);
  text += "coolpapers: papers: " + FormatCount(written.papers_inserted) + " new, " +
          FormatCount(written.papers_updated) + " updated, " +
          FormatCount(written.papers_unchanged) + " unchanged (the same, or newer in the store); " +
          FormatCount(written.listings_written) + " listings written\n";
  if (counts.skipped_lines > 0) {
    text += "coolpapers: skipped " + FormatCount(counts.skipped_lines) +
            (counts.skipped_lines == 1 ? " malformed line\n" : " malformed lines\n");
  }
  return text;
}

}  // namespace coolpapers::ingest
