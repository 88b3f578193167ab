// vnie — the command line tool. Every error becomes a message on stderr and
// an exit code: 0 ok, 1 some document failed, 2 usage error, unreadable file
// or bad rules.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli11.h"

#include "commands.h"
#include "vnie/extractor.h"

namespace {

int run(int argc, char** argv) {
  using namespace vnie_cli;
  CLI::App app{"vnie: extract dates, amounts, organizations, awards and events from Vietnamese "
               "news text",
               "vnie"};
  app.set_version_flag("--version", std::string("vnie ") + vnie::version(),
                       "Print the version and exit");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 some document could not be processed (an error line says which);\n"
      "2 usage error, unreadable file or bad rules (a message on stderr says which).\n"
      "Run 'vnie COMMAND --help' for the options of a command.");

  ExtractArgs extract_args;
  NormalizeArgs normalize_args;
  RulesArgs rules_args;
  BenchArgs bench_args;
  CLI::App* extract = setup_extract(app, &extract_args);
  CLI::App* normalize = setup_normalize(app, &normalize_args);
  CLI::App* rules = setup_rules(app, &rules_args);
  CLI::App* bench = setup_bench(app, &bench_args);

  // Everything after "--" is a path, even when it starts with '-'. CLI11 2.1
  // rejects "--" once a positional has been seen ("vnie extract a -- -b"), so
  // those arguments are set aside here and appended to the command's paths.
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> after_dashes;
  if (auto dd = std::find(args.begin(), args.end(), "--"); dd != args.end()) {
    after_dashes.assign(dd + 1, args.end());
    args.erase(dd, args.end());
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes its argument vector reversed

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; everything else is
    // a usage error, reported by CLI11 on stderr.
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  auto append = [&after_dashes](std::vector<std::string>* to) {
    to->insert(to->end(), after_dashes.begin(), after_dashes.end());
    after_dashes.clear();
  };
  if (extract->parsed()) append(&extract_args.inputs);
  if (normalize->parsed()) append(&normalize_args.inputs);
  if (rules_args.check_cmd->parsed()) append(&rules_args.check_dirs);
  if (bench->parsed() && bench_args.file.empty() && after_dashes.size() == 1) {
    bench_args.file = after_dashes[0];
    after_dashes.clear();
  }
  if (!after_dashes.empty()) {
    error_message("unexpected argument after '--': " + after_dashes[0]);
    return kExitUsage;
  }

  if (extract->parsed()) return run_extract(extract_args);
  if (normalize->parsed()) return run_normalize(normalize_args);
  if (rules->parsed()) return run_rules(rules_args);
  if (bench->parsed()) return run_bench(bench_args);
  error_message("no command given; run 'vnie --help'");
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Standard input is read through std::cin, output goes through stdio: the
  // two are never mixed on one stream, so the slow synchronization is off.
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fflush(stdout);
    std::fputs("vnie: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "vnie: internal error: %s\n", e.what());
  } catch (...) {
    std::fflush(stdout);
    std::fputs("vnie: internal error\n", stderr);
  }
  return vnie_cli::kExitUsage;
}
