#include "extract/triggers.h"

#include <algorithm>
#include <array>

#include "normalize/utf8.h"
#include "text/unicode.h"

namespace vnie::detail {

namespace {

bool all_word_chars(const std::u32string& s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return is_word_char(c); });
}

/// True when every member of `next` is a non-word character or kEnd: after
/// a literal word, the word must end there.
bool only_nonword(const FoldedSet& next) {
  if (next.all()) return false;
  return std::all_of(next.members().begin(), next.members().end(), [](char32_t c) {
    return c == FoldedSet::kEnd || !is_word_char(c);
  });
}

/// Word-character flag and case folding of the code points below U+2000
/// (ASCII, Latin, Vietnamese), computed once: the scan asks for every one.
struct CharTable {
  static constexpr char32_t kSize = 0x2000;
  std::array<char32_t, kSize> fold{};
  std::array<bool, kSize> word{};
  CharTable() {
    for (char32_t c = 0; c < kSize; ++c) {
      fold[c] = fold_cp(c);
      word[c] = is_word_char(c);
    }
  }
};
// Built at load time (no guard to test on every call; ICU's case data
// needs no initialization).
const CharTable kChars;

inline bool word_cp(char32_t c) { return c < CharTable::kSize ? kChars.word[c] : is_word_char(c); }
inline char32_t fold_fast(char32_t c) {
  return c < CharTable::kSize ? kChars.fold[c] : fold_cp(c);
}

/// The code point at byte `i` of `line` (kEnd at its end) and its length.
char32_t cp_at(std::string_view line, std::size_t i, std::size_t* len) {
  if (i >= line.size()) {
    *len = 0;
    return FoldedSet::kEnd;
  }
  const auto b = static_cast<unsigned char>(line[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return decode_at(line, i, *len);
}

char32_t folded_at(std::string_view line, std::size_t i, std::size_t* len) {
  const char32_t c = cp_at(line, i, len);
  return c == FoldedSet::kEnd ? c : fold_fast(c);
}

/// True when folded code point `c` (kEnd: end of line) passes `next`; kEnd
/// in `next` admits every non-word character too.
bool next_ok(const FoldedSet& next, char32_t c) {
  if (next.contains(c)) return true;
  return c != FoldedSet::kEnd && !word_cp(c) && next.contains(FoldedSet::kEnd);
}

/// True when `line`, case-folded, has `lit` at byte `pos` and a character
/// after it that `next` admits.
bool starts_here(std::string_view line, std::size_t pos, const std::u32string& lit,
                 const FoldedSet& next) {
  std::size_t len = 0;
  for (char32_t want : lit) {
    if (folded_at(line, pos, &len) != want) return false;
    pos += len;
  }
  return next_ok(next, folded_at(line, pos, &len));
}

void push(std::vector<std::uint32_t>& v, std::uint32_t pos) {
  if (v.empty() || v.back() != pos) v.push_back(pos);
}

void push_rule(std::vector<std::uint32_t>& rules, std::uint32_t rule) {
  if (rules.empty() || rules.back() != rule) rules.push_back(rule);
}

}  // namespace

void TriggerIndex::add(const std::string& pattern, bool anywhere, bool case_sensitive,
                       bool exhaustive) {
  const auto id = static_cast<std::uint32_t>(searched_.size());
  Table& t = anywhere ? anywhere_ : bounded_;
  StartSet set;
  if (exhaustive) {
    searched_.push_back(false);
    t.empty = false;
    t.always.push_back(id);
    return;
  }
  const bool read = start_items(pattern, !anywhere, case_sensitive, &set);
  const bool any_start = std::any_of(set.items.begin(), set.items.end(), [](const StartItem& i) {
    return !i.line_start && i.lit.empty() && i.next.all();
  });
  if (!read || set.ends_at_line_end || any_start) {
    searched_.push_back(true);
    return;
  }
  searched_.push_back(false);
  t.empty = false;
  for (StartItem& item : set.items) file(t, std::move(item), id);
}

std::uint32_t TriggerIndex::trie_node(Table& t, const std::u32string& lit) {
  std::string bytes;
  for (char32_t c : lit) append_utf8(bytes, c);
  std::uint32_t node = 0;
  for (const char ch : bytes) {
    const auto b = static_cast<std::uint8_t>(ch);
    auto& kids = t.trie[node].kids;
    auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(b, std::uint32_t{0}));
    if (it != kids.end() && it->first == b) {
      node = it->second;
      continue;
    }
    const auto fresh = static_cast<std::uint32_t>(t.trie.size());
    kids.insert(it, {b, fresh});  // `kids` may dangle after the push below
    if (node == 0) t.root[b] = fresh;
    t.trie.emplace_back();
    node = fresh;
  }
  return node;
}

