// The prefilter: exactly which rules of a group match somewhere in a line.
//
// One RE2::Set holds the patterns of a group of rules (same stage, same view,
// same filter family: all value rules, or the rules of one entity type). One
// unanchored DFA pass over a line tells which of them match there, so each
// rule's own RE2, with its captures, runs only on the lines where it matches.
// Families keep each Set's DFA small: the union of every pattern in one Set
// explodes into millions of DFA states on real news text (measured in
// docs/performance.md), while these groups each stay near 200 MB/s.
//
// When a Set's DFA runs out of memory on a line, every rule of the group is a
// candidate for that line; a group whose Set does not compile (patterns too
// big together, only possible with user rules) runs all its rules on every
// line: the prefilter can only cost speed, never results.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/status.h"

namespace vnie::detail {

class RulePrefilter {
 public:
  RulePrefilter() = default;
  RulePrefilter(const RulePrefilter&) = delete;
  RulePrefilter& operator=(const RulePrefilter&) = delete;

  /// Adds a rule's expanded pattern (with its case option); its id is the
  /// number of patterns added before it.
  Status add(const std::string& pattern, bool case_sensitive);
  /// Compiles; call once after the last add().
  Status compile();

  /// Appends to `out` the ids of the patterns that match somewhere in `line`
  /// (the text of the view the rules run on), in ascending order.
  void candidates(std::string_view line, std::vector<int>* out) const;

 private:
  std::unique_ptr<RE2::Set> set_;
  int count_ = 0;
};

}  // namespace vnie::detail
