// A one-line progress report on stderr for long `vnie extract` runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace vnie_cli {

class Progress {
 public:
  enum class When { auto_, always, never };
  /// With `auto_`, reports only when stderr is a terminal, and then only once
  /// the run has lasted a second (a small input never shows a bar) and the
  /// input is not known to be small. `total_bytes`: the input size when known
  /// (gives a percentage and an ETA).
  Progress(When when, std::optional<std::uint64_t> total_bytes);
  /// A document was written; `bytes_read` counts the input consumed so far.
  /// Redraws at most five times a second. Call from one thread only.
  void document_done(std::uint64_t bytes_read);
  /// Draws the final state on its own line, if anything was drawn.
  void finish(std::uint64_t bytes_read);

 private:
  void draw(std::uint64_t bytes_read, bool final);

  bool enabled_ = false;
  bool always_ = false;
  bool drawn_ = false;
  std::optional<std::uint64_t> total_;
  std::uint64_t docs_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

/// "auto", "always" or "never".
bool parse_progress_when(const std::string& s, Progress::When* out);

}  // namespace vnie_cli
