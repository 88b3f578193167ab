// Parsing helpers of the value productions: Vietnamese numbers written with
// digits or words, Roman numerals, calendar arithmetic. Pure functions, no
// allocation beyond small locals; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "vnie/document.h"

namespace vnie::detail::values {

/// Digits as written in Vietnamese text: '.' groups thousands and ',' marks
/// decimals ("4.609" = 4609, "13,5" = 13.5, "62.000.000", "01" = 1, ",77" =
/// 0.77); English grouping when unambiguous ("1,200,000" — two or more
/// 3-digit comma groups); blanks as thousands separators ("1 200 000").
/// A trailing k/K (×1e3), m/M (×1e6) or g/G (×1e9) multiplies.
bool parse_digits(std::string_view s, double* out);

/// A number written with Vietnamese number words, possibly mixed with digits
/// and scale words: "ba mươi ba", "hai mươi mốt nghìn không trăm mười một",
/// "một trăm lẻ ba", "hai mươi tư", "2 triệu rưỡi", "3 triệu 500 nghìn",
/// "1,2 tỷ", "hai trăm triệu", "hai phẩy 23", "một chấm ba", "trăm".
/// Words are separated by blanks; case and tone style do not matter as long
/// as the text is NFC. Returns false on anything that is not a well-formed
/// number ("ba năm", "mười năm", "trăm năm", "năm 2020").
bool parse_number(std::string_view s, double* out);

/// Like parse_number, and also reports how many tokens were read and whether
/// the number is a single bare word (a digit word or a lone scale word), which
/// running text needs context to accept.
struct NumberInfo {
  double value = 0;
  int tokens = 0;
  bool has_words = false;  ///< at least one number word (not only digits)
  bool has_scale = false;  ///< a scale word (trăm, nghìn, triệu, tỷ, …)
  bool bare_word = false;  ///< exactly one word and no digits
};
bool parse_number_info(std::string_view s, NumberInfo* out);

/// A strict Roman numeral, I … MMMCMXCIX, canonical form only ("IIII" and
/// "IC" are rejected). Upper case only.
bool parse_roman(std::string_view s, int* out);

/// The value of one Vietnamese digit word ("không" … "chín", and the
/// positional forms "mốt", "lăm", "nhăm", "tư", "linh"/"lẻ" → -1 marker is
/// not a digit): -1 when `w` is not a digit word.
int digit_word(std::string_view w);

bool is_leap(int y);
int days_in_month(int y, int m);  ///< February has 29 days when y <= 0 (unknown year)
bool valid_date(std::optional<int> y, int m, int d);
/// 1 = Monday … 7 = Sunday.
int weekday_of(int y, int m, int d);
/// Days since 1970-01-01 and back.
std::int64_t days_from_civil(int y, int m, int d);
void civil_from_days(std::int64_t z, int* y, int* m, int* d);
/// A date (all of year, month, day set) moved by `n` days.
DateValue add_days(const DateValue& d, int n);

/// The year for a year-less day/month seen in a document published on
/// `ref`: the year that puts the date nearest to `ref` (within six months),
/// i.e. the reference year, or the previous one for a date more than six
/// months after the reference, or the next one for a date more than six
/// months before it. `day` may be 0 for a whole month.
int nearest_year(const DateValue& ref, int month, int day);

/// A two-digit year: 00–69 → 2000–2069, 70–99 → 1970–1999.
int expand_year(int yy);

}  // namespace vnie::detail::values
