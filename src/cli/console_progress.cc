#include "cli/console_progress.h"

#include <cstdio>

namespace coolpapers::cli {
namespace {

constexpr size_t kMaxMalformedShown = 20;
constexpr auto kTerminalRedraw = std::chrono::milliseconds(100);
constexpr auto kLogInterval = std::chrono::seconds(2);

}  // namespace

ConsoleProgress::ConsoleProgress(bool terminal)
    : terminal_(terminal),
      started_(Clock::now()),
      last_drawn_(terminal ? Clock::time_point{} : started_) {}

void ConsoleProgress::OnProgress(const ingest::ImportCounts& counts) {
  last_ = counts;
  const Clock::time_point now = Clock::now();
  if (now - last_drawn_ < (terminal_ ? Clock::duration(kTerminalRedraw) : kLogInterval)) return;
  last_drawn_ = now;
  Draw();
}

void ConsoleProgress::OnMalformedLine(const ingest::MalformedLine& line) {
  if (++malformed_ > kMaxMalformedShown) return;
  ClearBar();
  std::fprintf(stderr, "%s:%lld: %s\n", line.file.c_str(), static_cast<long long>(line.line),
               line.message.c_str());
  if (terminal_) Draw();
}

void ConsoleProgress::Finish() {
  if (terminal_) {
    Draw();
    std::fputc('\n', stderr);
  }
  if (malformed_ > kMaxMalformedShown) {
    std::fprintf(stderr, "coolpapers: %zu more malformed lines not shown\n",
                 malformed_ - kMaxMalformedShown);
  }
}

void ConsoleProgress::Draw() {
  if (terminal_) {
    // "\033[K" clears what a longer previous bar left at the end of the line.
    std::fprintf(stderr, "\r%s\033[K", ingest::RenderProgressBar(last_, Elapsed()).c_str());
  } else {
    std::fprintf(stderr, "%s\n", ingest::RenderProgressLine(last_, Elapsed()).c_str());
  }
  std::fflush(stderr);
}

void ConsoleProgress::ClearBar() {
  if (terminal_) std::fputs("\r\033[K", stderr);
}

}  // namespace coolpapers::cli
