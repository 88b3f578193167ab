// The trigger index: in one pass over a line, every position where each rule
// of a stage could start a match, so that the rule's RE2 runs anchored there
// and nowhere else.
//
// Each rule's start items (extract/start_set.h, derived from its pattern) are
// filed by kind:
//   - a literal the first word is or starts with ("công" of "công đoàn …",
//     "ba" of "bagiờ"): one walk of a trie of case-folded literals along
//     each word of the line;
//   - a first character class (a digit, an upper-case letter) with the class
//     of the second character: a table lookup of each word's or symbol's
//     first code point, then the two characters as written;
//   - a literal with symbols ("“", "(", "q." …): checked where the line has
//     its first code point;
//   - items only at the start of a line (patterns starting with '^').
// Two kinds of rule are not triggered but searched, unanchored, over each
// line, as before the index existed: rules whose matches end at the end of
// the line ('$': RE2 searches those backwards from the end, in a few bytes),
// and rules whose pattern the analysis cannot read or which may start
// anywhere (a first '.').
//
// Rules with `boundary: word` can only start where a word does not continue
// (the engine rejects a match starting inside a word), so the index looks at
// those positions only; rules with `boundary: none` are looked up at every
// code point. The candidate positions are a superset of the starts of the
// matches the rule's unanchored search would accept, so the results are
// those of running every rule over the whole line.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/start_set.h"

namespace vnie::detail {

class TriggerIndex {
 public:
  /// Adds rule `id` (ids are 0, 1, 2… in the order added) with its expanded
  /// pattern and options. `anywhere`: the rule may start inside a word
  /// (boundary: none). `exhaustive`: ignore the pattern and try the rule at
  /// every position (Options::prefilter off).
  void add(const std::string& pattern, bool anywhere, bool case_sensitive, bool exhaustive);

  std::size_t size() const { return searched_.size(); }
  /// True when rule `id` is searched over each line instead of triggered.
  bool searched(std::uint32_t id) const { return searched_[id]; }

  /// Fills `out[id]` with the byte offsets, relative to the line, where
  /// triggered rule `id` may start a match, ascending; `out` is resized to
  /// size() and every list replaced. The line is [line_start, line_end) of
  /// `view` (the view is needed for the character before the line).
  void scan(std::string_view view, std::size_t line_start, std::size_t line_end,
            std::vector<std::vector<std::uint32_t>>* out) const;

 private:
  struct Prefix {
    std::u32string lit;
    FoldedSet next;
    std::uint32_t rule;
  };
  struct ClassItem {
    FoldedSet first_raw, second_raw;
    std::uint32_t rule;
  };
  /// A trie node over case-folded UTF-8 bytes.
  struct TrieNode {
    std::vector<std::pair<std::uint8_t, std::uint32_t>> kids;  // byte → node, sorted
    std::vector<std::uint32_t> words;                           // rules: the word is exactly this
    std::vector<std::pair<FoldedSet, std::uint32_t>> starts;    // rules: a word starts so
  };
  struct Table {
    std::vector<TrieNode> trie{1};                    // [0]: the root
    std::array<std::uint32_t, 256> root{};            // the root's children by byte (0: none)
    std::vector<std::vector<std::uint32_t>> by_first; // folded first code point < kTable → class items
    std::vector<std::uint32_t> beyond;                // class items with members ≥ kTable
    std::vector<ClassItem> classes;
    std::vector<std::vector<Prefix>> prefixes;        // by folded first code point % kBuckets
    std::vector<std::uint8_t> starts_with;            // folded code point < kTable → kWord|kClass|kPrefix
    std::vector<Prefix> line_start;
    std::vector<std::uint32_t> always;
    bool empty = true;
  };
  static constexpr char32_t kTable = 0x2000;
  static constexpr std::size_t kBuckets = 256;
  static constexpr std::uint8_t kWord = 1, kClass = 2, kPrefix = 4;

  void file(Table& t, StartItem item, std::uint32_t rule);
  std::uint32_t trie_node(Table& t, const std::u32string& lit);
  /// Adds the rules of `t` that may start at byte `pos` of `line`; `word`:
  /// a word starts there.
  void at(const Table& t, std::string_view line, std::size_t pos, bool word,
          std::vector<std::vector<std::uint32_t>>* out) const;
  /// The word trie along the word starting at `pos`.
  void walk(const Table& t, std::string_view line, std::size_t pos,
            std::vector<std::vector<std::uint32_t>>* out) const;

  Table bounded_;   // rules with boundary: word
  Table anywhere_;  // rules with boundary: none
  std::vector<bool> searched_;
};

}  // namespace vnie::detail
