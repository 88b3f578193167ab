// Parsing of rule files (docs/rules.md) into plain specs. No RE2 here:
// compiling and cross-file checks happen in ruleset.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "vnie/document.h"
#include "vnie/status.h"

namespace vnie::detail {

/// A file to load: its text and the name errors give for it.
struct SourceFile {
  std::string name;     ///< "<embedded>/values/number.rules" or a real path
  std::string relpath;  ///< path relative to its rule directory ("lists/orgs.txt")
  std::string content;
};

struct ExampleSpec {
  std::string text;                    ///< as written, with any «» marks
  bool negative = false;               ///< a `not:` line
  std::optional<std::string> expected; ///< the JSON after "=>", if any
  std::size_t line = 0;
};

struct RuleSpec {
  std::string id;
  MentionType type = MentionType::number;
  std::string production;
  std::string pattern;  ///< with {{macros}} unexpanded
  bool folded = false;  ///< view: folded
  bool case_sensitive = false;
  bool word_boundary = true;
  int priority = 0;
  int stage = 1;
  std::vector<ExampleSpec> examples;
  std::string file;
  std::size_t line = 0;          ///< line of `rule ID`
  std::size_t pattern_line = 0;  ///< line of `pattern:`
};

struct MacroSpec {
  std::string name, pattern, file;
  std::size_t line = 0;
};

struct RuleFile {
  std::vector<RuleSpec> rules;
  std::vector<MacroSpec> macros;
  std::optional<DateValue> reference_date;
};

/// Parses one rule file. On error returns a Status with file and line set.
Status parse_rule_file(const SourceFile& file, RuleFile* out);

/// Parses "YYYY-MM-DD" into a date with year, month and day (validated).
bool parse_iso_date(std::string_view s, DateValue* out);

}  // namespace vnie::detail
