// Small Unicode helpers over UTF-8 used by the rule engine and productions.
// (Normalization proper lives in src/lib/normalize.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnie::detail {

/// Decodes the code point at byte `i` of valid UTF-8 `s`; sets `len` to its
/// byte length. Returns U+FFFD with len 1 on a malformed byte.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) noexcept;
/// The code point ending just before byte `i` (i > 0), or 0 when i == 0.
char32_t decode_before(std::string_view s, std::size_t i) noexcept;
/// Appends the UTF-8 form of `c`.
void append_utf8(std::string& out, char32_t c);

/// Letters, digits and combining marks: what a word is made of.
bool is_word_char(char32_t c) noexcept;
/// True when byte `pos` of `s` lies inside a word: the characters before and
/// at `pos` are both word characters.
bool inside_word(std::string_view s, std::size_t pos) noexcept;
/// The end of the run of word characters that starts at or contains byte
/// `pos` of `s` (`pos` itself when the character there is no word character).
std::size_t word_end(std::string_view s, std::size_t pos) noexcept;
/// True when [start, end) of `s` does not begin or end inside a word: the
/// character before `start` and the first one of the span are not both word
/// characters, and likewise at `end`.
bool at_word_boundaries(std::string_view s, std::size_t start, std::size_t end) noexcept;

/// True when the first code point of `s` is an upper-case letter.
bool starts_upper(std::string_view s);
/// Lower-cases valid UTF-8 (simple, one code point to one code point).
std::string to_lower(std::string_view s);
/// NFC of valid UTF-8 (ICU). Input that is not valid UTF-8 is returned as is.
std::string to_nfc(std::string_view s);
/// True when `s` is valid UTF-8; sets `bad_offset` to the first bad byte otherwise.
bool valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr) noexcept;
/// `s` without the ASCII blanks (space, tab, CR, LF) at both ends.
std::string_view trim(std::string_view s) noexcept;
/// The number of space-separated words of `s`.
std::size_t count_words(std::string_view s) noexcept;
/// Collapses runs of blanks to one space and trims both ends.
std::string collapse_spaces(std::string_view s);
/// The words of `s`, split at blanks (space, tab).
std::vector<std::string_view> split_words(std::string_view s);
/// Words [from, to) of `words` joined with single spaces.
std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to);

}  // namespace vnie::detail
