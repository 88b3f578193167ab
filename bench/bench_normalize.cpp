// bench_normalize [FILE] — throughput of vnie::Normalizer::normalize().
//
// Reads FILE (default: ../shared/bench/dantri-2020-2021.txt beside the source
// tree), and times normalize() over it line by line (one call per line, as
// extraction does) and as one string, best of 3 runs, for the file as it is
// and for the same text converted to NFD first (the conversion is not
// timed). Prints MB/s (10^6 input bytes per second) on one thread, by wall
// clock and by the thread's CPU time (the steadier figure on a busy machine).
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/normalize.h"

namespace {

std::filesystem::path default_input() {
  // This file is bench/bench_normalize.cpp in the source tree.
  const std::filesystem::path source_dir = std::filesystem::path(__FILE__).parent_path().parent_path();
  return source_dir / ".." / "shared" / "bench" / "dantri-2020-2021.txt";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool to_nfd(const std::string& in, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  icu::StringByteSink<std::string> sink(&out);
  nfd->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink,
                     nullptr, status);
  return U_SUCCESS(status);
}

// CPU time of this thread: on a shared machine wall-clock time also counts
// the time other processes hold the core.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timing {
  double wall_mb_per_s = 0;  // best of 3, wall clock
  double cpu_mb_per_s = 0;   // best of 3, thread CPU time
  std::size_t checksum = 0;  // keeps the work observable
};

template <typename Fn>
Timing best_of_3(std::size_t bytes, Fn&& fn) {
  Timing best;
  const double mb = static_cast<double>(bytes) / 1e6;
  for (int run = 0; run < 3; ++run) {
    const double cpu0 = thread_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t checksum = fn();
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - t0;
    const double cpu = thread_cpu_seconds() - cpu0;
    best.wall_mb_per_s = std::max(best.wall_mb_per_s, mb / wall.count());
    best.cpu_mb_per_s = std::max(best.cpu_mb_per_s, mb / cpu);
    best.checksum = checksum;
  }
  return best;
}

void run(const char* label, const std::string& text, const vnie::Normalizer& normalizer) {
  const std::vector<std::string_view> lines = split_lines(text);
  const Timing by_line = best_of_3(text.size(), [&] {
    std::size_t sum = 0;
    for (std::string_view line : lines) {
      const vnie::NormalizedText r = normalizer.normalize(line);
      sum += r.text.size() + r.folded.size() + r.warnings.size();
    }
    return sum;
  });
  const Timing whole = best_of_3(text.size(), [&] {
    const vnie::NormalizedText r = normalizer.normalize(text);
    return r.text.size() + r.folded.size() + r.warnings.size();
  });
  std::printf("%s: %zu bytes, %zu lines (check %zu/%zu)\n", label, text.size(), lines.size(),
              by_line.checksum, whole.checksum);
  std::printf("  line by line  %8.1f MB/s wall  %8.1f MB/s cpu\n", by_line.wall_mb_per_s,
              by_line.cpu_mb_per_s);
  std::printf("  whole         %8.1f MB/s wall  %8.1f MB/s cpu\n", whole.wall_mb_per_s,
              whole.cpu_mb_per_s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 || (argc == 2 && (std::string_view(argv[1]) == "-h" ||
                                 std::string_view(argv[1]) == "--help"))) {
    std::fprintf(stderr, "usage: %s [FILE]\n  default FILE: %s\n", argv[0],
                 default_input().string().c_str());
    return 2;
  }
  const std::filesystem::path path = argc == 2 ? std::filesystem::path(argv[1]) : default_input();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_normalize: cannot read %s\n", path.string().c_str());
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string nfc = buffer.str();
  std::string nfd;
  if (!to_nfd(nfc, nfd)) {
    std::fprintf(stderr, "bench_normalize: ICU NFD conversion failed\n");
    return 1;
  }

  const vnie::Normalizer normalizer;
  std::printf("bench_normalize: %s\n", path.string().c_str());
  run("NFC", nfc, normalizer);
  run("NFD", nfd, normalizer);
  return 0;
}