void TriggerIndex::file(Table& t, StartItem item, std::uint32_t rule) {
  if (t.starts_with.empty()) t.starts_with.resize(kTable);
  auto mark = [&](char32_t c, std::uint8_t kind) {
    if (c < kTable) t.starts_with[c] |= kind;
  };
  if (!item.line_start) {
    if (item.lit.empty()) {
      for (char32_t c : item.next.members()) mark(c, kClass);
    } else {
      mark(item.lit[0], all_word_chars(item.lit) ? kWord : kPrefix);
    }
  }
  if (item.line_start) {
    t.line_start.push_back({std::move(item.lit), std::move(item.next), rule});
    return;
  }
  if (item.lit.empty()) {  // a first-character class (item.next), shaped
    if (t.by_first.empty()) t.by_first.resize(kTable);
    const auto index = static_cast<std::uint32_t>(t.classes.size());
    // Class starts are always shaped (start_set.cpp: add_class_item).
    t.classes.push_back({std::move(item.first_raw), std::move(item.second_raw), rule});
    bool beyond = false;
    for (char32_t c : item.next.members()) {
      if (c < kTable) {
        push_rule(t.by_first[c], index);
      } else {
        beyond = true;
      }
    }
    if (beyond) t.beyond.push_back(index);
    return;
  }
  if (all_word_chars(item.lit)) {
    const std::uint32_t node = trie_node(t, item.lit);
    if (only_nonword(item.next)) {
      push_rule(t.trie[node].words, rule);
    } else {
      t.trie[node].starts.emplace_back(std::move(item.next), rule);
    }
    return;
  }
  if (t.prefixes.empty()) t.prefixes.resize(kBuckets);
  const char32_t first = item.lit[0];
  t.prefixes[first % kBuckets].push_back({std::move(item.lit), std::move(item.next), rule});
}

void TriggerIndex::walk(const Table& t, std::string_view line, std::size_t pos,
                        std::vector<std::vector<std::uint32_t>>* out) const {
  const auto p32 = static_cast<std::uint32_t>(pos);
  std::uint32_t node = 0;
  char buf[4];
  for (std::size_t i = pos; i < line.size();) {
    std::size_t len = 0;
    const char32_t raw = cp_at(line, i, &len);
    if (!word_cp(raw)) break;  // the end of the word
    const char32_t c = fold_fast(raw);
    i += len;
    // The folded code point's UTF-8 bytes, one trie edge each.
    const auto n = static_cast<std::size_t>(norm::encode_utf8(c, buf));
    for (std::size_t k = 0; k < n; ++k) {
      const auto b = static_cast<std::uint8_t>(buf[k]);
      if (node == 0) {  // the root: one array lookup
        node = t.root[b];
        if (node == 0) return;
        continue;
      }
      const auto& kids = t.trie[node].kids;
      auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(b, std::uint32_t{0}));
      if (it == kids.end() || it->first != b) return;
      node = it->second;
    }
    const TrieNode& here = t.trie[node];
    if (!here.starts.empty()) {
      std::size_t l2 = 0;
      const char32_t after = folded_at(line, i, &l2);
      for (const auto& [next, rule] : here.starts) {
        if (next_ok(next, after)) push((*out)[rule], p32);
      }
    }
  }
  for (std::uint32_t r : t.trie[node].words) push((*out)[r], p32);
}

