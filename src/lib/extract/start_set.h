// What a rule's match can start with: derived from its RE2 pattern, so that
// the engine runs a rule only where a match could begin (extract/triggers.h).
//
// The analysis reads the pattern's syntax (the subset of RE2 syntax that rule
// files use: literals, classes, escapes, groups, alternation, repetition,
// anchors) and computes a finite set of StartItems such that every non-empty
// match starts with one of them. It is conservative: an item may accept text
// where the pattern does not match (RE2 is still the judge), but never the
// other way round. Everything is compared case-folded (ICU simple case
// folding), whatever the rule's case option, which only widens the items.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vnie::detail {

/// A set of case-folded code points, or every code point.
class FoldedSet {
 public:
  /// The pseudo code point for "the end of the line" (no next character).
  static constexpr char32_t kEnd = 0x110000;

  bool contains(char32_t folded) const;
  bool all() const { return all_; }
  bool empty() const { return !all_ && cps_.empty(); }
  /// The single member, when there is exactly one (and it is not kEnd).
  bool single(char32_t* c) const;
  const std::vector<char32_t>& members() const { return cps_; }

  void add(char32_t folded) { cps_.push_back(folded); }
  void set_all() { all_ = true; cps_.clear(); }
  void merge(const FoldedSet& o);
  /// Sorts and removes duplicates; call after the last add().
  void finish();

 private:
  std::vector<char32_t> cps_;  // sorted after finish()
  bool all_ = false;
};

/// One way a match can start: at a position where the line, case-folded,
/// starts with `lit` and the code point right after it is in `next`
/// (FoldedSet::kEnd standing for the end of the line). With `line_start`,
/// only at the first byte of the line.
///
/// An item with an empty `lit` (the match starts with a class: a digit, an
/// upper-case letter) is `shaped`: its first code point must also be in
/// `first_raw` and its second in `second_raw`, both as written (not folded;
/// every code point where the pattern ignores case), so that a case-sensitive
/// `[A-Z][A-Z]` triggers on "UBND" and not on "Ngày".
struct StartItem {
  std::u32string lit;
  FoldedSet next;
  bool line_start = false;
  bool shaped = false;
  FoldedSet first_raw, second_raw;
};

/// What a pattern's matches start with, and whether they all end at the end
/// of the line (the pattern ends with '$').
struct StartSet {
  std::vector<StartItem> items;
  bool ends_at_line_end = false;
};

/// The start items of `pattern` (an expanded RE2 pattern). With
/// `word_boundary` (the rule's `boundary: word`), a match that ends on a word
/// character must not be followed by one, which narrows the items of matches
/// ending inside the literal. Returns false when the pattern uses syntax the
/// analysis does not know or yields too many items: the rule must then be
/// tried at every position.
/// `case_sensitive` is the rule's case option ((?i) and (?-i) inside the
/// pattern are read too).
bool start_items(const std::string& pattern, bool word_boundary, bool case_sensitive,
                 StartSet* out);

/// ICU simple case folding of one code point.
char32_t fold_cp(char32_t c) noexcept;

}  // namespace vnie::detail
