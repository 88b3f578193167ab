// Loading a whole rule set: the embedded defaults and user directories,
// macros expanded, lists resolved, patterns compiled, productions bound.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/production.h"
#include "rules/lexicon.h"
#include "rules/rule_file.h"
#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie::detail {

struct CompiledRule {
  RuleSpec spec;
  std::string expanded;                  ///< the pattern with macros and lists expanded
  std::unique_ptr<RE2> re;
  std::vector<std::string> group_names;  ///< [i] = name of capture group i (i ≥ 1), "" if unnamed
  const Production* production = nullptr;
  const Gate* gate = nullptr;  ///< the production's gate, tried at each candidate start; may be null
  std::optional<DateValue> example_reference_date;  ///< the file's reference-date, if set
};

struct RuleSet {
  explicit RuleSet(const Normalizer* n) : lexicon(n) {}
  std::vector<CompiledRule> rules;  ///< in load order (file order, replacements in place)
  Lexicon lexicon;
};

/// Loads the embedded rules (when `with_defaults`) then each directory of
/// `dirs`, in order. On failure returns the first error (file, line, rule id).
Status load_rules(const std::vector<std::string>& dirs, bool with_defaults,
                  const Normalizer& normalizer, RuleSet* out);

}  // namespace vnie::detail
