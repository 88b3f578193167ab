// `vnie bench`: throughput of each pipeline stage on a file of one document
// per line, on one thread and on N threads sharing one const Extractor.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "commands.h"
#include "vnie/json.h"

namespace vnie_cli {

CLI::App* setup_bench(CLI::App& app, BenchArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Measure throughput (MB/s per stage, documents/s, peak RSS) on FILE, one document per "
      "non-blank line, on 1 thread and on N threads");
  cmd->add_option("file", args->file,
                  "Input file; default: the file named by the VNIE_BENCH_FILE environment "
                  "variable (e.g. ../shared/bench/dantri-2020-2021.txt)")
      ->type_name("FILE");
  cmd->add_option("--threads", args->threads,
                  "Threads for the parallel run (default: the number of hardware threads)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--repeat", args->repeat, "Process the file K times in each run")
      ->type_name("K")
      ->check(CLI::Range(1u, 100000u))
      ->capture_default_str();
  add_rule_options(cmd, &args->extractor);
  return cmd;
}

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double cpu_seconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

extern "C" char** environ;

/// CPU seconds (user + system) `uconv -x any-nfc` (ICU's normalizer tool,
/// package icu-devtools) takes to normalize `path` to /dev/null, the best of
/// three runs; a negative value when it cannot be run. CPU time, not wall
/// time, so that the ratio to vnie's CPU figure holds on a loaded machine.
double time_uconv(const std::string& path) {
  double best = -1;
  for (int k = 0; k < 3; ++k) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::string a0 = "uconv", a1 = "-f", a2 = "utf-8", a3 = "-t", a4 = "utf-8", a5 = "-x",
                a6 = "any-nfc";
    std::string file = path;
    char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), a4.data(),
                    a5.data(), a6.data(), file.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "uconv", &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    int status = 0;
    struct rusage ru {};
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return -1;
    }
    const double t = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (best < 0 || t < best) best = t;
  }
  return best;
}

struct RunResult {
  double wall = 0;
  double cpu = 0;  // process CPU time (user + system), all threads
  vnie::StageTimes stages;  // summed over threads
  double output = 0;        // summed over threads
  std::size_t documents = 0, mentions = 0, events = 0, failed = 0, json_bytes = 0;
  std::string error;  // an exception escaped a worker
};

void add(vnie::StageTimes& a, const vnie::StageTimes& b) {
  a.normalize += b.normalize;
  a.prefilter += b.prefilter;
  a.match += b.match;
  a.productions += b.productions;
  a.events += b.events;
  if (a.rule_seconds.size() < b.rule_seconds.size()) {
    a.rule_seconds.resize(b.rule_seconds.size(), 0.0);
    a.rule_lines.resize(b.rule_lines.size(), 0);
  }
  for (std::size_t i = 0; i < b.rule_seconds.size(); ++i) {
    a.rule_seconds[i] += b.rule_seconds[i];
    a.rule_lines[i] += b.rule_lines[i];
  }
}

void work(const vnie::Extractor& ex, const std::vector<std::string_view>& docs, std::size_t begin,
          std::size_t end, unsigned repeat, RunResult* r) {
  try {
    vnie::Document doc;
    vnie::DocumentInfo info;
    for (unsigned k = 0; k < repeat; ++k) {
      for (std::size_t i = begin; i < end; ++i) {
        info.id = std::to_string(i + 1);
        vnie::StageTimes t;
        vnie::Status st = ex.extract(docs[i], info, &doc, &t);
        add(r->stages, t);
        ++r->documents;
        if (!st.ok()) {
          ++r->failed;
          continue;
        }
        r->mentions += doc.mentions.size();
        r->events += doc.events.size();
        auto t0 = Clock::now();
        std::string line = vnie::to_json_line(doc);
        r->output += seconds_since(t0);
        r->json_bytes += line.size();
      }
    }
  } catch (const std::exception& e) {
    r->error = e.what();
  }
}

RunResult run(const vnie::Extractor& ex, const std::vector<std::string_view>& docs,
              unsigned threads, unsigned repeat) {
  std::vector<RunResult> parts(threads);
  std::size_t chunk = (docs.size() + threads - 1) / threads;
  auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  if (threads == 1) {
    work(ex, docs, 0, docs.size(), repeat, &parts[0]);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      std::size_t b = std::min(docs.size(), t * chunk), e = std::min(docs.size(), b + chunk);
      pool.emplace_back(work, std::cref(ex), std::cref(docs), b, e, repeat, &parts[t]);
    }
    for (auto& th : pool) th.join();
  }
  RunResult total;
  total.wall = seconds_since(t0);
  total.cpu = cpu_seconds() - c0;
  for (const auto& p : parts) {
    add(total.stages, p.stages);
    total.output += p.output;
    total.documents += p.documents;
    total.mentions += p.mentions;
    total.events += p.events;
    total.failed += p.failed;
    total.json_bytes += p.json_bytes;
    if (total.error.empty()) total.error = p.error;
  }
  return total;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string rate(double mb, double secs) {
  if (secs <= 0) return "-";
  return fixed(mb / secs, 1);
}

}  // namespace

