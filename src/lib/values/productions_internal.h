// Declarations shared between the value production files.
#pragma once

#include "extract/production.h"

namespace vnie::detail {
namespace values {

bool is_ascii_digit(char32_t c);
bool is_letter(char32_t c);
/// A number glued to a code, score, phone number or ratio ("1234/QĐ", "COVID-19").
bool glued(const Match& m);

void register_date_productions(ProductionRegistry& r);

}  // namespace values
}  // namespace vnie::detail
