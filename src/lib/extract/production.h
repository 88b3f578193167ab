// Productions: the C++ functions that turn a rule match into a typed value.
//
// A rule file names its production (`production: money`); the engine looks it
// up here by name. A production reads the match's named captures, may look at
// word lists and at the mentions accepted in earlier stages, and either fills
// `*out` and returns true, or rejects the match (returns false), e.g. "31/2"
// is not a date. Productions must be pure functions of their input: they run
// concurrently from many threads.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/document.h"
#include "vnie/normalize.h"

namespace vnie::detail {

class Lexicon;

/// Everything a production can see about one match.
class Match {
 public:
  /// The capture `name` in the view the rule ran on; nullopt when the group
  /// did not take part in the match or does not exist.
  std::optional<std::string_view> get(std::string_view name) const;
  /// True when capture `name` took part in the match.
  bool has(std::string_view name) const { return get(name).has_value(); }
  /// The capture `name` as it reads in the normalized view (with diacritics),
  /// even when the rule ran on the folded view. nullopt as for get().
  std::optional<std::string_view> normalized(std::string_view name) const;
  /// The whole match, in the rule's view and in the normalized view.
  std::string_view whole() const { return whole_; }
  std::string_view whole_normalized() const;

  /// The rule's view of the document and the match's byte span in it.
  View view() const { return view_; }
  std::size_t start() const { return start_; }
  std::size_t end() const { return end_; }
  const NormalizedText& document() const { return *doc_; }

  /// Word lists (rules/lists/*.txt).
  const Lexicon& lexicon() const { return *lexicon_; }
  /// The document's reference date (year/month/day), when known.
  const std::optional<DateValue>& reference_date() const { return *ref_date_; }
  /// Mentions accepted in earlier stages, spans in the NORMALIZED view,
  /// sorted by start.
  const std::vector<Mention>& earlier() const { return *earlier_; }

  /// The rule id (for messages).
  std::string_view rule_id() const { return rule_id_; }

  /// Ends the mention at `end` instead of at the end of the match: a production that
  /// reads the words of a match by grammar may keep only the first of them (a counted
  /// noun cut at a function word). `end` is a byte offset in the rule's view inside
  /// (start(), end()]; other values are ignored.
  void end_mention_at(std::size_t end) const {
    if (end > start_ && end <= end_) mention_end_ = end;
  }
  /// Where the mention ends: end() unless end_mention_at() said otherwise.
  std::size_t mention_end() const { return mention_end_ ? mention_end_ : end_; }
  /// Starts the mention at `start` instead of at the start of the match: a production may
  /// leave out a leading common noun its rule needs as context ("hãng Samsung" → "Samsung").
  /// `start` is a byte offset in the rule's view inside [start(), end()); other values are
  /// ignored.
  void start_mention_at(std::size_t start) const {
    if (start >= start_ && start < end_) mention_start_ = start;
  }
  /// Where the mention starts: start() unless start_mention_at() said otherwise.
  std::size_t mention_start() const { return mention_start_ ? mention_start_ : start_; }

  // Set by the engine.
  struct Capture {
    std::string_view name;
    std::string_view text;  // data() == nullptr when the group did not match
  };
  std::vector<Capture> captures_;
  std::string_view whole_;
  View view_ = View::normalized;
  std::size_t start_ = 0, end_ = 0;
  const NormalizedText* doc_ = nullptr;
  const Lexicon* lexicon_ = nullptr;
  const std::optional<DateValue>* ref_date_ = nullptr;
  const std::vector<Mention>* earlier_ = nullptr;
  std::string_view rule_id_;
  mutable std::size_t mention_end_ = 0;    // 0: the match's end
  mutable std::size_t mention_start_ = 0;  // 0: the match's start
};

/// A production. Fills *out with the alternative for the rule's mention type.
using Production = std::function<bool(const Match& m, Value* out)>;

/// A production's gate: a cheap test of a candidate start, run before the rule's pattern
/// (the engine's costliest step). It sees a Match whose start() and end() are the candidate
/// start, with no captures; it returns false only where the production would reject every
/// match that starts there (e.g. no marker word before a given name), so a gate never changes
/// results, it only saves the pattern's work at starts that cannot give a mention.
using Gate = std::function<bool(const Match& m)>;

/// Name → production (and its gate, if it has one). Built once, read-only afterwards.
class ProductionRegistry {
 public:
  void add(std::string name, Production p, Gate gate = nullptr) {
    map_.emplace(std::move(name), Entry{std::move(p), std::move(gate)});
  }
  const Production* find(std::string_view name) const {
    auto it = map_.find(std::string(name));
    return it == map_.end() ? nullptr : &it->second.production;
  }
  /// The gate of production `name`; nullptr when it has none (or there is no such production).
  const Gate* find_gate(std::string_view name) const {
    auto it = map_.find(std::string(name));
    return it == map_.end() || !it->second.gate ? nullptr : &it->second.gate;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : map_) out.push_back(k);
    return out;
  }

 private:
  struct Entry {
    Production production;
    Gate gate;
  };
  std::map<std::string, Entry> map_;
};

/// The registry with every built-in production (src/lib/*/productions).
const ProductionRegistry& builtin_productions();

// Each module adds its productions here; builtin_productions() calls them all.
void register_value_productions(ProductionRegistry& r);   // src/lib/values
void register_entity_productions(ProductionRegistry& r);  // src/lib/entities

}  // namespace vnie::detail
