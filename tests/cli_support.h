// Helpers for the tests that run the `vnie` binary as a process
// (tests/unit/test_cli*.cpp): temporary directories, shell quoting, running
// the tool with stdin/stdout/stderr in files, JSON Lines parsing.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace vnie_cli_test {

namespace fs = std::filesystem;
using nlohmann::json;

using vnie_test::TempDir;

/// `s` quoted for the shell.
inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

struct Run {
  int code = -1;
  std::string out, err;
};

/// Runs `vnie ARGS` (ARGS already shell-quoted where needed) with `input` on
/// stdin, in directory `cwd` when given, with `env` (e.g. "LC_ALL=C") first.
inline Run run_vnie(const std::string& args, const std::string& input = "",
                    const std::string& cwd = "", const std::string& env = "") {
  TempDir io;
  fs::path in = io.write("stdin", input);
  fs::path out = io.path() / "stdout", err = io.path() / "stderr";
  std::string cmd;
  if (!cwd.empty()) cmd += "cd " + quote(cwd) + " && ";
  cmd += env + " " + quote(VNIE_CLI_PATH) + " " + args + " <" + quote(in.string()) + " >" +
         quote(out.string()) + " 2>" + quote(err.string());
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = vnie_test::read_file(out);
  r.err = vnie_test::read_file(err);
  return r;
}

inline std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

/// Parses JSON Lines output; every line must be valid JSON.
inline std::vector<json> parse_jsonl(const std::string& s) {
  std::vector<json> docs;
  for (const auto& line : lines_of(s)) {
    json j;
    REQUIRE_NOTHROW(j = json::parse(line));
    docs.push_back(j);
  }
  return docs;
}

}  // namespace vnie_cli_test