void TriggerIndex::at(const Table& t, std::string_view line, std::size_t pos, bool word,
                      std::vector<std::vector<std::uint32_t>>* out) const {
  const auto p32 = static_cast<std::uint32_t>(pos);
  for (std::uint32_t r : t.always) push((*out)[r], p32);
  std::size_t len = 0;
  const char32_t raw = cp_at(line, pos, &len);
  const char32_t first = fold_fast(raw);
  // What can start here, by the first code point (everything beyond the table).
  const std::uint8_t kinds =
      first < kTable && !t.starts_with.empty() ? t.starts_with[first] : (kWord | kClass | kPrefix);
  if (pos == 0) {
    for (const Prefix& p : t.line_start) {
      if (starts_here(line, 0, p.lit, p.next)) push((*out)[p.rule], p32);
    }
  }
  if (kinds == 0) return;
  if (word && (kinds & kWord)) walk(t, line, pos, out);
  auto try_class = [&](std::uint32_t index) {
    const ClassItem& ci = t.classes[index];
    if (!ci.first_raw.contains(raw)) return;
    if (!ci.second_raw.all()) {
      std::size_t l2 = 0;
      if (!ci.second_raw.contains(cp_at(line, pos + len, &l2))) return;
    }
    push((*out)[ci.rule], p32);
  };
  if ((kinds & kClass) && first < kTable && !t.by_first.empty()) {
    for (std::uint32_t index : t.by_first[first]) try_class(index);
  }
  if (first >= kTable) {  // classes with members beyond the table: checked as written
    for (std::uint32_t index : t.beyond) try_class(index);
  }
  if ((kinds & kPrefix) && !t.prefixes.empty()) {
    for (const Prefix& p : t.prefixes[first % kBuckets]) {
      if (p.lit[0] == first && starts_here(line, pos, p.lit, p.next)) push((*out)[p.rule], p32);
    }
  }
}

void TriggerIndex::scan(std::string_view view, std::size_t line_start, std::size_t line_end,
                        std::vector<std::vector<std::uint32_t>>* out) const {
  out->resize(size());
  for (auto& v : *out) v.clear();
  if (bounded_.empty && anywhere_.empty) return;
  const std::string_view line = view.substr(line_start, line_end - line_start);
  bool prev_word = line_start > 0 && word_cp(decode_before(view, line_start));
  const bool bounded = !bounded_.empty, anywhere = !anywhere_.empty;
  const std::uint8_t* ascii = bounded && !bounded_.starts_with.empty() ? bounded_.starts_with.data()
                                                                       : nullptr;
  const bool always = !bounded_.always.empty();
  for (std::size_t pos = 0; pos < line.size();) {
    const auto b = static_cast<unsigned char>(line[pos]);
    if (b < 0x80 && !anywhere && !always) {
      // ASCII, the most of the text: one table lookup says whether anything
      // can start at this character (spaces, most punctuation: nothing;
      // items for the line start are looked at in at()).
      const bool word = kChars.word[b];
      if (!(word && prev_word) && (pos == 0 || (ascii != nullptr && ascii[kChars.fold[b]] != 0))) {
        at(bounded_, line, pos, word, out);
      }
      prev_word = word;
      ++pos;
      continue;
    }
    std::size_t len = 0;
    const bool word = word_cp(cp_at(line, pos, &len));
    const bool inside = word && prev_word;
    if (anywhere) at(anywhere_, line, pos, word, out);
    if (!inside && bounded) at(bounded_, line, pos, word, out);
    prev_word = word;
    pos += len;
  }
}

}  // namespace vnie::detail
