// A fast, read-only index of the entity word lists: lower-cased form → entry, built once per
// Lexicon and cached (the Lexicon API normalizes every lookup, too slow for the organization
// parser, which tries many word windows per match). Thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/lexicon.h"

namespace vnie::detail::entities {

struct IndexEntry {
  std::string canonical;
  std::string kind;
  bool needs_tail = false, inherit = false, generic = false;
  bool needs_tail_lower = false;
  bool keep_written = false;     // keep=written: a type kept as written in canonical names
  bool lower_ok = false;          // lower=1: a named head that is a name in lower case too
  bool tail_strict = false;       // tail=strict: a one-word name before a lower-case word is cut
  bool bare_lower = false;        // bare=lower: written alone in lower case, kept so  // needs=tail_lower: a tail is needed only in lower case
  std::string kind_alone;         // kind_alone=…: the kind when nothing follows the head
};

class ListIndex {
 public:
  /// The entry whose form equals `key` (lower case, single spaces), or nullptr.
  const IndexEntry* find(const std::string& key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  std::size_t max_words() const { return max_words_; }
  void add(const Lexicon& lx, const LexEntry& e);

 private:
  std::unordered_map<std::string, IndexEntry> map_;
  std::size_t max_words_ = 0;
};

struct EntityIndex {
  ListIndex heads;     // org_heads + org_heads_cap
  ListIndex named;     // org_named_heads
  ListIndex fields;    // org_fields
  ListIndex types;     // org_types
  ListIndex provinces;
  ListIndex bridge_stops;
  ListIndex abbreviations;  // org_abbreviations: abbreviation → expansion
};

/// The index of `lx`'s lists (cached; rebuilt when the lists differ).
std::shared_ptr<const EntityIndex> entity_index(const Lexicon& lx);

/// Lower case with single spaces: the key of ListIndex.
std::string index_key(std::string_view s);

}  // namespace vnie::detail::entities
