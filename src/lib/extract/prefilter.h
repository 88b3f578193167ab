// The literal prefilter: which rules can possibly match a line.
//
// RE2's FilteredRE2 extracts from every pattern the literal strings ("atoms")
// that any match must contain. The atoms are folded like the text's folded
// view (lower case, no diacritics, đ→d), so one pass of a literal RE2::Set
// over the folded line finds the atoms present, and FilteredRE2 says which
// rules remain possible. A rule with no usable atom always runs. A skipped
// rule could not have matched, so results never depend on the prefilter.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie::detail {

class LiteralPrefilter {
 public:
  LiteralPrefilter() = default;
  LiteralPrefilter(const LiteralPrefilter&) = delete;
  LiteralPrefilter& operator=(const LiteralPrefilter&) = delete;

  /// Adds a pattern (with its case option); its id is the number of patterns
  /// added before it.
  Status add(const std::string& pattern, bool case_sensitive);
  /// Compiles; call once after the last add().
  Status compile(const Normalizer& normalizer);

  /// Appends to `out` the ids of the patterns that may match a line whose
  /// folded view is `folded_line`, in ascending order.
  void candidates(std::string_view folded_line, std::vector<int>* out) const;

 private:
  re2::FilteredRE2 filter_{3};
  int count_ = 0;
  std::unique_ptr<RE2::Set> atoms_;
  std::vector<std::vector<int>> atom_ids_;  // folded atom → FilteredRE2 atom indices
};

}  // namespace vnie::detail
