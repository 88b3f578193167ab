// Declarations shared between the value production files.
#pragma once

#include "extract/production.h"

namespace vnie::detail {
namespace values {

bool is_ascii_digit(char32_t c);
bool is_letter(char32_t c);
/// A number glued to a code, score, phone number or ratio ("1234/QĐ", "COVID-19").
bool glued(const Match& m);
/// True when `word` may be a word of the noun a number counts: a lower-case
/// letter first and no function word of lists/counted_noun_stops.txt (as the
/// first word, one marked noun=yes is a noun: "2 bên", "20 tổ chức").
bool noun_word(const Lexicon& lex, std::string_view word, bool first);

void register_date_productions(ProductionRegistry& r);

}  // namespace values
}  // namespace vnie::detail
