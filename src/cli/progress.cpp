#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace vnie_cli {

namespace {
constexpr std::uint64_t kSmallInput = std::uint64_t{4} << 20;  // never a bar below 4 MB
constexpr auto kFirstDraw = std::chrono::seconds(1);
constexpr auto kRedraw = std::chrono::milliseconds(200);

std::string duration_text(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "?";
  auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}
}  // namespace

bool parse_progress_when(const std::string& s, Progress::When* out) {
  if (s == "auto") {
    *out = Progress::When::auto_;
  } else if (s == "always") {
    *out = Progress::When::always;
  } else if (s == "never") {
    *out = Progress::When::never;
  } else {
    return false;
  }
  return true;
}

Progress::Progress(When when, std::optional<std::uint64_t> total_bytes) : total_(total_bytes) {
  always_ = when == When::always;
  enabled_ = always_ || (when == When::auto_ && ::isatty(STDERR_FILENO) == 1 &&
                         !(total_ && *total_ < kSmallInput));
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::document_done(std::uint64_t bytes_read) {
  ++docs_;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!always_ && now - start_ < kFirstDraw) return;
  if (drawn_ && now - last_ < kRedraw) return;
  last_ = now;
  draw(bytes_read, false);
}

void Progress::finish(std::uint64_t bytes_read) {
  if (enabled_ && (drawn_ || always_)) draw(bytes_read, true);
}

void Progress::draw(std::uint64_t bytes_read, bool final) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes_read) / 1e6;
  double rate = secs > 0 ? mb / secs : 0;
  char buf[256];
  int n = std::snprintf(buf, sizeof buf, "\rvnie: %llu documents, %.1f MB, %.2f MB/s",
                        static_cast<unsigned long long>(docs_), mb, rate);
  std::string line(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  if (total_ && *total_ > 0) {
    double total_mb = static_cast<double>(*total_) / 1e6;
    double pct = 100.0 * mb / total_mb;
    std::snprintf(buf, sizeof buf, ", %.0f%%", pct > 100 ? 100.0 : pct);
    line += buf;
    if (!final && rate > 0 && total_mb > mb) line += ", ETA " + duration_text((total_mb - mb) / rate);
  }
  if (final) line += ", " + duration_text(secs) + " elapsed";
  line += "\x1b[K";
  if (final) line += "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace vnie_cli
