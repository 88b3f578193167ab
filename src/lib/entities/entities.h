// Entity productions (organizations, awards, people) and the small text helpers they share.
// Every function here is pure: it reads the match, the document and the word lists only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/production.h"
#include "rules/lexicon.h"

namespace vnie::detail::entities {

// ---- productions (registered in productions.cpp)
bool organization(const Match& m, Value* out);
bool organization_levels(const Match& m, Value* out);
bool organization_known(const Match& m, Value* out);
bool organization_abbreviation(const Match& m, Value* out);
bool organization_union_named(const Match& m, Value* out);
bool organization_place_tail(const Match& m, Value* out);
bool organization_brand(const Match& m, Value* out);
bool award(const Match& m, Value* out);
bool award_quoted(const Match& m, Value* out);
bool person(const Match& m, Value* out);
bool person_byline(const Match& m, Value* out);
bool person_titled_given(const Match& m, Value* out);
bool person_given(const Match& m, Value* out);
bool person_foreign(const Match& m, Value* out);
/// Gates (extract/production.h) of person_given and person_foreign: a marker word before
/// the start; a first word that is a listed foreign name or foreign-shaped.
bool person_given_gate(const Match& m);
bool person_foreign_gate(const Match& m);
bool person_caps(const Match& m, Value* out);
bool person_credit(const Match& m, Value* out);

// ---- helpers (text.cpp)

/// True when `s` has letters and none of them is lower case ("NGUYỄN VĂN AN", "UBND").
bool all_caps(std::string_view s);
/// True when `s` has at least two upper-case letters in one word ("LĐLĐ", "GD&ĐT", "TP.HCM").
bool has_upper_run(std::string_view s);
/// Collapses blanks to single spaces and trims.
std::string squeeze(std::string_view s);
/// Up to `n` words ending at byte `pos` of `text`, on the same line, stopping at punctuation
/// other than '-', '/', '&' and '.'. Words are returned in text order.
std::vector<std::string_view> words_before(std::string_view text, std::size_t pos, std::size_t n);
/// The word starting after blanks at byte `pos` (letters, digits and '&', '-', '/', '.').
std::string_view word_after(std::string_view text, std::size_t pos);
/// Looks `text` up in `list` only when the list exists.
const LexEntry* find(const Match& m, std::string_view list, std::string_view text);
/// True when the last one or two words before `pos` are a form of `list`.
bool preceded_by(const Match& m, std::size_t pos, std::string_view list);

}  // namespace vnie::detail::entities
