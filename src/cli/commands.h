// The `vnie` subcommands. Each one has an argument struct filled by CLI11, a
// setup function that declares its options, and a run function returning the
// process exit code (common.h: 0 ok, 1 a document failed, 2 usage/IO/rules).
#pragma once

#include <string>
#include <vector>

#include "cli11.h"

#include "common.h"

namespace vnie_cli {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string input_mode = "text";  ///< text | lines | jsonl
  std::string format = "jsonl";     ///< jsonl | json | table | csv | html
  bool bom = false;                 ///< csv: UTF-8 byte order mark first
  unsigned threads = 0;             ///< 0: std::thread::hardware_concurrency()
  std::string progress = "auto";    ///< auto | always | never
  bool exit_zero = false;           ///< exit 0 even when a document failed
  std::string ref_date;
  std::string encoding = "utf-8";   ///< utf-8 | cp1258 | tcvn3 | vni | viqr | auto (text, lines)
  ExtractorArgs extractor;
};
CLI::App* setup_extract(CLI::App& app, ExtractArgs* args);
int run_extract(const ExtractArgs& args);

struct NormalizeArgs {
  std::vector<std::string> inputs;
  std::string style = "traditional";
  bool fold = false;
  std::string encoding = "utf-8";  ///< of the input: utf-8 | cp1258 | tcvn3 | vni | viqr | auto
  std::string to = "utf-8";        ///< of the output: utf-8 | cp1258 | tcvn3 | vni | viqr
};
CLI::App* setup_normalize(CLI::App& app, NormalizeArgs* args);
int run_normalize(const NormalizeArgs& args);

struct RulesArgs {
  ExtractorArgs list;               ///< rules list
  std::vector<std::string> check_dirs;  ///< rules check
  bool check_no_defaults = false;
  CLI::App* list_cmd = nullptr;
  CLI::App* check_cmd = nullptr;
};
CLI::App* setup_rules(CLI::App& app, RulesArgs* args);
int run_rules(const RulesArgs& args);

struct BenchArgs {
  std::string file;
  unsigned threads = 0;  ///< 0: std::thread::hardware_concurrency()
  unsigned repeat = 1;
  ExtractorArgs extractor;
};
CLI::App* setup_bench(CLI::App& app, BenchArgs* args);
int run_bench(const BenchArgs& args);

}  // namespace vnie_cli
