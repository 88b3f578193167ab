// Small helpers shared by the value productions: captures, context around a
// match, lower-casing, word lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extract/production.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::values {

/// The first of the captures `names` that took part in the match.
inline std::optional<std::string_view> first_of(const Match& m,
                                                std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (auto v = m.get(n)) return v;
  }
  return std::nullopt;
}

/// The rule's view text (all value rules run on the normalized view).
inline std::string_view view_text(const Match& m) {
  return m.view() == View::folded ? std::string_view(m.document().folded)
                                  : std::string_view(m.document().text);
}

/// The code point just before the match (0 at the start of the text).
inline char32_t char_before(const Match& m) {
  return m.start() == 0 ? 0 : decode_before(view_text(m), m.start());
}
/// The code point just after the match (0 at the end).
inline char32_t char_after(const Match& m) {
  const auto t = view_text(m);
  if (m.end() >= t.size()) return 0;
  std::size_t len = 0;
  return decode_at(t, m.end(), len);
}

/// The word (letters/digits) before position `pos` of `t`, skipping blanks
/// (not other punctuation); empty when something else comes first.
std::string_view word_before(std::string_view t, std::size_t pos);
/// The word after position `pos`, skipping blanks.
std::string_view word_after(std::string_view t, std::size_t pos);
/// The text of the rest of the line after `pos` (up to '\n'), at most about
/// 1 KB of it (ending at a blank where there is one): the next few words.
std::string_view rest_of_line(std::string_view t, std::size_t pos);

/// True when the match is the whole line apart from blanks and final
/// punctuation: a phrase standing alone.
bool whole_line(const Match& m);

inline std::string lower(std::string_view s) { return to_lower(s); }

/// Blanks collapsed, lower case: "Vào  Lúc" → "vào lúc".
std::string lower_collapsed(std::string_view s);

/// The Qualifier of capture `name` (qualifiers list), exact when absent.
Qualifier qualifier_of(const Match& m, std::string_view name);

/// The attribute `key` of the entry of `list` for `text`, or "".
std::string_view list_attr(const Match& m, std::string_view list, std::string_view text,
                           std::string_view key);

}  // namespace vnie::detail::values