int run_bench(const BenchArgs& args) {
  std::string path = args.file;
  if (path.empty()) {
    const char* env = std::getenv("VNIE_BENCH_FILE");
    if (env != nullptr) path = env;
  }
  if (path.empty()) {
    error_message(
        "bench: no input file: give FILE or set VNIE_BENCH_FILE "
        "(e.g. VNIE_BENCH_FILE=../shared/bench/dantri-2020-2021.txt)");
    return kExitUsage;
  }
  InputSource src{path, path == "-"};
  if (src.is_stdin) src.name = kStdinName;
  auto in = InputStream::open(src);
  if (!in) return kExitUsage;
  std::string data;
  bool over = false;
  if (!in->read_all(&data, static_cast<std::size_t>(-2), &over)) {
    error_message("cannot read " + src.name + ": read error");
    return kExitUsage;
  }

  std::vector<std::string_view> docs;
  std::size_t bytes = 0;
  for (std::size_t pos = 0; pos < data.size();) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank(line)) {
      docs.push_back(line);
      bytes += line.size();
    }
    pos = nl + 1;
  }
  if (docs.empty()) {
    error_message("bench: " + src.name + " holds no documents (no non-blank line)");
    return kExitUsage;
  }

  auto t_build = Clock::now();
  auto ex = make_extractor(args.extractor);
  if (!ex) return kExitUsage;
  double build_secs = seconds_since(t_build);

  unsigned threads = args.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

  std::vector<unsigned> configs = {1};
  if (threads > 1) configs.push_back(threads);
  std::vector<RunResult> results;
  for (unsigned t : configs) {
    results.push_back(run(*ex, docs, t, args.repeat));
    if (!results.back().error.empty()) {
      error_message("bench: " + results.back().error);
      return kExitUsage;
    }
  }

  const double mb = static_cast<double>(bytes) * args.repeat / 1e6;
  std::printf("vnie %s bench\n", vnie::version());
  std::printf("input: %s: %.2f MB in %zu documents (non-blank lines), processed %u time(s)\n",
              src.name.c_str(), static_cast<double>(bytes) / 1e6, docs.size(), args.repeat);
  std::printf("extractor: %zu rules, built in %.3f s\n\n", ex->rules().size(), build_secs);

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"", ""};
  for (unsigned t : configs) head.push_back(std::to_string(t) + (t == 1 ? " thread" : " threads"));
  rows.push_back(head);
  auto row = [&](const std::string& name, const std::string& unit, auto&& f) {
    std::vector<std::string> r = {name, unit};
    for (const auto& res : results) r.push_back(f(res));
    rows.push_back(std::move(r));
  };
  row("normalize", "MB/s", [&](const RunResult& r) { return rate(mb, r.stages.normalize); });
  row("triggers", "MB/s", [&](const RunResult& r) { return rate(mb, r.stages.prefilter); });
  row("match", "MB/s", [&](const RunResult& r) { return rate(mb, r.stages.match); });
  row("productions", "MB/s", [&](const RunResult& r) { return rate(mb, r.stages.productions); });
  row("events", "MB/s", [&](const RunResult& r) { return rate(mb, r.stages.events); });
  row("output", "MB/s", [&](const RunResult& r) { return rate(mb, r.output); });
  row("total", "MB/s", [&](const RunResult& r) { return rate(mb, r.wall); });
  row("total per CPU", "MB/s", [&](const RunResult& r) { return rate(mb, r.cpu); });
  row("documents", "/s", [&](const RunResult& r) {
    return r.wall > 0 ? fixed(static_cast<double>(r.documents) / r.wall, 0) : std::string("-");
  });
  row("wall time", "s", [&](const RunResult& r) { return fixed(r.wall, 3); });
  row("CPU time", "s", [&](const RunResult& r) { return fixed(r.cpu, 3); });
  row("mention count", "", [&](const RunResult& r) { return std::to_string(r.mentions); });
  row("event count", "", [&](const RunResult& r) { return std::to_string(r.events); });
  row("failed documents", "", [&](const RunResult& r) { return std::to_string(r.failed); });
  print_table(stdout, rows);

  // The rules that cost most (1-thread run): where to look first.
  {
    const auto& st = results[0].stages;
    const auto infos = ex->rules();
    std::vector<std::size_t> order(st.rule_seconds.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return st.rule_seconds[a] > st.rule_seconds[b];
    });
    std::vector<std::vector<std::string>> top = {{"slowest rules", "s", "MB/s", "lines run"}};
    for (std::size_t k = 0; k < order.size() && k < 12; ++k) {
      const std::size_t i = order[k];
      top.push_back({infos[i].id, fixed(st.rule_seconds[i], 3), rate(mb, st.rule_seconds[i]),
                     std::to_string(st.rule_lines[i])});
    }
    std::printf("\n");
    print_table(stdout, top);
  }

  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\npeak RSS: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);

  // ICU's own normalizer tool on the same file: the yardstick of issue 8
  // (vnie, which also extracts, should be at least 1.5 times as fast).
  if (!src.is_stdin) {
    const double u = time_uconv(path);
    if (u > 0) {
      const double file_mb = static_cast<double>(data.size()) / 1e6;
      const double vnie_rate = mb / results[0].cpu;
      std::printf(
          "uconv -x any-nfc: %.1f MB/s per CPU (best of 3, whole file); "
          "ratio vnie / uconv (1 thread, per CPU): %.2f\n",
          file_mb / u, vnie_rate / (file_mb / u));
    } else {
      std::printf("uconv -x any-nfc: not run (install icu-devtools for the comparison)\n");
    }
  }
  std::printf(
      "\nMB = 10^6 input bytes. A stage's MB/s is the input size divided by the time spent in\n"
      "that stage, summed over threads (per-thread throughput); total MB/s and documents/s use\n"
      "wall-clock time (aggregate throughput); total per CPU uses the process's CPU time\n"
      "(user + system), the figure to trust on a loaded machine. output = to_json_line().\n");
  if (results.size() > 1 && (results[0].mentions != results[1].mentions ||
                             results[0].events != results[1].events)) {
    error_message("bench: the runs disagree on the number of mentions or events");
    return kExitDocumentFailed;
  }
  return kExitOk;
}

}  // namespace vnie_cli
